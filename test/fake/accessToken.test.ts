import {
  createAnAccessToken,
  createClient,
  getACart,
  type AccessTokenRequest,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createAdminClient, createTestClient, FAKE_CLIENT_SECRET } from "../support/sdk";

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  // A bare client (no auth wrapper), as the SDK's own token provider uses.
  const bare = createClient({ baseUrl: fake.baseUrl });
  const requestToken = (body: Partial<AccessTokenRequest>) =>
    createAnAccessToken({ client: bare, body: body as AccessTokenRequest });
  return { fake, requestToken };
}

const T0 = Date.parse("2025-03-01T10:00:00Z");

describe("POST /oauth/access_token", () => {
  test("implicit: 200 with an unwrapped token that lives one hour on the fake's clock", async () => {
    const { fake, requestToken } = setup({ now: () => T0 });
    const { data, response } = await requestToken({
      grant_type: "implicit",
      client_id: fake.clientId,
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(data).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      token_type: "Bearer",
      expires_in: 3600,
      expires: T0 / 1000 + 3600,
      identifier: "implicit",
    });
    expect(fake.requests).toMatchObject([
      {
        id: 1,
        endpoint: "access-token",
        method: "POST",
        path: "/oauth/access_token",
        body: { grant_type: "implicit", client_id: "fake-client-id" },
        headers: { "content-type": "application/x-www-form-urlencoded" },
        status: 200,
      },
    ]);
  });

  test("client_credentials with the right secret: 200, identifier client_credentials", async () => {
    const { fake, requestToken } = setup();
    const { data, response } = await requestToken({
      grant_type: "client_credentials",
      client_id: fake.clientId,
      client_secret: FAKE_CLIENT_SECRET,
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ identifier: "client_credentials", token_type: "Bearer" });
  });

  test("custom client id and secret from the options", async () => {
    const { fake, requestToken } = setup({ clientId: "my-store", clientSecret: "s3cret" });
    expect(fake.clientId).toBe("my-store");
    const ok = await requestToken({
      grant_type: "client_credentials",
      client_id: "my-store",
      client_secret: "s3cret",
    });
    expect(ok.response.status).toBe(200);
    const refused = await requestToken({ grant_type: "implicit", client_id: "fake-client-id" });
    expect(refused.response.status).toBe(401);
  });

  test.each([
    ["an unknown client id", { grant_type: "implicit", client_id: "who" }],
    [
      "a wrong client secret",
      { grant_type: "client_credentials", client_id: "fake-client-id", client_secret: "nope" },
    ],
  ])("%s: 401 with a string status, as the auth examples", async (_, body) => {
    const { requestToken } = setup();
    const { error, response } = await requestToken(body);
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [{ status: "401", title: "Unauthorized", detail: expect.any(String) }],
    });
  });

  test.each([
    ["no grant_type", { client_id: "fake-client-id" }, "grant_type is required."],
    [
      "an unsupported grant_type",
      { grant_type: "password", client_id: "fake-client-id" },
      'grant_type must be "implicit" or "client_credentials", got "password".',
    ],
    ["no client_id", { grant_type: "implicit" }, "client_id is required."],
    [
      "client_credentials without a secret",
      { grant_type: "client_credentials", client_id: "fake-client-id" },
      "client_secret is required for client_credentials.",
    ],
  ])("%s: 400", async (_, body, detail) => {
    const { requestToken } = setup();
    const { error, response } = await requestToken(body);
    expect(response.status).toBe(400);
    expect(error).toEqual({ errors: [{ status: "400", title: "Bad Request", detail }] });
  });
});

describe("bearer tokens on /v2", () => {
  test("the SDK fetches an implicit token once and reuses it", async () => {
    const { fake } = setup();
    const { client } = createTestClient(fake);
    await getACart({ client, path: { cartID: "one" } });
    await getACart({ client, path: { cartID: "two" } });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /oauth/access_token 200",
      "GET /v2/carts/one 200",
      "GET /v2/carts/two 200",
    ]);
    expect(fake.requestsTo("get-cart")[0]?.headers.authorization).toMatch(/^Bearer [0-9a-f]{40}$/);
  });

  test("an unknown bearer: 401 Unable to validate access token (recorded too)", async () => {
    const { fake } = setup();
    const { client } = createTestClient(fake);
    const { error, response } = await getACart({
      client,
      path: { cartID: "abc" },
      headers: { Authorization: "Bearer not-a-token" },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual({ errors: [{ status: 401, title: "Unable to validate access token" }] });
    // The SDK refreshes its token and retries a GET once; our explicit header wins both times.
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /oauth/access_token 200",
      "GET /v2/carts/abc 401",
      "POST /oauth/access_token 200",
      "GET /v2/carts/abc 401",
    ]);
  });

  test("a request without any bearer: 401", async () => {
    const { fake } = setup();
    const response = await fetch(`${fake.baseUrl}/v2/carts/abc`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(fake.requests[0]).toMatchObject({ status: 401, headers: {} });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
  });

  test("an implicit token expires after an hour on the fake's clock; the SDK then gets a new one for a GET", async () => {
    // Start at the real time: the SDK judges its token's expiry by the real clock.
    let now = Date.now();
    const { fake } = setup({ now: () => now });
    const { client } = createTestClient(fake);
    await getACart({ client, path: { cartID: "abc" } });

    // Only the fake's clock moves: the SDK still believes in its token and sends it.
    now += 3600 * 1000;
    const { response } = await getACart({ client, path: { cartID: "abc" } });
    expect(response.status).toBe(200);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /oauth/access_token 200",
      "GET /v2/carts/abc 200",
      "GET /v2/carts/abc 401",
      "POST /oauth/access_token 200",
      "GET /v2/carts/abc 200",
    ]);
  });

  test("a client-credentials bearer is accepted on /v2", async () => {
    const { fake } = setup();
    const { client } = createAdminClient(fake);
    const { response } = await getACart({ client, path: { cartID: "abc" } });
    expect(response.status).toBe(200);
    expect(fake.requestsTo("access-token")[0]?.body).toMatchObject({
      grant_type: "client_credentials",
    });
  });
});
