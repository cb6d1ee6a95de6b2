/**
 * Checkout and orders through the real SDK: the three shopper kinds, refusals, a new order
 * per checkout, the shopper's orders, an order with its items, and faults after applying.
 */
import {
  checkoutApi,
  getAnOrder,
  getCustomerOrders,
  getOrderItems,
  manageCarts,
  type CheckoutApiData,
  type ManageCartsData,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient } from "../support/sdk";

const ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  line_1: "1 Main St",
  city: "San Francisco",
  region: "CA",
  postcode: "94107",
  country: "US",
};

async function setup(options?: FakeElasticPathOptions) {
  let now = Date.parse("2026-01-01T10:00:00Z");
  const fake = createFakeElasticPath({ now: () => now, ...options });
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
  const grace = fake.seedCustomer({ email: "grace@example.com", password: "x" });
  const acme = fake.seedAccount({ name: "Acme" });
  const member = fake.seedAccountMember({
    username: "m@example.com",
    password: "x",
    accountIds: [acme.id],
  });
  const adaHeaders = { "X-Moltin-Customer-Token": fake.issueCustomerToken(ada.id) };
  const acmeHeaders = {
    "EP-Account-Management-Authentication-Token": fake.issueAccountToken(member.id, acme.id),
  };
  const mug = fake.seedProduct({
    sku: "mug",
    name: "Mug",
    prices: { USD: { amount: 1200 } },
    stock: 3,
  });
  fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
  const add = (cartID: string, data: unknown) =>
    manageCarts({ client, path: { cartID }, body: { data } as ManageCartsData["body"] });
  await add("cart", { type: "cart_item", id: mug.id, quantity: 2 });
  await add("cart", { type: "promotion_item", code: "SAVE10" });
  const checkout = (
    data: Record<string, unknown>,
    headers: Record<string, string> = {},
    cartID = "cart",
  ) =>
    checkoutApi({
      client,
      path: { cartID },
      body: {
        data: { billing_address: ADDRESS, shipping_address: ADDRESS, ...data },
      } as CheckoutApiData["body"],
      headers,
    });
  const tick = () => {
    now += 60_000;
  };
  return {
    fake,
    client,
    ada,
    grace,
    acme,
    member,
    adaHeaders,
    acmeHeaders,
    mug,
    add,
    checkout,
    tick,
  };
}

const guest = { customer: { email: "guest@example.com", name: "Guest" } };
const usd = (amount: number) => expect.objectContaining({ amount, currency: "USD" });

