import {
  createACart,
  createCustomerCartAssociation,
  deleteACart,
  getACart,
  getCarts,
  manageCarts,
  updateACart,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient } from "../support/sdk";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const ada = fake.seedCustomer({ email: "ada@example.com", password: "analytical" });
  const { client } = createTestClient(fake);
  return { fake, ada, client, adaToken: fake.issueCustomerToken(ada.id) };
}

describe("POST /v2/carts", () => {
  test("201 with the cart under a server-made UUID, in Elastic Path's shape", async () => {
    const now = Date.parse("2025-06-01T12:00:00.250Z");
    const { fake, client } = setup({ now: () => now });
    const { data, response } = await createACart({
      client,
      body: { data: { name: "Weekend", description: "For the trip" } },
    });

    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json");
    const cart = data?.data;
    expect(cart?.id).toMatch(UUID);
    const zero = { amount: 0, currency: "USD", formatted: "$0.00" };
    expect(cart).toEqual({
      id: cart?.id,
      type: "cart",
      name: "Weekend",
      description: "For the trip",
      links: { self: `${fake.baseUrl}/v2/carts/${cart?.id}` },
      meta: {
        display_price: {
          with_tax: zero,
          without_tax: zero,
          tax: zero,
          discount: zero,
          without_discount: zero,
        },
        timestamps: {
          created_at: "2025-06-01T12:00:00Z",
          updated_at: "2025-06-01T12:00:00Z",
          expires_at: "2025-06-08T12:00:00Z",
        },
      },
      relationships: { items: { data: null }, customers: {}, accounts: {} },
    });
    expect(fake.getCart(cart?.id ?? "")).toEqual(cart);
    expect(fake.requestsTo("create-cart")).toMatchObject([
      { method: "POST", path: "/v2/carts", body: { data: { name: "Weekend" } }, status: 201 },
    ]);
  });

  test('without a body: a cart named "Cart"', async () => {
    const { client } = setup();
    const { data, response } = await createACart({ client });
    expect(response.status).toBe(201);
    expect(data?.data).toMatchObject({ name: "Cart", description: "" });
  });

  test("with a customer token: the new cart is associated with that customer", async () => {
    const { fake, ada, client, adaToken } = setup();
    const { data } = await createACart({
      client,
      body: { data: { name: "Mine" } },
      headers: { "X-Moltin-Customer-Token": adaToken },
    });
    const cartId = data?.data.id ?? "";
    expect(data?.data.relationships?.customers).toEqual({
      data: [{ type: "customer", id: ada.id }],
    });
    expect(fake.associations()).toEqual([{ cartId, customerId: ada.id }]);
    expect(fake.cartsOf(ada.id).map((cart) => cart.id)).toEqual([cartId]);
  });

  test("with a contact email: the cart carries it", async () => {
    const { client } = setup();
    const { data } = await createACart({
      client,
      body: { data: { name: "Guest", contact: { email: "guest@example.com" } } },
    });
    expect(data?.data.contact).toEqual({ email: "guest@example.com" });
  });

  test.each([
    ["an empty name", { data: { name: "" } }, "data.name must be a string of 1 to 255 characters."],
    [
      "a 256-character name",
      { data: { name: "x".repeat(256) } },
      "data.name must be a string of 1 to 255 characters.",
    ],
    [
      "a non-string description",
      { data: { description: 7 } },
      "data.description must be a string.",
    ],
    [
      "a contact without an email",
      { data: { contact: { email: "nope" } } },
      "data.contact.email must be an email address.",
    ],
    ["data that is not an object", { data: [] }, "data must be an object."],
  ])("%s: 400", async (_, body, detail) => {
    const { fake, client } = setup();
    const { error, response } = await createACart({ client, body: body as never });
    expect(response.status).toBe(400);
    expect(error).toEqual({ errors: [{ status: 400, title: "Bad Request", detail }] });
    expect(fake.associations()).toEqual([]);
  });

  test("a contact email together with a customer token: 400", async () => {
    const { client, adaToken } = setup();
    const { error, response } = await createACart({
      client,
      body: { data: { name: "Both", contact: { email: "ada@example.com" } } },
      headers: { "X-Moltin-Customer-Token": adaToken },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      errors: [{ status: 400, title: "Cannot add contact email to a customer cart" }],
    });
  });

  test("an invalid customer token: 401", async () => {
    const { client } = setup();
    const { error, response } = await createACart({
      client,
      body: { data: { name: "Mine" } },
      headers: { "X-Moltin-Customer-Token": "nope" },
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ errors: [{ status: 401, title: "Unauthorized" }] });
  });
});

