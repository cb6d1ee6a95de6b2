import {
  createCustomerCartAssociation,
  deleteCustomerCartAssociation,
  type CartsRelationshipsCustomersData,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath } from "../../src/testing";
import { server } from "../support/server";
import { createAdminClient, createTestClient, type ShopperClient } from "../support/sdk";

type Operation = typeof createCustomerCartAssociation | typeof deleteCustomerCartAssociation;

function setup() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const ada = fake.seedCustomer({ email: "ada@example.com", password: "analytical" });
  const grace = fake.seedCustomer({ email: "grace@example.com", password: "cobol" });
  const shopper = createTestClient(fake).client;
  const admin = createAdminClient(fake).client;
  const adaToken = fake.issueCustomerToken(ada.id);
  const call = (
    operation: Operation,
    cartID: string,
    options: { body?: unknown; token?: string; client?: ShopperClient } = {},
  ) =>
    operation({
      client: options.client ?? shopper,
      path: { cartID },
      body: options.body as CartsRelationshipsCustomersData,
      headers: options.token ? { "X-Moltin-Customer-Token": options.token } : {},
    });
  const asCustomer = (id: string) => ({ data: [{ type: "customer", id }] });
  return { fake, ada, grace, shopper, admin, adaToken, call, asCustomer };
}

const associate = createCustomerCartAssociation;
const disassociate = deleteCustomerCartAssociation;

describe("POST /v2/carts/:id/relationships/customers", () => {
  test("with the customer's token: 200 echoing the customer, now associated", async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    const cart = fake.seedCart();
    const cartId = cart.id ?? "";
    const { data, response } = await call(associate, cartId, {
      body: asCustomer(ada.id),
      token: adaToken,
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(data).toEqual({ data: [{ type: "customer", id: ada.id }] });
    expect(fake.associations()).toEqual([{ cartId, customerId: ada.id }]);
    expect(fake.getCart(cartId)?.relationships?.customers).toEqual({
      data: [{ type: "customer", id: ada.id }],
    });
    expect(fake.requestsTo("associate")).toMatchObject([
      {
        method: "POST",
        path: `/v2/carts/${cartId}/relationships/customers`,
        headers: {
          authorization: expect.stringMatching(/^Bearer /),
          "x-moltin-customer-token": adaToken,
          "content-type": "application/json",
        },
        body: asCustomer(ada.id),
        status: 200,
      },
    ]);
  });

  test("already associated: 204 with an empty body, a no-op", async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    const cart = fake.seedCart({ customerIds: [ada.id] });
    const before = fake.getCart(cart.id ?? "");
    const { data, response } = await call(associate, cart.id ?? "", {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(204);
    expect(data).toEqual({});
    expect(await response.text()).toBe("");
    expect(fake.getCart(cart.id ?? "")).toEqual(before);
  });

  test("a cart may be associated with several customers", async () => {
    const { fake, ada, grace, adaToken, call, asCustomer } = setup();
    const cartId = fake.seedCart().id ?? "";
    await call(associate, cartId, { body: asCustomer(ada.id), token: adaToken });
    const graceToken = fake.issueCustomerToken(grace.id);
    const { response } = await call(associate, cartId, {
      body: asCustomer(grace.id),
      token: graceToken,
    });
    expect(response.status).toBe(200);
    expect(fake.associations()).toEqual([
      { cartId, customerId: ada.id },
      { cartId, customerId: grace.id },
    ]);
  });

  test("a cart id that does not exist yet: created on demand and associated", async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    const { response } = await call(associate, "fresh-cart", {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(200);
    expect(fake.cartsOf(ada.id).map((cart) => cart.id)).toEqual(["fresh-cart"]);
  });

  test("client credentials without a customer token act for any customer", async () => {
    const { fake, grace, admin, call, asCustomer } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { data, response } = await call(associate, cartId, {
      body: asCustomer(grace.id),
      client: admin,
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(asCustomer(grace.id));
    expect(fake.associations()).toEqual([{ cartId, customerId: grace.id }]);
  });

  test("client credentials with a customer id that was never seeded: 400 Customer not found", async () => {
    const { fake, admin, call, asCustomer } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { error, response } = await call(associate, cartId, {
      body: asCustomer("00000000-0000-4000-8000-000000000000"),
      client: admin,
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errors: [{ status: 400, title: "Customer not found" }] });
    expect(fake.associations()).toEqual([]);
  });

  test("a cart with a contact email: 422", async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    const cartId = fake.seedCart({ contactEmail: "guest@example.com" }).id ?? "";
    const { error, response } = await call(associate, cartId, {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(422);
    expect(error).toEqual({
      errors: [
        {
          status: 422,
          title: "Cannot associate customers to carts with contact emails",
          detail: "Unable to associate customers to carts with contact emails attached.",
        },
      ],
    });
    expect(fake.associations()).toEqual([]);
  });
});

describe.each([
  ["POST", associate],
  ["DELETE", disassociate],
] as const)("%s /v2/carts/:id/relationships/customers refuses", (method, operation) => {
  test(`${method}: an entry whose type is not customer: 400`, async () => {
    const { fake, ada, adaToken, call } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: { data: [{ type: "account", id: ada.id }] },
      token: adaToken,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "The type does not exist or is not listed as customer",
          detail: 'Each entry of data needs type "customer".',
        },
      ],
    });
  });

  test(`${method}: an empty data array: 400`, async () => {
    const { fake, adaToken, call } = setup();
    const { response } = await call(operation, fake.seedCart().id ?? "", {
      body: { data: [] },
      token: adaToken,
    });
    expect(response.status).toBe(400);
  });

  test(`${method}: more than one entry: 403`, async () => {
    const { fake, ada, grace, adaToken, call } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: {
        data: [
          { type: "customer", id: ada.id },
          { type: "customer", id: grace.id },
        ],
      },
      token: adaToken,
    });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({
      errors: [{ status: 403, title: "Cannot associate more than one customer" }],
    });
  });

  test(`${method}: data sent as an object instead of an array: 403 "Invalid json payload"`, async () => {
    const { fake, ada, adaToken, call } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: { data: { type: "customer", id: ada.id } },
      token: adaToken,
    });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ errors: [{ status: 403, title: "Invalid json payload" }] });
  });

  test(`${method}: a customer token that belongs to another customer than data[0].id: 403`, async () => {
    const { fake, grace, adaToken, call, asCustomer } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: asCustomer(grace.id),
      token: adaToken,
    });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ errors: [{ status: 403, title: "Forbidden" }] });
  });

  test(`${method}: an implicit bearer without a customer token: 403`, async () => {
    const { fake, ada, call, asCustomer } = setup();
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: asCustomer(ada.id),
    });
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ errors: [{ status: 403, title: "Forbidden" }] });
  });

  test(`${method}: an expired customer token: 401, and the SDK does not send the request again`, async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    fake.expireCustomerTokens(ada.id);
    const { error, response } = await call(operation, fake.seedCart().id ?? "", {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ errors: [{ status: 401, title: "Unauthorized" }] });
    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      "POST 200",
      `${method} 401`,
      "POST 200",
    ]);
  });

  test(`${method}: a garbled customer token: 401`, async () => {
    const { fake, ada, call, asCustomer } = setup();
    const { response } = await call(operation, fake.seedCart().id ?? "", {
      body: asCustomer(ada.id),
      token: "garbled",
    });
    expect(response.status).toBe(401);
  });

  test(`${method}: a body that is not JSON: 400`, async () => {
    const { fake, adaToken } = setup();
    const response = await fetch(`${fake.baseUrl}/v2/carts/abc/relationships/customers`, {
      method,
      headers: {
        Authorization: `Bearer ${await implicitTokenByHand(fake.baseUrl, fake.clientId)}`,
        "X-Moltin-Customer-Token": adaToken,
        "Content-Type": "application/json",
      },
      body: "{",
    });
    expect(response.status).toBe(400);
  });

  test(`${method}: an unsafe cart id: 400`, async () => {
    const { ada, adaToken, call, asCustomer } = setup();
    const { response } = await call(operation, "not.safe", {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(400);
  });
});