describe("POST /v2/carts/:id/checkout", () => {
  test("guest: 201 with the order; external_ref and order_number kept; totals from the cart", async () => {
    const { fake, checkout } = await setup();
    const { data, response } = await checkout({
      ...guest,
      external_ref: "attempt-1",
      order_number: "n-1",
    });
    expect(response.status).toBe(201);
    const order = data?.data;
    expect(order).toMatchObject({
      type: "order",
      external_ref: "attempt-1",
      order_number: "n-1",
      status: "incomplete",
      payment: "unpaid",
      shipping: "unfulfilled",
      customer: { email: "guest@example.com", name: "Guest" },
      billing_address: ADDRESS,
      shipping_address: ADDRESS,
      meta: {
        display_price: {
          with_tax: usd(2160),
          discount: usd(-240),
          without_discount: usd(2400),
          balance_owing: usd(2160),
        },
        timestamps: { created_at: "2026-01-01T10:00:00Z" },
      },
    });
    expect(order?.relationships?.items?.data).toHaveLength(2);
    expect(fake.orders()).toEqual([order]);
  });

  test("customer: with their token the order is theirs", async () => {
    const { ada, adaHeaders, checkout } = await setup();
    const { data } = await checkout({ customer: { id: ada.id } }, adaHeaders);
    expect(data?.data).toMatchObject({
      customer: { id: ada.id, email: "ada@example.com", name: "ada" },
      relationships: { customer: { data: { type: "customer", id: ada.id } } },
    });
  });

  test("account member: contact with the account token; the order is the account's", async () => {
    const { acme, member, acmeHeaders, checkout } = await setup();
    const { data, response } = await checkout(
      { contact: { email: "m@example.com", name: "Member" } },
      acmeHeaders,
    );
    expect(response.status).toBe(201);
    expect(data?.data).toMatchObject({
      contact: { email: "m@example.com", name: "Member" },
      relationships: {
        account: { data: { type: "account", id: acme.id } },
        account_member: { data: { type: "account_member", id: member.id } },
      },
    });
  });

  test("every checkout makes a new order; the cart stays", async () => {
    const { fake, checkout, add } = await setup();
    fake.seedProduct({ sku: "tea", name: "Tea", prices: { USD: { amount: 100 } } });
    await add("tea", { type: "cart_item", sku: "tea", quantity: 1 });
    const first = await checkout(guest, {}, "tea");
    const second = await checkout({ ...guest, external_ref: "again" }, {}, "tea");
    expect(first.data?.data?.id).not.toBe(second.data?.data?.id);
    expect(fake.orders().map((order) => order.external_ref)).toEqual(["again", undefined]);
    expect(fake.cartItems("tea")?.map((item) => [item.sku, item.quantity])).toEqual([["tea", 1]]);
  });

  test("not enough stock at checkout: 400 Insufficient stock, no order, stock unchanged", async () => {
    const { fake, checkout, add, mug } = await setup();
    await add("other", { type: "cart_item", id: mug.id, quantity: 2 });
    expect((await checkout(guest, {}, "other")).response.status).toBe(201);
    expect(fake.stockOf("mug")).toBe(1);
    const { error, response } = await checkout(guest);
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      errors: [{ status: 400, title: "Insufficient stock", meta: { id: mug.id, sku: "mug" } }],
    });
    expect(fake.orders()).toHaveLength(1);
    expect(fake.stockOf("mug")).toBe(1);
  });

  test.each([
    [
      "billing first_name",
      { billing_address: { ...ADDRESS, first_name: undefined } },
      "data.billing_address.first_name",
    ],
    [
      "shipping postcode",
      { shipping_address: { ...ADDRESS, postcode: "" } },
      "data.shipping_address.postcode",
    ],
    [
      "region and county",
      { shipping_address: { ...ADDRESS, region: undefined } },
      "data.shipping_address.region",
    ],
    ["a shipping address", { shipping_address: undefined }, "data.shipping_address"],
    ["the guest's email", { customer: { name: "Guest" } }, "data.customer.email"],
    ["the guest's name", { customer: { email: "g@example.com" } }, "data.customer.name"],
  ])("missing %s: 400 Failed Validation naming the field, no order", async (_, data, field) => {
    const { fake, checkout } = await setup();
    const { error, response } = await checkout({ ...guest, ...data });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "Failed Validation",
          detail: `The ${field} field is required.`,
          meta: { field },
        },
      ],
    });
    expect(fake.orders()).toEqual([]);
  });

  test("checkoutValidationStatus: 422 answers missing fields with a 422", async () => {
    const { checkout } = await setup({ checkoutValidationStatus: 422 });
    const { response } = await checkout({ ...guest, billing_address: { ...ADDRESS, line_1: "" } });
    expect(response.status).toBe(422);
  });

  test("refusals: empty cart 400, another customer's id 403, customer id without a token 403, external_ref over 64 400", async () => {
    const { fake, checkout, grace, ada, adaHeaders, acmeHeaders } = await setup();
    expect((await checkout(guest, {}, "empty")).response.status).toBe(400);
    expect((await checkout({ customer: { id: grace.id } }, adaHeaders)).response.status).toBe(403);
    expect((await checkout({ customer: { id: ada.id } })).response.status).toBe(403);
    expect((await checkout({ ...guest, external_ref: "x".repeat(65) })).response.status).toBe(400);
    expect((await checkout(guest, acmeHeaders)).response.status).toBe(400);
    expect((await checkout(guest, { "X-Moltin-Customer-Token": "garbled" })).response.status).toBe(
      401,
    );
    expect(fake.orders()).toEqual([]);
  });

  test.each([
    [{ status: 502, afterApplying: true } as const, 502],
    [{ network: true, afterApplying: true } as const, "network-error"],
  ])(
    "a fault after applying (%j): the order exists though the answer was lost",
    async (fault, seen) => {
      const { fake, checkout } = await setup();
      fake.failNext("checkout", 1, fault);
      const outcome = await checkout({ ...guest, external_ref: "attempt-7" }).then(
        ({ response }) => response.status,
        (error: unknown) => (error instanceof TypeError ? "network-error" : error),
      );
      expect(outcome).toBe(seen);
      expect(fake.orders().map((order) => order.external_ref)).toEqual(["attempt-7"]);
      expect(fake.requestsTo("checkout")[0]?.status).toBe(seen);
    },
  );
});

