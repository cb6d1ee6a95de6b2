import {
  manageCarts,
  type CartItemCollectionResponse,
  type ManageCartsData,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient } from "../support/sdk";

function setup() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  // Merges go as an array (contract, spec example); the SDK types `data` as one object.
  // The SDK also types the 201 as CartsResponse; the spec (and the fake) answer
  // CartItemCollectionResponse.
  const post = async (cartID: string, body: unknown) =>
    (await manageCarts({
      client,
      path: { cartID },
      body: body as ManageCartsData["body"],
    })) as unknown as { data?: CartItemCollectionResponse; error?: unknown; response: Response };
  const customItem = (name: string, quantity: number, amount: number, sku?: string) => ({
    data: { type: "custom_item", name, sku, quantity, price: { amount } },
  });
  const mergeFrom = (...cartIds: string[]) => ({
    data: cartIds.map((cart_id) => ({ type: "cart_items", cart_id })),
    options: { add_all_or_nothing: false },
  });
  return { fake, client, post, customItem, mergeFrom };
}

const usd = (amount: number, formatted: string) => ({ amount, currency: "USD", formatted });

describe("POST /v2/carts/:id/items with a custom item", () => {
  test("201 with the cart's items and totals, in CartItemCollectionResponse's shape", async () => {
    const { fake, post } = setup();
    const { data, response } = await post("cart-1", {
      data: {
        type: "custom_item",
        name: "Gift wrap",
        sku: "wrap",
        description: "Red paper",
        quantity: 3,
        price: { amount: 125_000, includes_tax: false },
      },
    });

    expect(response.status).toBe(201);
    const item = data?.data[0];
    expect(data?.data).toHaveLength(1);
    expect(item).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: "custom_item",
      name: "Gift wrap",
      sku: "wrap",
      description: "Red paper",
      quantity: 3,
      unit_price: { amount: 125_000, currency: "USD", includes_tax: false },
      value: { amount: 375_000, currency: "USD", includes_tax: false },
      meta: {
        display_price: {
          with_tax: { unit: usd(125_000, "$1,250.00"), value: usd(375_000, "$3,750.00") },
          tax: { unit: usd(0, "$0.00"), value: usd(0, "$0.00") },
        },
      },
    });
    expect(data?.meta?.display_price).toEqual({
      with_tax: usd(375_000, "$3,750.00"),
      without_tax: usd(375_000, "$3,750.00"),
      tax: usd(0, "$0.00"),
      discount: usd(0, "$0.00"),
      without_discount: usd(375_000, "$3,750.00"),
    });
    // The cart (created on demand) follows: totals and the items relationship.
    const cart = fake.getCart("cart-1");
    expect(cart?.meta?.display_price?.with_tax).toEqual(usd(375_000, "$3,750.00"));
    expect(cart?.relationships?.items).toEqual({ data: [{ type: "custom_item", id: item?.id }] });
  });

  test("the same SKU again adds up the quantity; another SKU is a new line", async () => {
    const { post, customItem } = setup();
    await post("cart-1", customItem("Tea", 1, 450, "tea"));
    await post("cart-1", customItem("Tea", 2, 450, "tea"));
    const { data } = await post("cart-1", customItem("Coffee", 1, 600, "coffee"));
    expect(data?.data.map((item) => [item.sku, item.quantity])).toEqual([
      ["tea", 3],
      ["coffee", 1],
    ]);
    expect(data?.meta?.display_price?.with_tax?.amount).toBe(3 * 450 + 600);
  });

  test.each([
    [
      "no name",
      { type: "custom_item", quantity: 1, price: { amount: 1 } },
      "data.name is required.",
    ],
    [
      "quantity 0",
      { type: "custom_item", name: "x", quantity: 0, price: { amount: 1 } },
      "data.quantity must be a positive integer.",
    ],
    [
      "a fractional quantity",
      { type: "custom_item", name: "x", quantity: 1.5, price: { amount: 1 } },
      "data.quantity must be a positive integer.",
    ],
    ["no price", { type: "custom_item", name: "x", quantity: 1 }, "data.price is required."],
    [
      "a negative amount",
      { type: "custom_item", name: "x", quantity: 1, price: { amount: -100 } },
      "data.price.amount must be an integer >= 0 (minor units).",
    ],
    [
      "a catalog item (not modelled)",
      { type: "cart_item", id: "product", quantity: 1 },
      'The fake Elastic Path supports data of type "custom_item", or an array of "cart_items" to merge.',
    ],
  ])("%s: 400", async (_, data, detail) => {
    const { fake, post } = setup();
    const { error, response } = await post("cart-1", { data });
    expect(response.status).toBe(400);
    expect(error).toEqual({ errors: [{ status: 400, title: "Bad Request", detail }] });
    expect(fake.getCart("cart-1")).toBeUndefined();
  });

  test("a 101st distinct item: 422, nothing added", async () => {
    const { fake, post, customItem } = setup();
    fake.seedCart({
      id: "full",
      items: Array.from({ length: 100 }, (_, i) => ({ name: `Item ${i}`, quantity: 1, amount: 1 })),
    });
    const { error, response } = await post("full", customItem("One more", 1, 1));
    expect(response.status).toBe(422);
    expect(error).toMatchObject({ errors: [{ status: 422, title: "Cart item limit reached" }] });
    // More of an item already there is fine.
    expect((await post("full", customItem("Item 0", 1, 1))).response.status).toBe(201);
  });
});

