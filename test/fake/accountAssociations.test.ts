import {
  createAccountCartAssociation,
  deleteAccountCartAssociation,
  type CartsRelationshipsAccountsData,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath } from "../../src/testing";
import { server } from "../support/server";
import { createAdminClient, createTestClient, type ShopperClient } from "../support/sdk";

type Operation = typeof createAccountCartAssociation | typeof deleteAccountCartAssociation;

function setup() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const acme = fake.seedAccount({ name: "Acme" });
  const globex = fake.seedAccount({ name: "Globex" });
  const ada = fake.seedAccountMember({
    username: "ada",
    password: "analytical",
    accountIds: [acme.id, globex.id],
  });
  const shopper = createTestClient(fake).client;
  const admin = createAdminClient(fake).client;
  const acmeToken = fake.issueAccountToken(ada.id, acme.id);
  const call = (
    operation: Operation,
    cartID: string,
    options: {
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
      client?: ShopperClient;
    } = {},
  ) =>
    operation({
      client: options.client ?? shopper,
      path: { cartID },
      body: options.body as CartsRelationshipsAccountsData,
      headers: {
        ...(options.token ? { "EP-Account-Management-Authentication-Token": options.token } : {}),
        ...options.headers,
      },
    });
  const asAccount = (id: string) => ({ data: [{ type: "account", id }] });
  return { fake, acme, globex, ada, shopper, admin, acmeToken, call, asAccount };
}

const associate = createAccountCartAssociation;
const disassociate = deleteAccountCartAssociation;

