/**
 * The cart itself, as a storefront uses it: useCart beside the item hooks, the real SDK
 * client against the fake Elastic Path, asserting on what crossed the wire.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathError,
  useAddCartItem,
  useApplyPromotionCode,
  useCart,
  useCartId,
  useClearCart,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useRemoveCartItem,
  useRemovePromotionCode,
  useUpdateCartItem,
} from "../../src";
import { countOf, createHarness, SHOPPER } from "../support/harness";

function useCartPage() {
  return {
    cart: useCart(),
    cartId: useCartId()[0],
    add: useAddCartItem(),
    update: useUpdateCartItem(),
    remove: useRemoveCartItem(),
    clear: useClearCart(),
    apply: useApplyPromotionCode(),
    unapply: useRemovePromotionCode(),
  };
}

const quantities = (items: { name?: string; quantity?: number }[] | undefined) =>
  items?.map(({ name, quantity }) => `${name} x${quantity}`);

describe("a guest's first add", () => {
  it("creates one cart, makes it current, and shows Elastic Path's answer with no read after", async () => {
    const { fake, wrapper } = createHarness();
    const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1200 } } });
    const { result } = renderHook(useCartPage, { wrapper });
    expect(result.current.cart.fetchStatus).toBe("idle");

    await act(() => result.current.add.mutateAsync({ productId: mug.id, quantity: 2 }));

    expect(countOf(fake, "create-cart")).toBe(1);
    expect(fake.requestsTo("create-cart")[0]!.headers["x-moltin-customer-token"]).toBeUndefined();
    const [add] = fake.requestsTo("add-items");
    expect(add!.path).toBe(`/v2/carts/${result.current.cartId}/items`);
    expect(add!.body).toEqual({ data: { type: "cart_item", id: mug.id, quantity: 2 } });
    await waitFor(() => expect(quantities(result.current.cart.data?.items)).toEqual(["Mug x2"]));
    expect(result.current.cart.data?.cart.meta?.display_price?.with_tax?.amount).toBe(2400);
    expect(countOf(fake, "get-cart")).toBe(0);
  });

  it("double clicks, two components and StrictMode make one cart", async () => {
    const { fake, wrapper } = createHarness({ strict: true });
    const { result } = renderHook(() => ({ one: useCartPage(), two: useAddCartItem() }), {
      wrapper,
    });
    const wrap = { custom: { name: "Gift wrap", sku: "wrap", price: { amount: 300 } } };

    await act(() =>
      Promise.all([
        result.current.one.add.mutateAsync(wrap),
        result.current.one.add.mutateAsync(wrap),
        result.current.two.mutateAsync(wrap),
      ]),
    );

    expect(countOf(fake, "create-cart")).toBe(1);
    expect(countOf(fake, "add-items")).toBe(3);
    const cartIds = new Set(fake.requestsTo("add-items").map((request) => request.path));
    expect(cartIds.size).toBe(1);
    await waitFor(() => expect(result.current.one.cart.data?.items[0]?.quantity).toBe(3));
  });

  it("refuses bad input in a sentence, before any request", async () => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(useCartPage, { wrapper });
    const error = await act(() =>
      result.current.add.mutateAsync({ productId: "p", quantity: 0 }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect((error as Error).message).toBe(
      "item.quantity must be a whole number from 1 to 1000000.",
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe("a signed-in customer's first add", () => {
  it("creates the cart with their token, so no association follows, and lists it in My carts", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1200 } } });
    const { result } = renderHook(
      () => ({ ...useCartPage(), login: useCustomerLogin(), carts: useCustomerCarts() }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));

    await act(() => result.current.add.mutateAsync({ productId: mug.id }));

    const [create] = fake.requestsTo("create-cart");
    expect(create!.headers["x-moltin-customer-token"]).toBeTruthy();
    expect(fake.requestsTo("add-items")[0]!.headers["x-moltin-customer-token"]).toBe(
      create!.headers["x-moltin-customer-token"],
    );
    await waitFor(() => expect(result.current.carts.data?.data[0]?.id).toBe(result.current.cartId));
    expect(result.current.carts.data?.data[0]?.meta?.display_price?.with_tax?.amount).toBe(1200);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(countOf(fake, "associate")).toBe(0);
    expect(countOf(fake, "get-cart")).toBe(0);
  });
});

describe("quantities", () => {
  async function cartWithMug(strict = false) {
    const harness = createHarness({ strict });
    const mug = harness.fake.seedProduct({
      sku: "mug",
      name: "Mug",
      prices: { USD: { amount: 1000 } },
      stock: 20,
    });
    const rendered = renderHook(useCartPage, { wrapper: harness.wrapper });
    await act(() => rendered.result.current.add.mutateAsync({ productId: mug.id }));
    const item = rendered.result.current.cart.data!.items[0]!;
    return { ...harness, ...rendered, item };
  }

  it("ten quick + clicks send two requests, and the last quantity wins with no flicker back", async () => {
    const { fake, result, item, rerender } = await cartWithMug();
    fake.setLatency(({ endpoint }) => (endpoint === "update-item" ? 40 : 0));
    const shown: number[] = [];
    const record = () => shown.push(result.current.cart.data!.items[0]!.quantity!);
    for (let quantity = 2; quantity <= 11; quantity += 1) {
      await act(async () => result.current.update.mutate({ itemId: item.id!, quantity }));
      record();
    }
    expect(result.current.cart.isRecalculating).toBe(true);
    await waitFor(() => {
      rerender();
      record();
      expect(result.current.cart.isRecalculating).toBe(false);
    });

    // What the shopper saw never went back to an older quantity.
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.at(-1)).toBe(11);
    expect(fake.requestsTo("update-item").map((request) => request.body)).toEqual([
      { data: { id: item.id, quantity: 2 } },
      { data: { id: item.id, quantity: 11 } },
    ]);
    expect(result.current.cart.data?.items[0]?.quantity).toBe(11);
    expect(result.current.cart.data?.cart.meta?.display_price?.with_tax?.amount).toBe(11_000);
    expect(fake.cartItems(result.current.cartId!)?.[0]?.quantity).toBe(11);
  });

  it("a refused quantity (insufficient stock) is put back, and says why", async () => {
    const { fake, result, item } = await cartWithMug();
    fake.setLatency(({ endpoint }) => (endpoint === "update-item" ? 30 : 0));
    let error: unknown;
    await act(async () =>
      result.current.update.mutate(
        { itemId: item.id!, quantity: 50 },
        { onError: (failure) => void (error = failure) },
      ),
    );
    expect(result.current.cart.data?.items[0]?.quantity).toBe(50);
    await waitFor(() => expect(error).toBeInstanceOf(ElasticPathError));
    expect((error as ElasticPathError).status).toBe(400);
    expect((error as Error).message).toMatch(/Insufficient stock/);
    expect(result.current.cart.data?.items[0]?.quantity).toBe(1);
  });

  it("a removal shows at once and is sent as a DELETE; quantity 0 removes too", async () => {
    const { fake, result, item } = await cartWithMug();
    fake.setLatency(({ endpoint }) => (endpoint === "delete-item" ? 30 : 0));
    await act(async () => result.current.remove.mutate({ itemId: item.id! }));
    expect(result.current.cart.data?.items).toEqual([]);
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));
    expect(fake.requestsTo("delete-item")[0]!.path).toBe(
      `/v2/carts/${result.current.cartId}/items/${item.id}`,
    );
    expect(result.current.cart.data?.cart.meta?.display_price?.with_tax?.amount).toBe(0);
  });

  it("an update lost on the network is sent again (it sets a state), once the retry policy allows", async () => {
    const { fake, result, item, wrapper } = await cartWithMug();
    const quick = renderHook(() => useUpdateCartItem({ retryDelay: 1 }), { wrapper });
    fake.failNext("update-item", 1, { network: true, afterApplying: true });
    await act(() => quick.result.current.mutateAsync({ itemId: item.id!, quantity: 4 }));
    expect(countOf(fake, "update-item")).toBe(2);
    expect(fake.cartItems(result.current.cartId!)?.[0]?.quantity).toBe(4);
  });
});

describe("an add whose answer is lost", () => {
  it("is not sent again, says so, and the cart is read again: the quantity is added once", async () => {
    const { fake, wrapper } = createHarness();
    const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1000 } } });
    const { result } = renderHook(useCartPage, { wrapper });
    await act(() => result.current.add.mutateAsync({ productId: mug.id }));
    fake.failNext("add-items", 1, { status: 503, afterApplying: true });

    const error = await act(() =>
      result.current.add.mutateAsync({ productId: mug.id }).catch((e: unknown) => e),
    );

    expect(error).toBeInstanceOf(ElasticPathError);
    expect((error as ElasticPathError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/was not sent again/);
    expect(countOf(fake, "add-items")).toBe(2);
    await waitFor(() => expect(result.current.cart.data?.items[0]?.quantity).toBe(2));
    expect(countOf(fake, "get-cart")).toBe(1);
  });
});

describe("an add whose answer is lost, with the app's own retry", () => {
  it("is still not sent again: the app's retry gets the same error, and nothing crosses the wire", async () => {
    const { fake, wrapper } = createHarness();
    const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1000 } } });
    const { result } = renderHook(
      () => ({ cart: useCart(), add: useAddCartItem({ retry: 3, retryDelay: 1 }) }),
      { wrapper },
    );
    await act(() => result.current.add.mutateAsync({ productId: mug.id }));
    fake.failNext("add-items", 1, { status: 503, afterApplying: true });

    const error = await act(() =>
      result.current.add.mutateAsync({ productId: mug.id }).catch((e: unknown) => e),
    );

    expect((error as Error).message).toMatch(/was not sent again/);
    expect(fake.requestsTo("add-items").map((request) => request.status)).toEqual([201, 503]);
    await waitFor(() => expect(result.current.cart.data?.items[0]?.quantity).toBe(2));
  });
});

describe("promotion codes", () => {
  it("applies a code, names an unknown one, and reads the cart once after removing", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    const { result } = renderHook(useCartPage, { wrapper });
    await act(() =>
      result.current.add.mutateAsync({
        custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } },
      }),
    );

    const refused = await act(() =>
      result.current.apply.mutateAsync({ code: "NOPE" }).catch((e: unknown) => e),
    );
    expect((refused as ElasticPathError).status).toBe(404);
    expect((refused as Error).message).toContain('"NOPE"');

    await act(() => result.current.apply.mutateAsync({ code: "SAVE10" }));
    expect(result.current.cart.data?.cart.meta?.display_price?.with_tax?.amount).toBe(4500);
    expect(result.current.cart.data?.items.map((item) => item.type)).toContain("promotion_item");

    await act(() => result.current.unapply.mutateAsync({ code: "SAVE10" }));
    expect(countOf(fake, "get-cart")).toBe(1);
    expect(result.current.cart.data?.cart.meta?.display_price?.with_tax?.amount).toBe(5000);
  });
});

describe("clearing", () => {
  it("empties the cart and reads it once (Elastic Path answers 204)", async () => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(useCartPage, { wrapper });
    await act(() =>
      result.current.add.mutateAsync({
        custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } },
      }),
    );
    await act(() => result.current.clear.mutateAsync());
    expect(countOf(fake, "clear-items")).toBe(1);
    expect(countOf(fake, "get-cart")).toBe(1);
    expect(result.current.cart.data?.items).toEqual([]);
  });
});

describe("a signed-in customer's clearing and promotion codes", () => {
  it("carry their token, though mutate() takes no variables", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
    const { result } = renderHook(() => ({ ...useCartPage(), login: useCustomerLogin() }), {
      wrapper,
    });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() =>
      result.current.add.mutateAsync({
        custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } },
      }),
    );
    await act(() => result.current.apply.mutateAsync({ code: "SAVE10" }));
    await act(() => result.current.unapply.mutateAsync({ code: "SAVE10" }));
    await act(() => result.current.clear.mutateAsync());

    const token = fake.requestsTo("create-cart")[0]!.headers["x-moltin-customer-token"];
    expect(token).toBeTruthy();
    for (const endpoint of ["add-items", "delete-discount", "clear-items", "get-cart"] as const) {
      for (const request of fake.requestsTo(endpoint)) {
        expect(request.headers["x-moltin-customer-token"], endpoint).toBe(token);
      }
    }
    expect(countOf(fake, "clear-items")).toBe(1);
  });
});

describe("a logout while an add is in the air", () => {
  it("writes nothing of the answer into the next session's cache", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({ ...useCartPage(), login: useCustomerLogin(), logout: useCustomerLogout() }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() =>
      result.current.add.mutateAsync({
        custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } },
      }),
    );
    const cartId = result.current.cartId!;
    fake.setLatency(({ endpoint }) => (endpoint === "add-items" ? 40 : 0));
    const late = result.current.add.mutateAsync({
      custom: { name: "Rug", sku: "rug", price: { amount: 9000 } },
    });
    act(() => result.current.logout());
    await act(() => late.catch(() => {}));
    expect(queryClient.getQueryData(["epcc", "carts", "cart", cartId])).toBeUndefined();
    expect(result.current.cart.data).toBeUndefined();
  });
});