describe("POST /v2/carts/:id/items merging carts", () => {
  test("copies the source's items, adds up the same products, leaves the source alone", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart({
      id: "guest",
      items: [
        { name: "Tea", sku: "tea", quantity: 2, amount: 450 },
        { name: "Scone", quantity: 1, amount: 300 },
      ],
    });
    fake.seedCart({
      id: "mine",
      items: [
        { name: "Tea", sku: "tea", quantity: 1, amount: 450 },
        { name: "Jam", sku: "jam", quantity: 1, amount: 500 },
      ],
    });

    const { data, response } = await post("mine", mergeFrom("guest"));
    expect(response.status).toBe(201);
    expect(data?.data.map((item) => [item.name, item.quantity])).toEqual([
      ["Tea", 3],
      ["Jam", 1],
      ["Scone", 1],
    ]);
    expect(data?.meta?.display_price?.with_tax?.amount).toBe(3 * 450 + 500 + 300);
    expect(fake.getCart("guest")?.relationships?.items?.data).toHaveLength(2);
    expect(fake.requestsTo("add-items")[0]?.body).toEqual(mergeFrom("guest"));
  });

  test("the spec schema's single-object form works too", async () => {
    const { fake, post } = setup();
    fake.seedCart({ id: "guest", items: [{ name: "Tea", quantity: 1, amount: 450 }] });
    const { data, response } = await post("mine", {
      data: { type: "cart_items", cart_id: "guest" },
    });
    expect(response.status).toBe(201);
    expect(data?.data.map((item) => item.name)).toEqual(["Tea"]);
  });

  test("several source carts at once", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart({ id: "a", items: [{ name: "Tea", quantity: 1, amount: 450 }] });
    fake.seedCart({ id: "b", items: [{ name: "Tea", quantity: 2, amount: 450 }] });
    const { data } = await post("mine", mergeFrom("a", "b"));
    expect(data?.data.map((item) => [item.name, item.quantity])).toEqual([["Tea", 3]]);
  });

  test("from a cart that does not exist: nothing to copy, 201", async () => {
    const { post, mergeFrom } = setup();
    const { data, response } = await post("mine", mergeFrom("nowhere"));
    expect(response.status).toBe(201);
    expect(data?.data).toEqual([]);
  });

  test.each([
    [
      "into itself",
      { data: [{ type: "cart_items", cart_id: "mine" }] },
      "A cart cannot be merged into itself.",
    ],
    [
      "an entry without cart_id",
      { data: [{ type: "cart_items" }] },
      'Each merge entry needs type "cart_items" and a cart_id.',
    ],
    [
      "an entry of another type",
      { data: [{ type: "custom_item", cart_id: "x" }] },
      'Each merge entry needs type "cart_items" and a cart_id.',
    ],
  ])("%s: 400", async (_, body, detail) => {
    const { post } = setup();
    const { error, response } = await post("mine", body);
    expect(response.status).toBe(400);
    expect(error).toEqual({ errors: [{ status: 400, title: "Bad Request", detail }] });
  });

  test("an unsafe source cart id: 400", async () => {
    const { post, mergeFrom } = setup();
    const { response } = await post("mine", mergeFrom("a.b"));
    expect(response.status).toBe(400);
  });

  const fullCart = {
    id: "mine",
    items: Array.from({ length: 99 }, (_, i) => ({ name: `Item ${i}`, quantity: 1, amount: 1 })),
  };
  const guestCart = {
    id: "guest",
    items: [
      { name: "Item 0", quantity: 1, amount: 1 },
      { name: "New A", sku: "a", quantity: 1, amount: 1 },
      { name: "New B", sku: "b", quantity: 1, amount: 1 },
    ],
  };

  test("past 100 distinct items: the rest is added, the left-out items are reported in errors", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart(fullCart);
    fake.seedCart(guestCart);
    const { data, response } = await post("mine", mergeFrom("guest"));
    expect(response.status).toBe(201);
    expect(data?.data).toHaveLength(100);
    expect(data?.data[0]?.quantity).toBe(2);
    expect(data?.errors).toEqual([
      {
        status: 422,
        title: "Cart item limit reached",
        detail: '"New B" was not added. A cart can hold at most 100 distinct items.',
        meta: { sku: "b" },
      },
    ]);
  });

  test("past 100 distinct items with add_all_or_nothing: 422 and nothing added", async () => {
    const { fake, post } = setup();
    fake.seedCart(fullCart);
    fake.seedCart(guestCart);
    const { response } = await post("mine", {
      data: [{ type: "cart_items", cart_id: "guest" }],
      options: { add_all_or_nothing: true },
    });
    expect(response.status).toBe(422);
    expect(fake.getCart("mine")?.relationships?.items?.data).toHaveLength(99);
  });
});