/** An implicit token fetched by hand, for requests the SDK would not send (bad JSON). */
async function implicitTokenByHand(baseUrl: string, clientId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "implicit", client_id: clientId }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

describe("DELETE /v2/carts/:id/relationships/customers", () => {
  test("204 with an empty body; the association is gone", async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    const cartId = fake.seedCart({ customerIds: [ada.id] }).id ?? "";
    const { data, response } = await call(disassociate, cartId, {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(204);
    expect(data).toEqual({});
    expect(fake.associations()).toEqual([]);
    expect(fake.getCart(cartId)?.relationships?.customers).toEqual({});
    expect(fake.requestsTo("disassociate")[0]).toMatchObject({
      method: "DELETE",
      body: asCustomer(ada.id),
      status: 204,
    });
  });

  test("a customer who was not associated: 204 all the same", async () => {
    const { fake, ada, adaToken, call, asCustomer } = setup();
    const cartId = fake.seedCart().id ?? "";
    const { response } = await call(disassociate, cartId, {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(response.status).toBe(204);
    expect(fake.getCart(cartId)).toBeDefined();
    // ...also for a cart that does not exist, which is not created.
    const unknown = await call(disassociate, "no-such-cart", {
      body: asCustomer(ada.id),
      token: adaToken,
    });
    expect(unknown.response.status).toBe(204);
    expect(fake.getCart("no-such-cart")).toBeUndefined();
  });

  test("client credentials remove any customer's association; other customers stay", async () => {
    const { fake, ada, grace, admin, call, asCustomer } = setup();
    const cartId = fake.seedCart({ customerIds: [ada.id, grace.id] }).id ?? "";
    const { response } = await call(disassociate, cartId, {
      body: asCustomer(grace.id),
      client: admin,
    });
    expect(response.status).toBe(204);
    expect(fake.associations()).toEqual([{ cartId, customerId: ada.id }]);
  });
});