describe("POST /v2/carts/:id/relationships/accounts", () => {
  test("with the account's token: 200 echoing the account, now associated", async () => {
    const { fake, acme, acmeToken, call, asAccount } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { data, response } = await call(associate, cartId, {
      body: asAccount(acme.id),
      token: acmeToken,
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(data).toEqual({ data: [{ type: "account", id: acme.id }] });
    expect(fake.accountAssociations()).toEqual([{ cartId, accountId: acme.id }]);
    expect(fake.associations()).toEqual([]);
    expect(fake.getCart(cartId)?.relationships?.accounts).toEqual({
      data: [{ type: "account", id: acme.id }],
    });
    expect(fake.cartsOfAccount(acme.id).map((cart) => cart.id)).toEqual([cartId]);
    expect(fake.requestsTo("associate-account")).toMatchObject([
      {
        method: "POST",
        path: `/v2/carts/${cartId}/relationships/accounts`,
        headers: {
          authorization: expect.stringMatching(/^Bearer /),
          "ep-account-management-authentication-token": acmeToken,
          "content-type": "application/json",
        },
        body: asAccount(acme.id),
        status: 200,
      },
    ]);
  });

  test("already associated: 204 with an empty body, a no-op", async () => {
    const { fake, acme, acmeToken, call, asAccount } = setup();
    const cart = fake.seedCart({ accountIds: [acme.id] });
    const before = fake.getCart(cart.id ?? "");
    const { data, response } = await call(associate, cart.id ?? "", {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(204);
    expect(data).toEqual({});
    expect(await response.text()).toBe("");
    expect(fake.getCart(cart.id ?? "")).toEqual(before);
  });

  test("a cart may be associated with several accounts, and with customers too", async () => {
    const { fake, acme, globex, ada, acmeToken, call, asAccount } = setup();
    const customer = fake.seedCustomer({ email: "c@example.com", password: "x" });
    const cartId = fake.seedCart({ customerIds: [customer.id] }).id ?? "";
    await call(associate, cartId, { body: asAccount(acme.id), token: acmeToken });
    const globexToken = fake.issueAccountToken(ada.id, globex.id);
    const { response } = await call(associate, cartId, {
      body: asAccount(globex.id),
      token: globexToken,
    });
    expect(response.status).toBe(200);
    expect(fake.accountAssociations()).toEqual([
      { cartId, accountId: acme.id },
      { cartId, accountId: globex.id },
    ]);
    expect(fake.associations()).toEqual([{ cartId, customerId: customer.id }]);
  });

  test("a cart id that does not exist yet: created on demand and associated", async () => {
    const { fake, acme, acmeToken, call, asAccount } = setup();
    const { response } = await call(associate, "fresh-cart", {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(200);
    expect(fake.cartsOfAccount(acme.id).map((cart) => cart.id)).toEqual(["fresh-cart"]);
  });

  test("client credentials without an account token act for any account", async () => {
    const { fake, globex, admin, call, asAccount } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { data, response } = await call(associate, cartId, {
      body: asAccount(globex.id),
      client: admin,
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(asAccount(globex.id));
    expect(fake.accountAssociations()).toEqual([{ cartId, accountId: globex.id }]);
  });

  test("client credentials with an account id that was never seeded: 400 Account not found", async () => {
    const { fake, admin, call, asAccount } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { error, response } = await call(associate, cartId, {
      body: asAccount("00000000-0000-4000-8000-000000000000"),
      client: admin,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "Account not found",
          detail: 'No account with id "00000000-0000-4000-8000-000000000000" exists.',
        },
      ],
    });
    expect(fake.accountAssociations()).toEqual([]);
  });

  test("a cart with a contact email: 422", async () => {
    const { fake, acme, acmeToken, call, asAccount } = setup();
    const cartId = fake.seedCart({ contactEmail: "guest@example.com" }).id ?? "";
    const { error, response } = await call(associate, cartId, {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(422);
    expect(error).toEqual({
      errors: [
        {
          status: 422,
          title: "Cannot associate accounts to carts with contact emails",
          detail: "Unable to associate accounts to carts with contact emails attached.",
        },
      ],
    });
    expect(fake.accountAssociations()).toEqual([]);
  });
});

describe.each([
  ["POST", associate, "associate-account"],
  ["DELETE", disassociate, "disassociate-account"],
] as const)("%s /v2/carts/:id/relationships/accounts refuses", (method, operation, endpoint) => {
  test("an entry whose type is not account: 400", async () => {
    const { fake, acme, acmeToken, call } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: { data: [{ type: "customer", id: acme.id }] },
      token: acmeToken,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "The type does not exist or is not listed as account",
          detail: 'Each entry of data needs type "account".',
        },
      ],
    });
  });

  test("an empty data array, or an entry without id: 400", async () => {
    const { fake, acmeToken, call } = setup();
    const cartId = fake.seedCart().id ?? "";
    const empty = await call(operation, cartId, { body: { data: [] }, token: acmeToken });
    expect(empty.response.status).toBe(400);
    expect(empty.error).toMatchObject({
      errors: [{ detail: "data must hold exactly one entry of type account." }],
    });
    const noId = await call(operation, cartId, {
      body: { data: [{ type: "account" }] },
      token: acmeToken,
    });
    expect(noId.response.status).toBe(400);
    expect(noId.error).toMatchObject({ errors: [{ detail: "data[0].id is required." }] });
  });

  test("more than one entry: 403", async () => {
    const { fake, acme, globex, acmeToken, call } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: {
        data: [
          { type: "account", id: acme.id },
          { type: "account", id: globex.id },
        ],
      },
      token: acmeToken,
    });
    expect(response.status).toBe(403);
    expect(error).toEqual({
      errors: [
        {
          status: 403,
          title: "Cannot associate more than one account",
          detail: "data must hold exactly one account.",
        },
      ],
    });
  });

  test('data sent as an object instead of an array: 403 "Invalid json payload"', async () => {
    const { fake, acme, acmeToken, call } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: { data: { type: "account", id: acme.id } },
      token: acmeToken,
    });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ errors: [{ status: 403, title: "Invalid json payload" }] });
  });

  test("an account token of another account than data[0].id: 403", async () => {
    const { fake, globex, acmeToken, call, asAccount } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { error, response } = await call(operation, cartId, {
      body: asAccount(globex.id),
      token: acmeToken,
    });
    expect(response.status).toBe(403);
    expect(error).toEqual({
      errors: [
        {
          status: 403,
          title: "Forbidden",
          detail: "Account does not have the required permissions to fulfill this request",
        },
      ],
    });
  });

  test("an implicit bearer without an account token (a customer token is no account token): 403", async () => {
    const { fake, acme, call, asAccount } = setup();
    const cartId = fake.seedCart().id ?? "";
    const customer = fake.seedCustomer({ email: "c@example.com", password: "x" });
    const withoutAccountToken: Array<Record<string, string>> = [
      {},
      { "X-Moltin-Customer-Token": fake.issueCustomerToken(customer.id) },
    ];
    for (const headers of withoutAccountToken) {
      const { error, response } = await call(operation, cartId, {
        body: asAccount(acme.id),
        headers,
      });
      expect(response.status).toBe(403);
      expect(error).toMatchObject({ errors: [{ status: 403, title: "Forbidden" }] });
    }
  });

  test("a revoked account token: 401, and the SDK does not send the request again", async () => {
    const { fake, acme, ada, acmeToken, call, asAccount } = setup();
    fake.expireAccountTokens(ada.id);
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({
      errors: [{ status: 401, detail: "The account management authentication token has expired." }],
    });
    expect(fake.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      "access-token 200",
      `${endpoint} 401`,
      "access-token 200",
    ]);
  });

  test("a garbled account token: 401", async () => {
    const { fake, acme, call, asAccount } = setup();
    const { response } = await call(operation, fake.seedCart().id ?? "", {
      body: asAccount(acme.id),
      token: "garbled",
    });
    expect(response.status).toBe(401);
  });

  test("a body that is not JSON: 400", async () => {
    const { fake, acmeToken, shopper } = setup();
    const { error, response } = await shopper.request({
      method,
      url: "/v2/carts/abc/relationships/accounts",
      headers: {
        "EP-Account-Management-Authentication-Token": acmeToken,
        "Content-Type": "application/json",
      },
      body: "{",
      bodySerializer: (body: unknown) => String(body),
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errors: [{ detail: "The request body is not valid JSON." }] });
    expect(fake.requestsTo(endpoint)[0]?.body).toBe("{");
  });

  test("an unsafe cart id: 400", async () => {
    const { acme, acmeToken, call, asAccount } = setup();
    const { response } = await call(operation, "not.safe", {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(400);
  });
});

