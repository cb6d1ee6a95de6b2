/**
 * The cart's contents through the real SDK: catalog products, promotion codes, quantity
 * changes, removals, emptying, `include=items`, and faults after applying.
 */
import {
  deleteACartItem,
  deleteAPromotionViaPromotionCode,
  deleteAllCartItems,
  getACart,
  manageCarts,
  updateACartItem,
  type CartItemCollectionResponse,
  type ManageCartsData,
} from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient } from "../support/sdk";

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  const tea = fake.seedProduct({
    sku: "tea",
    name: "Tea",
    description: "Green",
    prices: { USD: { amount: 450 }, EUR: { amount: 400, includesTax: true } },
  });
  const mug = fake.seedProduct({
    sku: "mug",
    name: "Mug",
    prices: { USD: { amount: 1200 } },
    stock: 3,
  });
  const desk = fake.seedProduct({
    sku: "desk",
    name: "Desk",
    prices: { USD: { amount: 10_000 } },
    stock: { north: 2, south: 1 },
  });
  const yen = fake.seedProduct({ sku: "fan", name: "Fan", prices: { JPY: { amount: 900 } } });
  // The SDK types the 201 as CartsResponse; the spec (and the fake) answer CartItemCollectionResponse.
  const add = async (cartID: string, data: unknown, headers: Record<string, string> = {}) =>
    (await manageCarts({
      client,
      path: { cartID },
      body: { data } as ManageCartsData["body"],
      headers,
    })) as unknown as { data?: CartItemCollectionResponse; error?: unknown; response: Response };
  const product = (id: string, quantity = 1, extra: Record<string, unknown> = {}) => ({
    type: "cart_item",
    id,
    quantity,
    ...extra,
  });
  const lines = (cartId: string) =>
    fake.cartItems(cartId)?.map((item) => [item.type, item.sku, item.quantity]);
  return { fake, client, tea, mug, desk, yen, add, product, lines };
}

const usd = (amount: number) => ({
  amount,
  currency: "USD",
  formatted: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(
    amount / 100,
  ),
});