describe("GET /v2/carts/:id", () => {
  test("200 with the stored cart", async () => {
    const { fake, client } = setup();
    const seeded = fake.seedCart({
      name: "Seeded",
      items: [{ name: "Tea", quantity: 2, amount: 450 }],
    });
    const { data, response } = await getACart({ client, path: { cartID: seeded.id ?? "" } });
    expect(response.status).toBe(200);
    expect(data?.data).toEqual(seeded);
    expect(data?.data.meta?.display_price?.with_tax).toEqual({
      amount: 900,
      currency: "USD",
      formatted: "$9.00",
    });
  });

  test("an id that does not exist yet: 200 with a new, empty cart, created on demand", async () => {
    const { fake, client } = setup();
    expect(fake.getCart("my-cart_1")).toBeUndefined();
    const { data, response } = await getACart({ client, path: { cartID: "my-cart_1" } });
    expect(response.status).toBe(200);
    expect(data?.data).toMatchObject({
      id: "my-cart_1",
      type: "cart",
      name: "Cart",
      relationships: { items: { data: null }, customers: {}, accounts: {} },
    });
    expect(fake.getCart("my-cart_1")).toEqual(data?.data);
  });

  test.each(["has space", "dots.not.allowed", "slash%2Fencoded", "ümlaut"])(
    "an id with unsafe characters (%s): 400",
    async (cartID) => {
      const { fake, client } = setup();
      const { error, response } = await getACart({ client, path: { cartID } });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ errors: [{ status: 400, title: "Invalid cart id" }] });
      expect(fake.requestsTo("get-cart")[0]?.status).toBe(400);
    },
  );
});

describe("PUT /v2/carts/:id", () => {
  test("200 with the cart; only the fields sent change, and updated_at moves", async () => {
    let now = Date.parse("2025-06-01T12:00:00Z");
    const { fake, client } = setup({ now: () => now });
    const cart = fake.seedCart({ name: "Cart", description: "Kept" });
    now += 60_000;
    const { data, response } = await updateACart({
      client,
      path: { cartID: cart.id ?? "" },
      body: { data: { name: "Office supplies" } },
    });
    expect(response.status).toBe(200);
    expect(data?.data).toMatchObject({ id: cart.id, name: "Office supplies", description: "Kept" });
    expect(data?.data.meta?.timestamps?.updated_at).toBe("2025-06-01T12:01:00Z");
    expect(fake.getCart(cart.id ?? "")).toEqual(data?.data);
    expect(fake.requestsTo("update-cart")).toMatchObject([
      { method: "PUT", path: `/v2/carts/${cart.id}`, status: 200 },
    ]);
  });

  test("a renamed cart moves to the top of its shopper's list (newest updated_at first)", async () => {
    const { fake, ada, client, adaToken } = setup();
    const [, older] = fake.seedCarts(2, { customerIds: [ada.id] });
    await updateACart({
      client,
      path: { cartID: older?.id ?? "" },
      body: { data: { description: "Now first" } },
      headers: { "X-Moltin-Customer-Token": adaToken },
    });
    const { data } = await getCarts({
      client,
      headers: { "X-Moltin-Customer-Token": adaToken },
    });
    expect(data?.data.map((listed) => listed.id)[0]).toBe(older?.id);
  });

  test("a cart id that does not exist yet: created on demand, then updated", async () => {
    const { fake, client } = setup();
    const { data, response } = await updateACart({
      client,
      path: { cartID: "on-demand" },
      body: { data: { name: "New" } },
    });
    expect(response.status).toBe(200);
    expect(data?.data).toMatchObject({ id: "on-demand", name: "New" });
    expect(fake.getCart("on-demand")?.name).toBe("New");
  });

  test.each([
    ["an empty name", { name: "" }],
    ["a name of 256 characters", { name: "x".repeat(256) }],
    ["a description that is not a string", { description: 3 }],
  ])("%s: 400, and nothing changes", async (_label, data) => {
    const { fake, client } = setup();
    const cart = fake.seedCart({ name: "Before" });
    const { response } = await updateACart({
      client,
      path: { cartID: cart.id ?? "" },
      body: { data } as never,
    });
    expect(response.status).toBe(400);
    expect(fake.getCart(cart.id ?? "")?.name).toBe("Before");
  });

  test("a contact email on a customer's cart: 400", async () => {
    const { fake, ada, client } = setup();
    const cart = fake.seedCart({ customerIds: [ada.id] });
    const { response } = await updateACart({
      client,
      path: { cartID: cart.id ?? "" },
      body: { data: { contact: { email: "guest@example.com" } } },
    });
    expect(response.status).toBe(400);
    expect(fake.getCart(cart.id ?? "")?.contact).toBeUndefined();
  });

  test("an invalid customer token: 401; an unsafe id: 400", async () => {
    const { fake, client } = setup();
    const cart = fake.seedCart();
    const refused = await updateACart({
      client,
      path: { cartID: cart.id ?? "" },
      body: { data: { name: "x" } },
      headers: { "X-Moltin-Customer-Token": "not-a-token" },
    });
    expect(refused.response.status).toBe(401);
    const unsafe = await updateACart({ client, path: { cartID: "a.b" }, body: { data: {} } });
    expect(unsafe.response.status).toBe(400);
  });
});