describe("DELETE /v2/carts/:id/relationships/accounts", () => {
  test("204 with an empty body; the association is gone", async () => {
    const { fake, acme, acmeToken, call, asAccount } = setup();
    const cartId = fake.seedCart({ accountIds: [acme.id] }).id ?? "";
    const { data, response } = await call(disassociate, cartId, {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(204);
    expect(data).toEqual({});
    expect(fake.accountAssociations()).toEqual([]);
    expect(fake.getCart(cartId)?.relationships?.accounts).toEqual({});
    expect(fake.cartsOfAccount(acme.id)).toEqual([]);
    expect(fake.requestsTo("disassociate-account")[0]).toMatchObject({
      method: "DELETE",
      body: asAccount(acme.id),
      status: 204,
    });
  });

  test("an account that was not associated: 204 all the same; an unknown cart is not created", async () => {
    const { fake, acme, acmeToken, call, asAccount } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { response } = await call(disassociate, cartId, {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(response.status).toBe(204);
    const unknown = await call(disassociate, "no-such-cart", {
      body: asAccount(acme.id),
      token: acmeToken,
    });
    expect(unknown.response.status).toBe(204);
    expect(fake.getCart("no-such-cart")).toBeUndefined();
  });

  test("client credentials remove any account's association; other accounts stay", async () => {
    const { fake, acme, globex, admin, call, asAccount } = setup();
    const cartId = fake.seedCart({ accountIds: [acme.id, globex.id] }).id ?? "";
    const { response } = await call(disassociate, cartId, {
      body: asAccount(globex.id),
      client: admin,
    });
    expect(response.status).toBe(204);
    expect(fake.accountAssociations()).toEqual([{ cartId, accountId: acme.id }]);
  });
});