describe("catalog products", () => {
  test("by id: 201 with a cart_item line priced from the catalog, and the cart's totals", async () => {
    const { fake, tea, add, product } = setup();
    const { data, response } = await add("c1", product(tea.id, 2));
    expect(response.status).toBe(201);
    expect(data?.data).toEqual([
      expect.objectContaining({
        type: "cart_item",
        product_id: tea.id,
        name: "Tea",
        description: "Green",
        sku: "tea",
        quantity: 2,
        manage_stock: false,
        unit_price: { amount: 450, currency: "USD", includes_tax: false },
        value: { amount: 900, currency: "USD", includes_tax: false },
        links: { product: `${fake.baseUrl}/v2/products/${tea.id}` },
      }),
    ]);
    expect(data?.meta?.display_price).toMatchObject({
      with_tax: usd(900),
      without_tax: usd(900),
      tax: usd(0),
      discount: usd(0),
    });
    expect(fake.getCart("c1")?.relationships?.items).toEqual({
      data: [{ type: "cart_item", id: data?.data[0]?.id }],
    });
  });

  test("by SKU, with a location and a bundle configuration; the same product again adds up", async () => {
    const { add, desk, lines } = setup();
    const bundle = { selected_options: { legs: { oak: 1 } } };
    const first = await add("c1", {
      type: "cart_item",
      sku: "desk",
      quantity: 1,
      location: "north",
    });
    expect(first.data?.data[0]).toMatchObject({ product_id: desk.id, location: "north" });
    await add("c1", { type: "cart_item", sku: "desk", quantity: 1, location: "north" });
    const { data } = await add("c1", {
      type: "cart_item",
      sku: "desk",
      quantity: 1,
      location: "south",
      bundle_configuration: bundle,
    });
    expect(lines("c1")).toEqual([
      ["cart_item", "desk", 2],
      ["cart_item", "desk", 1],
    ]);
    expect(data?.data[1]?.bundle_configuration).toEqual(bundle);
  });

  test("the same product from another location joins its line, which takes the latest location", async () => {
    const { add, tea, lines } = setup();
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1, location: "north" });
    const { data } = await add("c1", {
      type: "cart_item",
      id: tea.id,
      quantity: 2,
      location: "south",
    });
    expect(lines("c1")).toEqual([["cart_item", "tea", 3]]);
    expect(data?.data[0]?.location).toBe("south");
  });

  test("separateItemsByLocation: one line per location", async () => {
    const { add, tea, lines } = setup({ separateItemsByLocation: true });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1, location: "north" });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 2, location: "south" });
    expect(lines("c1")).toEqual([
      ["cart_item", "tea", 1],
      ["cart_item", "tea", 2],
    ]);
  });

  test("priced in the cart's currency", async () => {
    const { fake, add, tea } = setup();
    fake.seedCart({ id: "euro", currency: "EUR" });
    const { data } = await add("euro", { type: "cart_item", id: tea.id, quantity: 1 });
    expect(data?.data[0]?.unit_price).toEqual({ amount: 400, currency: "EUR", includes_tax: true });
    expect(data?.meta?.display_price?.with_tax).toEqual({
      amount: 400,
      currency: "EUR",
      formatted: "€4.00",
    });
  });

  test("a custom item and a product with one SKU are two lines", async () => {
    const { add, tea, lines } = setup();
    await add("c1", {
      type: "custom_item",
      name: "Tea",
      sku: "tea",
      quantity: 1,
      price: { amount: 1 },
    });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    expect(lines("c1")).toEqual([
      ["custom_item", "tea", 1],
      ["cart_item", "tea", 1],
    ]);
  });

  describe("refusals leave the cart as it was", () => {
    test("more than in stock: 400 Insufficient stock with the product's id and SKU", async () => {
      const { fake, add, mug, lines } = setup();
      await add("c1", { type: "cart_item", id: mug.id, quantity: 2 });
      const before = fake.getCart("c1");
      const { error, response } = await add("c1", { type: "cart_item", id: mug.id, quantity: 2 });
      expect(response.status).toBe(400);
      expect(error).toEqual({
        errors: [
          {
            status: 400,
            title: "Insufficient stock",
            detail: "There is not enough stock to add mug to your cart",
            meta: { id: mug.id, sku: "mug" },
          },
        ],
      });
      expect(lines("c1")).toEqual([["cart_item", "mug", 2]]);
      expect(fake.getCart("c1")).toEqual(before);
    });

    test("stock per location: a location's own count, or all of them without one", async () => {
      const { add, desk } = setup();
      const south = await add("c1", {
        type: "cart_item",
        id: desk.id,
        quantity: 2,
        location: "south",
      });
      expect(south.response.status).toBe(400);
      const nowhere = await add("c1", {
        type: "cart_item",
        id: desk.id,
        quantity: 1,
        location: "east",
      });
      expect(nowhere.response.status).toBe(400);
      const anywhere = await add("c2", { type: "cart_item", id: desk.id, quantity: 3 });
      expect(anywhere.response.status).toBe(201);
    });

    test("no price in the cart's currency: 400, no cart created", async () => {
      const { fake, add, yen } = setup();
      const { error, response } = await add("c1", { type: "cart_item", id: yen.id, quantity: 1 });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({
        errors: [{ status: 400, meta: { id: yen.id, sku: "fan", currency: "USD" } }],
      });
      expect(fake.getCart("c1")).toBeUndefined();
    });

    test.each([
      [
        "id",
        { type: "cart_item", id: "6d3b1c52-0a8f-4a55-9d43-8a4f1f0f7a11", quantity: 1 },
        { id: "6d3b1c52-0a8f-4a55-9d43-8a4f1f0f7a11" },
      ],
      ["sku", { type: "cart_item", sku: "nope", quantity: 1 }, { sku: "nope" }],
    ])("an unknown product by %s: 404 Product not found", async (_, data, meta) => {
      const { fake, add } = setup();
      const { error, response } = await add("c1", data);
      expect(response.status).toBe(404);
      expect(error).toMatchObject({ errors: [{ status: 404, title: "Product not found", meta }] });
      expect(fake.getCart("c1")).toBeUndefined();
    });

    test.each([
      ["no id or sku", { type: "cart_item", quantity: 1 }],
      ["quantity 0", { type: "cart_item", sku: "tea", quantity: 0 }],
      [
        "a bundle configuration that is not an object",
        { type: "cart_item", sku: "tea", quantity: 1, bundle_configuration: "x" },
      ],
    ])("%s: 400", async (_, data) => {
      const { fake, add } = setup();
      expect((await add("c1", data)).response.status).toBe(400);
      expect(fake.getCart("c1")).toBeUndefined();
    });
  });
});