describe("DELETE /v2/carts/:id", () => {
  test("204 with an empty body; the cart is gone", async () => {
    const { fake, client } = setup();
    const cart = fake.seedCart();
    const { data, response } = await deleteACart({ client, path: { cartID: cart.id ?? "" } });
    expect(response.status).toBe(204);
    expect(data).toEqual({});
    expect(await response.text()).toBe("");
    expect(fake.getCart(cart.id ?? "")).toBeUndefined();
  });

  test('the last cart associated with a customer: 400 "Last cart"', async () => {
    const { fake, ada, client } = setup();
    const cart = fake.seedCart({ customerIds: [ada.id] });
    const { error, response } = await deleteACart({ client, path: { cartID: cart.id ?? "" } });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "Last cart",
          detail:
            "This is the last cart associated with a customer and it cannot be deleted, try disassociating instead",
        },
      ],
    });
    expect(fake.getCart(cart.id ?? "")).toBeDefined();
  });

  test("a customer's cart that is not their last: 204, and the association goes with it", async () => {
    const { fake, ada, client } = setup();
    const [, older] = fake.seedCarts(2, { customerIds: [ada.id] });
    const { response } = await deleteACart({ client, path: { cartID: older?.id ?? "" } });
    expect(response.status).toBe(204);
    expect(fake.cartsOf(ada.id)).toHaveLength(1);
    expect(fake.associations().map((pair) => pair.cartId)).not.toContain(older?.id);
  });

  test("a cart shared by two customers is refused if it is the last of either", async () => {
    const { fake, ada, client } = setup();
    const grace = fake.seedCustomer({ email: "grace@example.com", password: "cobol" });
    fake.seedCart({ customerIds: [ada.id] });
    const shared = fake.seedCart({ customerIds: [ada.id, grace.id] });
    const { response } = await deleteACart({ client, path: { cartID: shared.id ?? "" } });
    expect(response.status).toBe(400);
  });

  test("an id that does not exist: 204", async () => {
    const { client } = setup();
    const { response } = await deleteACart({ client, path: { cartID: "never-existed" } });
    expect(response.status).toBe(204);
  });

  test("an unsafe id: 400", async () => {
    const { client } = setup();
    const { response } = await deleteACart({ client, path: { cartID: "a.b" } });
    expect(response.status).toBe(400);
  });
});

describe("updated_at", () => {
  test("moves with every change of the cart: items, associations", async () => {
    let now = Date.parse("2025-06-01T12:00:00Z");
    const { fake, ada, client, adaToken } = setup({ now: () => now });
    const cart = fake.seedCart();
    const cartID = cart.id ?? "";
    const updatedAt = () => fake.getCart(cartID)?.meta?.timestamps?.updated_at;

    now += 60_000;
    await manageCarts({
      client,
      path: { cartID },
      body: { data: { type: "custom_item", name: "Tea", quantity: 1, price: { amount: 450 } } },
    });
    expect(updatedAt()).toBe("2025-06-01T12:01:00Z");

    now += 60_000;
    await createCustomerCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "customer", id: ada.id }] },
      headers: { "X-Moltin-Customer-Token": adaToken },
    });
    expect(updatedAt()).toBe("2025-06-01T12:02:00Z");
    expect(fake.getCart(cartID)?.meta?.timestamps).toMatchObject({
      created_at: "2025-06-01T12:00:00Z",
      expires_at: "2025-06-08T12:02:00Z",
    });

    now += 60_000;
    await getACart({ client, path: { cartID } });
    expect(updatedAt()).toBe("2025-06-01T12:02:00Z");
  });
});
