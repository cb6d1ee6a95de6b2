import {
  manageCarts,
  type CartItemCollectionResponse,
  type CartMergeObjectRequest,
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
  const post = async (cartID: string, body: unknown, headers: Record<string, string> = {}) =>
    (await manageCarts({
      client,
      path: { cartID },
      body: body as ManageCartsData["body"],
      headers,
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
      "a subscription item (not modelled)",
      { type: "subscription_item", id: "offering", quantity: 1 },
      'The fake Elastic Path supports data of type "cart_item", "custom_item" or "promotion_item", or "cart_items" (one entry or an array) to merge.',
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

  // The SDK types the single object (CartMergeObjectRequest); the spec's example sends an array.
  const objectForm = {
    data: { type: "cart_items", cart_id: "guest" },
    options: { add_all_or_nothing: false },
  } satisfies CartMergeObjectRequest;
  const arrayForm = {
    data: [{ type: "cart_items", cart_id: "guest" }],
    options: { add_all_or_nothing: false },
  };

  test.each([
    ["one object (the SDK's CartMergeObjectRequest)", objectForm],
    ["an array of entries (the spec's example)", arrayForm],
  ])(
    "data as %s, with the shopper's token: 201, quantities add up, the source stays exactly as it was",
    async (_, body) => {
      const { fake, post } = setup();
      const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
      fake.seedCart({
        id: "guest",
        contactEmail: "guest@example.com",
        items: [
          { name: "Tea", sku: "tea", quantity: 2, amount: 450 },
          { name: "Scone", quantity: 1, amount: 300 },
        ],
      });
      fake.seedCart({
        id: "mine",
        name: "Ada's cart",
        description: "for the weekend",
        customerIds: [ada.id],
        items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }],
      });
      const sourceBefore = { cart: fake.getCart("guest"), items: fake.cartItems("guest") };
      const headers = { "X-Moltin-Customer-Token": fake.issueCustomerToken(ada.id) };

      const { data, response } = await post("mine", body, headers);

      expect(response.status).toBe(201);
      expect(data?.data.map((item) => [item.name, item.sku, item.quantity])).toEqual([
        ["Tea", "tea", 3],
        ["Scone", "", 1],
      ]);
      expect(data?.errors).toBeUndefined();
      expect(fake.cartItems("mine")).toEqual(data?.data);
      // Not emptied, not deleted, not even touched: same items, same ids, same updated_at.
      expect({ cart: fake.getCart("guest"), items: fake.cartItems("guest") }).toEqual(sourceBefore);
      // Only items move: the target keeps its own name, description and customer, and gets
      // no contact email from the guest cart.
      const target = fake.getCart("mine");
      expect(target).toMatchObject({
        name: "Ada's cart",
        description: "for the weekend",
        relationships: { customers: { data: [{ type: "customer", id: ada.id }] } },
      });
      expect(target?.contact).toBeUndefined();
      expect(fake.requestsTo("add-items")).toMatchObject([
        { body, headers: { "x-moltin-customer-token": headers["X-Moltin-Customer-Token"] } },
      ]);
    },
  );

  test("the SDK's typed object form goes through without a cast", async () => {
    const { fake, client } = setup();
    fake.seedCart({ id: "guest", items: [{ name: "Tea", quantity: 1, amount: 450 }] });
    const { response } = await manageCarts({ client, path: { cartID: "mine" }, body: objectForm });
    expect(response.status).toBe(201);
    expect(fake.cartItems("mine")?.map((item) => [item.name, item.quantity])).toEqual([["Tea", 1]]);
  });

  test("not idempotent: the same merge sent twice adds the quantities twice", async () => {
    const { fake, post } = setup();
    fake.seedCart({ id: "guest", items: [{ name: "Tea", sku: "tea", quantity: 2, amount: 450 }] });
    fake.seedCart({ id: "mine", items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }] });
    await post("mine", objectForm);
    const { data } = await post("mine", objectForm);
    expect(data?.data.map((item) => item.quantity)).toEqual([5]);
    expect(fake.cartItems("guest")?.map((item) => item.quantity)).toEqual([2]);
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

  test("past 100 distinct items: the rest is added, the answer has data and errors for the left-out items", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart(fullCart);
    fake.seedCart(guestCart);
    const guestBefore = fake.cartItems("guest");
    const { data, response } = await post("mine", mergeFrom("guest"));
    expect(response.status).toBe(201);
    expect(data?.data).toHaveLength(100);
    expect(data?.data[0]?.quantity).toBe(2);
    expect(data?.data.at(-1)?.name).toBe("New A");
    expect(data?.errors).toEqual([
      {
        status: 422,
        title: "Cart item limit reached",
        detail: '"New B" was not added. A cart can hold at most 100 distinct items.',
        meta: { sku: "b" },
      },
    ]);
    // What the answer says is what the cart holds; the source keeps all three.
    expect(fake.cartItems("mine")).toEqual(data?.data);
    expect(fake.cartItems("guest")).toEqual(guestBefore);
  });

  test("past 100 distinct items with add_all_or_nothing: 400, every left-out item listed, nothing copied", async () => {
    const { fake, post } = setup();
    fake.seedCart(fullCart);
    fake.seedCart({
      ...guestCart,
      id: "guest",
      items: [...guestCart.items, { name: "New C", quantity: 1, amount: 1 }],
    });
    const before = { cart: fake.getCart("mine"), items: fake.cartItems("mine") };
    const { data, error, response } = await post("mine", {
      data: [{ type: "cart_items", cart_id: "guest" }],
      options: { add_all_or_nothing: true },
    });
    expect(response.status).toBe(400);
    expect(data).toBeUndefined();
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "Cart item limit reached",
          detail:
            '"New B" cannot be added, so nothing was. A cart can hold at most 100 distinct items.',
          meta: { sku: "b" },
        },
        {
          status: 400,
          title: "Cart item limit reached",
          detail:
            '"New C" cannot be added, so nothing was. A cart can hold at most 100 distinct items.',
        },
      ],
    });
    // Not even the quantity of "Item 0", which would have fitted.
    expect({ cart: fake.getCart("mine"), items: fake.cartItems("mine") }).toEqual(before);
  });

  test("add_all_or_nothing when everything fits: 201, all copied", async () => {
    const { fake, post } = setup();
    fake.seedCart({ ...fullCart, items: fullCart.items.slice(0, 97) });
    fake.seedCart(guestCart);
    const { data, response } = await post("mine", {
      data: { type: "cart_items", cart_id: "guest" },
      options: { add_all_or_nothing: true },
    });
    expect(response.status).toBe(201);
    expect(data?.data).toHaveLength(99);
    expect(data?.errors).toBeUndefined();
  });

  test("add_all_or_nothing refused into a cart that does not exist yet: no cart is created", async () => {
    const { fake, post } = setup();
    fake.seedCart({
      id: "guest",
      items: Array.from({ length: 100 }, (_, i) => ({ name: `Item ${i}`, quantity: 1, amount: 1 })),
    });
    fake.seedCart({ id: "other", items: [{ name: "One more", quantity: 1, amount: 1 }] });
    const { response } = await post("new-cart", {
      data: [
        { type: "cart_items", cart_id: "guest" },
        { type: "cart_items", cart_id: "other" },
      ],
      options: { add_all_or_nothing: true },
    });
    expect(response.status).toBe(400);
    expect(fake.getCart("new-cart")).toBeUndefined();
  });
});