describe("GET /v2/carts/:id?include=items", () => {
  test("the cart with its items beside it, in one request", async () => {
    const { fake, client, add, tea } = setup();
    await add("c1", { type: "cart_item", id: tea.id, quantity: 2 });
    const { data, response } = await getACart({
      client,
      path: { cartID: "c1" },
      query: { include: ["items"] },
    });
    expect(response.status).toBe(200);
    expect(data?.data?.meta?.display_price?.with_tax).toEqual(usd(900));
    expect((data as { included?: { items?: unknown } }).included?.items).toEqual(
      fake.cartItems("c1"),
    );
    expect(fake.requestsTo("get-cart")[0]?.query).toEqual({ include: "items" });
  });

  test("comma-separated includes work too; without include there is no included", async () => {
    const { client, add, tea } = setup();
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    const both = await client.get<{ included?: { items?: unknown[] } }, unknown, false>({
      url: "/v2/carts/c1?include=items,promotions",
    });
    expect(both.data?.included?.items).toHaveLength(1);
    const plain = await getACart({ client, path: { cartID: "c1" } });
    expect(plain.data).not.toHaveProperty("included");
  });

  test("an unknown cart id: an empty cart and no items", async () => {
    const { client } = setup();
    const { data } = await getACart({
      client,
      path: { cartID: "new" },
      query: { include: ["items"] },
    });
    expect(data?.data?.relationships?.items).toEqual({ data: null });
    expect((data as { included?: unknown }).included).toEqual({ items: [] });
  });
});

describe("PUT /v2/carts/:id/items/:itemId", () => {
  test("a new quantity: 200 with the items and the new totals", async () => {
    const { add, client, tea } = setup();
    const added = await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    const itemId = added.data?.data[0]?.id ?? "";
    const { data, response } = await updateACartItem({
      client,
      path: { cartID: "c1", cartitemID: itemId },
      body: { data: { type: "cart_item", id: itemId, quantity: 4 } },
    });
    expect(response.status).toBe(200);
    const body = data as unknown as CartItemCollectionResponse;
    expect(body.data.map((item) => item.quantity)).toEqual([4]);
    expect(body.meta?.display_price?.with_tax).toEqual(usd(1800));
  });

  test("quantity 0 removes the item (inferred)", async () => {
    const { add, client, tea, fake } = setup();
    const added = await add("c1", {
      type: "custom_item",
      name: "Wrap",
      quantity: 1,
      price: { amount: 100 },
    });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    const wrapId = added.data?.data[0]?.id ?? "";
    const { data } = await updateACartItem({
      client,
      path: { cartID: "c1", cartitemID: wrapId },
      body: { data: { id: wrapId, quantity: 0 } },
    });
    expect((data as unknown as CartItemCollectionResponse).data.map((item) => item.sku)).toEqual([
      "tea",
    ]);
    expect(fake.getCart("c1")?.meta?.display_price?.with_tax).toEqual(usd(450));
  });

  test("more than in stock: 400 Insufficient stock, the quantity stays", async () => {
    const { add, client, mug, lines } = setup();
    const added = await add("c1", { type: "cart_item", id: mug.id, quantity: 1 });
    const itemId = added.data?.data[0]?.id ?? "";
    const { error, response } = await updateACartItem({
      client,
      path: { cartID: "c1", cartitemID: itemId },
      body: { data: { id: itemId, quantity: 4 } },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      errors: [{ title: "Insufficient stock", meta: { sku: "mug" } }],
    });
    expect(lines("c1")).toEqual([["cart_item", "mug", 1]]);
  });

  test("an item the cart does not hold: 404; a negative quantity: 400", async () => {
    const { add, client, tea } = setup();
    const added = await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    const missing = await updateACartItem({
      client,
      path: { cartID: "c1", cartitemID: "0c1f7f0e-5a8b-4bb0-9a57-1d6f0b2c3d4e" },
      body: { data: { quantity: 1 } },
    });
    expect(missing.response.status).toBe(404);
    const negative = await updateACartItem({
      client,
      path: { cartID: "c1", cartitemID: added.data?.data[0]?.id ?? "" },
      body: { data: { quantity: -1 } },
    });
    expect(negative.response.status).toBe(400);
  });
});

