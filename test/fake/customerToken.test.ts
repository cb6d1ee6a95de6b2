import { getCarts } from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient, loginAs, requestCustomerToken } from "../support/sdk";

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const ada = fake.seedCustomer({ email: "Ada@Example.com", password: "analytical" });
  const { client } = createTestClient(fake);
  return { fake, ada, client };
}

function decodeJwtPayload(token: string): unknown {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
}

const DAY_SECONDS = 24 * 60 * 60;

describe("POST /v2/customers/tokens", () => {
  test("200 with a 24-hour JWT-shaped token whose sub is the customer", async () => {
    const now = Date.now();
    const { fake, ada, client } = setup({ now: () => now });
    const { data, response } = await requestCustomerToken(client, {
      data: {
        type: "token",
        email: "ada@example.com",
        password: "analytical",
        authentication_mechanism: "password",
      },
    });

    expect(response.status).toBe(200);
    const expires = Math.floor(now / 1000) + DAY_SECONDS;
    expect(data).toEqual({
      data: {
        type: "token",
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        customer_id: ada.id,
        token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expires,
      },
    });
    expect(decodeJwtPayload(data?.data.token ?? "")).toEqual({ sub: ada.id, exp: expires });
    expect(fake.requestsTo("customer-token")).toMatchObject([
      {
        method: "POST",
        path: "/v2/customers/tokens",
        headers: { authorization: expect.stringMatching(/^Bearer /) },
        body: { data: { type: "token", email: "ada@example.com", password: "analytical" } },
        status: 200,
      },
    ]);
  });

  test("emails compare case-insensitively; authentication_mechanism is optional", async () => {
    const { ada, client } = setup();
    const { data } = await requestCustomerToken(client, {
      data: { type: "token", email: "ADA@EXAMPLE.COM", password: "analytical" },
    });
    expect(data?.data.customer_id).toBe(ada.id);
  });

  test("two logins give two distinct, valid tokens", async () => {
    const { client } = setup();
    const first = await loginAs(client, "ada@example.com", "analytical");
    const second = await loginAs(client, "ada@example.com", "analytical");
    expect(first.token).not.toBe(second.token);
    for (const { token } of [first, second]) {
      const { response } = await getCarts({
        client,
        headers: { "X-Moltin-Customer-Token": token },
      });
      expect(response.status).toBe(200);
    }
  });

  test.each([
    ["a wrong password", "ada@example.com", "babbage"],
    ["an unknown email", "grace@example.com", "analytical"],
  ])("%s: 401 with a string status", async (_, email, password) => {
    const { client } = setup();
    const { error, response } = await requestCustomerToken(client, {
      data: { type: "token", email, password },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [
        { status: "401", title: "Unauthorized", detail: "The email or password is incorrect." },
      ],
    });
  });

  test.each([
    ["no data", {}, "data is required."],
    ["no email", { data: { type: "token", password: "x" } }, "data.email is required."],
    ["no password", { data: { type: "token", email: "a@b.c" } }, "data.password is required."],
    [
      "a type other than token",
      { data: { type: "customer", email: "a@b.c", password: "x" } },
      'data.type must be "token".',
    ],
    [
      "the OIDC mechanism (not modelled)",
      { data: { type: "token", authentication_mechanism: "oidc", oauth_authorization_code: "c" } },
      'The fake Elastic Path only supports authentication_mechanism "password".',
    ],
  ])("%s: 400", async (_, body, detail) => {
    const { client } = setup();
    const { error, response } = await requestCustomerToken(client, body);
    expect(response.status).toBe(400);
    expect(error).toEqual({ errors: [{ status: "400", title: "Bad Request", detail }] });
  });

  test("a body that is not JSON: 400", async () => {
    const { client } = setup();
    const { error, response } = await client.post({
      url: "/v2/customers/tokens",
      body: "{not json",
      bodySerializer: (body: unknown) => String(body),
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errors: [{ detail: "The request body is not valid JSON." }] });
  });

  test("an invalid bearer: 401, and the SDK does not send the POST again", async () => {
    const { fake, client } = setup();
    const { error, response } = await client.post({
      url: "/v2/customers/tokens",
      body: { data: { type: "token", email: "ada@example.com", password: "analytical" } },
      headers: { Authorization: "Bearer stale" },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [{ status: "401", title: "Unable to validate access token" }],
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /oauth/access_token 200",
      "POST /v2/customers/tokens 401",
      "POST /oauth/access_token 200",
    ]);
  });
});

describe("X-Moltin-Customer-Token checks", () => {
  const listWith = (client: ReturnType<typeof setup>["client"], token: string) =>
    getCarts({ client, headers: { "X-Moltin-Customer-Token": token } });

  test("a token expires 24 hours after login on the fake's clock: 401", async () => {
    // Whole seconds: `expires` is epoch seconds, and the token dies at that second.
    let now = Math.floor(Date.now() / 1000) * 1000;
    const { client } = setup({ now: () => now });
    const { token } = await loginAs(client, "ada@example.com", "analytical");

    now += DAY_SECONDS * 1000 - 1;
    expect((await listWith(client, token)).response.status).toBe(200);
    now += 1;
    const { error, response } = await listWith(client, token);
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [{ status: 401, title: "Unauthorized", detail: "The customer token has expired." }],
    });
  });

  test("expireCustomerTokens: every token issued so far answers 401; a new login works", async () => {
    const { fake, ada, client } = setup();
    const grace = fake.seedCustomer({ email: "grace@example.com", password: "cobol" });
    const adaToken = (await loginAs(client, "ada@example.com", "analytical")).token;
    const issued = fake.issueCustomerToken(ada.id);
    const graceToken = fake.issueCustomerToken(grace.id);

    fake.expireCustomerTokens(ada.id);
    expect((await listWith(client, adaToken)).response.status).toBe(401);
    expect((await listWith(client, issued)).response.status).toBe(401);
    expect((await listWith(client, graceToken)).response.status).toBe(200);
    const fresh = await loginAs(client, "ada@example.com", "analytical");
    expect((await listWith(client, fresh.token)).response.status).toBe(200);
  });

  test("a garbled or unknown token: 401, and the SDK's GET retry shows on the wire", async () => {
    const { fake, client } = setup();
    const { error, response } = await listWith(client, "garbled.token.value");
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [{ status: 401, title: "Unauthorized", detail: "The customer token is not valid." }],
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /oauth/access_token 200",
      "GET /v2/carts 401",
      "POST /oauth/access_token 200",
      "GET /v2/carts 401",
    ]);
  });

  test("issueCustomerToken gives a working token without a login request", async () => {
    const { fake, ada, client } = setup();
    const token = fake.issueCustomerToken(ada.id);
    expect(decodeJwtPayload(token)).toMatchObject({ sub: ada.id });
    expect((await listWith(client, token)).response.status).toBe(200);
    expect(fake.requestsTo("customer-token")).toEqual([]);
  });
});