describe("orders", () => {
  test("GET /v2/orders: the shopper's own orders, newest first, paged like carts", async () => {
    const { fake, client, ada, adaHeaders, acmeHeaders, checkout, tick } = await setup();
    fake.seedProduct({ sku: "tea", name: "Tea", prices: { USD: { amount: 100 } } });
    await manageCarts({
      client,
      path: { cartID: "tea" },
      body: { data: { type: "cart_item", sku: "tea", quantity: 1 } } as ManageCartsData["body"],
    });
    for (const ref of ["a1", "a2", "a3"]) {
      await checkout({ customer: { id: ada.id }, external_ref: ref }, adaHeaders, "tea");
      tick();
    }
    await checkout(guest, {}, "tea");
    await checkout({ contact: { email: "m@example.com", name: "M" } }, acmeHeaders, "tea");

    const page = await getCustomerOrders({
      client,
      headers: { "x-moltin-customer-token": adaHeaders["X-Moltin-Customer-Token"] },
      query: { "page[limit]": 2, "page[offset]": 1 },
    });
    expect(page.response.status).toBe(200);
    expect(page.data?.data?.map((order) => order.external_ref)).toEqual(["a2", "a1"]);
    expect(page.data?.meta).toEqual({
      page: { limit: 2, offset: 1, current: 1, total: 2 },
      results: { total: 3 },
    });
    expect(page.data?.links).toMatchObject({
      first: `${fake.baseUrl}/v2/orders?page[offset]=0&page[limit]=2`,
      prev: `${fake.baseUrl}/v2/orders?page[offset]=0&page[limit]=2`,
    });
    const account = await getCustomerOrders({ client, headers: acmeHeaders });
    expect(account.data?.data).toHaveLength(1);
  });

  test("GET /v2/orders without a shopper token: 403; a bad token: 401", async () => {
    const { client } = await setup();
    expect((await getCustomerOrders({ client })).response.status).toBe(403);
    const bad = await getCustomerOrders({
      client,
      headers: { "x-moltin-customer-token": "garbled" },
    });
    expect(bad.response.status).toBe(401);
  });

  test("GET /v2/orders/:id (include=items) and /items; another shopper's order is a 404", async () => {
    const { fake, client, ada, adaHeaders, checkout, mug } = await setup();
    const made = await checkout({ customer: { id: ada.id } }, adaHeaders);
    const orderID = made.data?.data?.id ?? "";
    const withItems = await getAnOrder({
      client,
      path: { orderID },
      query: { include: ["items"] },
      headers: adaHeaders,
    });
    expect(withItems.response.status).toBe(200);
    const items = (withItems.data as { included?: { items?: unknown[] } }).included?.items;
    expect(items).toEqual([
      expect.objectContaining({ type: "order_item", product_id: mug.id, sku: "mug", quantity: 2 }),
      expect.objectContaining({ type: "order_item", sku: "SAVE10", unit_price: usd(-240) }),
    ]);
    const listed = await getOrderItems({ client, path: { orderID }, headers: adaHeaders });
    expect(listed.data?.data).toEqual(items);
    expect(fake.orderItems(orderID)).toEqual(items);

    expect((await getAnOrder({ client, path: { orderID } })).response.status).toBe(404);
    expect((await getOrderItems({ client, path: { orderID } })).response.status).toBe(404);
    const unknown = await getAnOrder({ client, path: { orderID: "nope" }, headers: adaHeaders });
    expect(unknown.response.status).toBe(404);
  });

  test("a guest's order is read by its id alone", async () => {
    const { client, checkout } = await setup();
    const made = await checkout(guest);
    const { response } = await getAnOrder({ client, path: { orderID: made.data?.data?.id ?? "" } });
    expect(response.status).toBe(200);
  });
});