describe("DELETE /v2/carts/:id/items/:itemId and /items", () => {
  test("removing an item: 200 with the remaining items; again: 200, nothing changes", async () => {
    const { add, client, tea, mug } = setup();
    const first = await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    await add("c1", { type: "cart_item", id: mug.id, quantity: 1 });
    const teaId = first.data?.data[0]?.id ?? "";
    for (let attempt = 0; attempt < 2; attempt++) {
      const { data, response } = await deleteACartItem({
        client,
        path: { cartID: "c1", cartitemID: teaId },
      });
      expect(response.status).toBe(200);
      const body = data as unknown as CartItemCollectionResponse;
      expect(body.data.map((item) => item.sku)).toEqual(["mug"]);
      expect(body.meta?.display_price?.with_tax).toEqual(usd(1200));
    }
  });

  test("emptying the cart: 204; its name and customers stay", async () => {
    const { fake, add, client, tea } = setup();
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    fake.seedCart({ id: "c1", name: "Mine", customerIds: [ada.id] });
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    await add("c1", { type: "promotion_item", code: "SAVE10" });
    const { response } = await deleteAllCartItems({ client, path: { cartID: "c1" } });
    expect(response.status).toBe(204);
    expect(fake.cartItems("c1")).toEqual([]);
    expect(fake.getCart("c1")).toMatchObject({
      name: "Mine",
      relationships: { items: { data: null }, customers: { data: [{ id: ada.id }] } },
      meta: { display_price: { with_tax: usd(0), discount: usd(0) } },
    });
  });
});