describe("POST /v2/carts/:id/items merging carts of different currencies", () => {
  const mismatch = (target: string, source: string, currency: string) => ({
    errors: [
      {
        status: 400,
        title: "Cart Currency Mismatch",
        detail: `This cart uses ${target}, cannot merge cart "${source}" with currency ${currency}.`,
      },
    ],
  });

  test.each([false, true])(
    "add_all_or_nothing %s: 400 in Elastic Path's error shape, neither cart changes",
    async (allOrNothing) => {
      const { fake, post } = setup();
      fake.seedCart({
        id: "guest",
        currency: "EUR",
        items: [{ name: "Tea", quantity: 1, amount: 450 }],
      });
      fake.seedCart({ id: "mine", items: [{ name: "Jam", quantity: 1, amount: 500 }] });
      const before = ["guest", "mine"].map((id) => [fake.getCart(id), fake.cartItems(id)]);
      const { error, response } = await post("mine", {
        data: { type: "cart_items", cart_id: "guest" },
        options: { add_all_or_nothing: allOrNothing },
      });
      expect(response.status).toBe(400);
      expect(error).toEqual(mismatch("USD", "guest", "EUR"));
      expect(["guest", "mine"].map((id) => [fake.getCart(id), fake.cartItems(id)])).toEqual(before);
    },
  );

  test("one source of another currency among several: nothing is copied from any", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart({ id: "a", items: [{ name: "Tea", quantity: 1, amount: 450 }] });
    fake.seedCart({
      id: "b",
      currency: "GBP",
      items: [{ name: "Scone", quantity: 1, amount: 300 }],
    });
    fake.seedCart({ id: "mine", items: [{ name: "Jam", quantity: 1, amount: 500 }] });
    const { error, response } = await post("mine", mergeFrom("a", "b"));
    expect(response.status).toBe(400);
    expect(error).toEqual(mismatch("USD", "b", "GBP"));
    expect(fake.cartItems("mine")?.map((item) => item.name)).toEqual(["Jam"]);
  });

  test("into a cart that does not exist yet (the store's USD): refused, no cart created", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart({
      id: "guest",
      currency: "EUR",
      items: [{ name: "Tea", quantity: 1, amount: 450 }],
    });
    const { error, response } = await post("new-cart", mergeFrom("guest"));
    expect(response.status).toBe(400);
    expect(error).toEqual(mismatch("USD", "guest", "EUR"));
    expect(fake.getCart("new-cart")).toBeUndefined();
  });

  test("two carts in the same currency other than USD merge, priced in it", async () => {
    const { fake, post, mergeFrom } = setup();
    fake.seedCart({
      id: "guest",
      currency: "EUR",
      items: [{ name: "Tea", sku: "tea", quantity: 2, amount: 450 }],
    });
    fake.seedCart({
      id: "mine",
      currency: "EUR",
      items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }],
    });
    const { data, response } = await post("mine", mergeFrom("guest"));
    expect(response.status).toBe(201);
    expect(data?.data[0]).toMatchObject({
      quantity: 3,
      unit_price: { amount: 450, currency: "EUR" },
      value: { amount: 1350, currency: "EUR" },
    });
    expect(data?.meta?.display_price?.with_tax).toEqual({
      amount: 1350,
      currency: "EUR",
      formatted: "€13.50",
    });
    expect(fake.getCart("mine")?.meta?.display_price?.with_tax?.currency).toBe("EUR");
  });
});