describe("promotion codes", () => {
  test("a percentage off: a promotion_item and the discount in the totals", async () => {
    const { fake, add, tea } = setup();
    const promotion = fake.seedPromotion({ code: "SAVE10", name: "Ten percent", percentOff: 10 });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 3 });
    const { data, response } = await add("c1", { type: "promotion_item", code: "save10" });
    expect(response.status).toBe(201);
    expect(data?.data[1]).toMatchObject({
      type: "promotion_item",
      promotion_id: promotion.id,
      name: "Ten percent",
      sku: "SAVE10",
      quantity: 1,
      unit_price: { amount: -135, currency: "USD" },
    });
    expect(data?.meta?.display_price).toMatchObject({
      with_tax: usd(1215),
      without_tax: usd(1215),
      discount: usd(-135),
      without_discount: usd(1350),
    });
    // The discount follows later changes to the cart.
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    expect(fake.getCart("c1")?.meta?.display_price?.discount).toEqual(usd(-180));
  });

  test("a fixed amount off never takes the total below zero; the same code twice applies once", async () => {
    const { fake, add, tea } = setup();
    fake.seedPromotion({ code: "FIVER", amountOff: { USD: 500 } });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    await add("c1", { type: "promotion_item", code: "FIVER" });
    const { data } = await add("c1", { type: "promotion_item", code: "FIVER" });
    expect(data?.data.map((item) => item.type)).toEqual(["cart_item", "promotion_item"]);
    expect(data?.meta?.display_price).toMatchObject({ with_tax: usd(0), discount: usd(-450) });
  });

  test("an unknown code, or one not for the cart's currency: 404 with the code in meta; the cart unchanged", async () => {
    const { fake, add, tea } = setup();
    fake.seedPromotion({ code: "EUROS", amountOff: { EUR: 500 } });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    const before = fake.getCart("c1");
    for (const code of ["NOPE", "EUROS"]) {
      const { error, response } = await add("c1", { type: "promotion_item", code });
      expect(response.status).toBe(404);
      expect(error).toEqual({
        errors: [
          {
            status: 404,
            title: "Not Found",
            detail: "No promotion could be found with the given code.",
            meta: { code },
          },
        ],
      });
    }
    expect(fake.getCart("c1")).toEqual(before);
  });

  test("DELETE /v2/carts/:id/discounts/:code: 204, the discount is gone; an unapplied code: 204", async () => {
    const { fake, add, client, tea } = setup();
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    await add("c1", { type: "promotion_item", code: "SAVE10" });
    for (let attempt = 0; attempt < 2; attempt++) {
      const { response } = await deleteAPromotionViaPromotionCode({
        client,
        path: { cartID: "c1", promoCode: "SAVE10" },
      });
      expect(response.status).toBe(204);
    }
    expect(fake.cartItems("c1")?.map((item) => item.type)).toEqual(["cart_item"]);
    expect(fake.getCart("c1")?.meta?.display_price?.discount).toEqual(usd(0));
  });

  test("a promotion item is removed by its item id too", async () => {
    const { fake, add, client, tea } = setup();
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    const { data } = await add("c1", { type: "promotion_item", code: "SAVE10" });
    const promotionItemId = data?.data[1]?.id ?? "";
    await deleteACartItem({ client, path: { cartID: "c1", cartitemID: promotionItemId } });
    expect(fake.cartItems("c1")?.map((item) => item.type)).toEqual(["cart_item"]);
  });

  test("a merge copies products, not promotion codes", async () => {
    const { fake, add, tea, lines } = setup();
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    await add("guest", { type: "cart_item", id: tea.id, quantity: 1 });
    await add("guest", { type: "promotion_item", code: "SAVE10" });
    await add("mine", [{ type: "cart_items", cart_id: "guest" }]);
    expect(lines("mine")).toEqual([["cart_item", "tea", 1]]);
  });
});

describe("shopper tokens on item changes", () => {
  test("a customer's or an account's token is accepted; a bad one is a 401 and changes nothing", async () => {
    const { fake, add, tea, client } = setup();
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    const acme = fake.seedAccount({ name: "Acme" });
    const member = fake.seedAccountMember({ username: "m", password: "x", accountIds: [acme.id] });
    fake.seedCart({ id: "ada", customerIds: [ada.id] });
    fake.seedCart({ id: "acme", accountIds: [acme.id] });
    const adaHeaders = { "X-Moltin-Customer-Token": fake.issueCustomerToken(ada.id) };
    const acmeHeaders = {
      "EP-Account-Management-Authentication-Token": fake.issueAccountToken(member.id, acme.id),
    };
    expect(
      (await add("ada", { type: "cart_item", id: tea.id, quantity: 1 }, adaHeaders)).response
        .status,
    ).toBe(201);
    expect(
      (await add("acme", { type: "cart_item", id: tea.id, quantity: 1 }, acmeHeaders)).response
        .status,
    ).toBe(201);
    const bad = { "X-Moltin-Customer-Token": "garbled" };
    expect(
      (await add("ada", { type: "cart_item", id: tea.id, quantity: 1 }, bad)).response.status,
    ).toBe(401);
    const itemId = fake.cartItems("ada")?.[0]?.id ?? "";
    const update = await updateACartItem({
      client,
      path: { cartID: "ada", cartitemID: itemId },
      body: { data: { quantity: 5 } },
      headers: bad,
    });
    expect(update.response.status).toBe(401);
    const clear = await deleteAllCartItems({ client, path: { cartID: "ada" }, headers: bad });
    expect(clear.response.status).toBe(401);
    expect(fake.cartItems("ada")?.map((item) => item.quantity)).toEqual([1]);
  });
});

describe("faults after applying", () => {
  test.each([
    ["update-item", { status: 502 } as const],
    ["delete-item", { network: true } as const],
    ["clear-items", { status: 504 } as const],
    ["delete-discount", { network: true } as const],
  ] as const)("%s: served, its effect kept, the answer lost", async (endpoint, fault) => {
    const { fake, add, client, tea } = setup();
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    const added = await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    await add("c1", { type: "promotion_item", code: "SAVE10" });
    const itemId = added.data?.data[0]?.id ?? "";
    fake.failNext(endpoint, 1, { ...fault, afterApplying: true });
    const send = {
      "update-item": () =>
        updateACartItem({
          client,
          path: { cartID: "c1", cartitemID: itemId },
          body: { data: { quantity: 3 } },
        }),
      "delete-item": () => deleteACartItem({ client, path: { cartID: "c1", cartitemID: itemId } }),
      "clear-items": () => deleteAllCartItems({ client, path: { cartID: "c1" } }),
      "delete-discount": () =>
        deleteAPromotionViaPromotionCode({ client, path: { cartID: "c1", promoCode: "SAVE10" } }),
    }[endpoint];
    const outcome = await send().then(
      ({ response }) => response.status,
      (error: unknown) => (error instanceof TypeError ? "network-error" : error),
    );
    expect(outcome).toBe("network" in fault ? "network-error" : fault.status);
    const after = {
      "update-item": [
        ["cart_item", 3],
        ["promotion_item", 1],
      ],
      "delete-item": [["promotion_item", 1]],
      "clear-items": [],
      "delete-discount": [["cart_item", 1]],
    }[endpoint];
    expect(fake.cartItems("c1")?.map((item) => [item.type, item.quantity])).toEqual(after);
  });

  test("a product add answered with a 503 after applying: the item is in the cart", async () => {
    const { fake, add, tea, lines } = setup();
    fake.failNext("add-items", 1, { status: 503, afterApplying: true });
    const { response } = await add("c1", { type: "cart_item", id: tea.id, quantity: 1 });
    expect(response.status).toBe(503);
    expect(lines("c1")).toEqual([["cart_item", "tea", 1]]);
  });
});

describe("seeding the catalog", () => {
  test.each([
    [{ sku: "", name: "x", prices: {} }, "seedProduct needs a SKU."],
    [
      { sku: "x", name: "x", prices: { usd: { amount: 1 } } },
      "seedProduct: currencies are three-letter ISO 4217 codes",
    ],
    [
      { sku: "x", name: "x", prices: { USD: { amount: 1.5 } } },
      "prices.USD.amount must be an integer",
    ],
    [{ sku: "x", name: "x", prices: {}, stock: -1 }, "stock must be a count"],
    [{ sku: "tea", name: "again", prices: {} }, 'A product with SKU "tea" is already seeded.'],
  ])("seedProduct(%j) throws", (input, message) => {
    const { fake } = setup();
    expect(() => fake.seedProduct(input as never)).toThrow(message);
  });

  test.each([
    [{ code: "X" }, "exactly one of percentOff and amountOff"],
    [
      { code: "X", percentOff: 10, amountOff: { USD: 1 } },
      "exactly one of percentOff and amountOff",
    ],
    [{ code: "X", percentOff: 120 }, "percentOff must be a number from 1 to 100"],
  ])("seedPromotion(%j) throws", (input, message) => {
    const { fake } = setup();
    expect(() => fake.seedPromotion(input as never)).toThrow(message);
  });

  test("stockOf: by id or SKU, per location; reset forgets the catalog", async () => {
    const { fake, mug, tea } = setup();
    expect(fake.stockOf(mug.id)).toBe(3);
    expect(fake.stockOf("desk")).toBe(3);
    expect(fake.stockOf("desk", "north")).toBe(2);
    expect(fake.stockOf(tea.id)).toBeUndefined();
    fake.reset();
    expect(() => fake.stockOf("mug")).toThrow(
      'stockOf: no product with id or SKU "mug" was seeded.',
    );
  });
});
