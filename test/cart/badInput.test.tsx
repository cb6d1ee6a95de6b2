/**
 * Bad input to the cart and checkout hooks: refused in a sentence that names what is wrong,
 * before any request, and nothing in the cache changes.
 */
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  useAddCartItem,
  useApplyPromotionCode,
  useCart,
  useCheckout,
  useRemoveCartItem,
  useRemovePromotionCode,
  useUpdateCartItem,
} from "../../src";
import { createHarness } from "../support/harness";

function useHooks() {
  return {
    cart: useCart(),
    add: useAddCartItem(),
    update: useUpdateCartItem(),
    remove: useRemoveCartItem(),
    apply: useApplyPromotionCode(),
    unapply: useRemovePromotionCode(),
    checkout: useCheckout(),
  };
}
type Hooks = ReturnType<typeof useHooks>;

const refusals: Array<[string, (hooks: Hooks) => Promise<unknown>, string]> = [
  [
    "an add of nothing",
    (h) => h.add.mutateAsync({} as never),
    "item must have a productId, a sku or a custom item.",
  ],
  [
    "an add of null",
    (h) => h.add.mutateAsync(null as never),
    "item must be an object, but got null.",
  ],
  [
    "a fractional quantity",
    (h) => h.add.mutateAsync({ productId: "p", quantity: 1.5 }),
    "item.quantity must be a whole number from 1 to 1000000.",
  ],
  [
    "a product id for a URL path",
    (h) => h.add.mutateAsync({ productId: "../carts" }),
    'item.productId may only contain letters, digits, "-" and "_".',
  ],
  [
    "a custom item without a price",
    (h) => h.add.mutateAsync({ custom: { name: "Wrap", sku: "w" } } as never),
    "item.custom.price must be an object, but got undefined.",
  ],
  [
    "a negative price",
    (h) => h.add.mutateAsync({ custom: { name: "Wrap", sku: "w", price: { amount: -1 } } }),
    "item.custom.price.amount must be a whole number from 0 to 9007199254740991.",
  ],
  [
    "a negative quantity",
    (h) => h.update.mutateAsync({ itemId: "i", quantity: -1 }),
    "quantity must be a whole number from 0 to 1000000.",
  ],
  [
    "an update without a quantity",
    (h) => h.update.mutateAsync({ itemId: "i" } as never),
    "quantity is required.",
  ],
  [
    "a removal without an item",
    (h) => h.remove.mutateAsync({} as never),
    "itemId must be a string, but got undefined.",
  ],
  [
    "an empty promotion code",
    (h) => h.apply.mutateAsync({ code: " " }),
    "code must not be empty or whitespace.",
  ],
  [
    "a promotion code that is not text",
    (h) => h.unapply.mutateAsync({ code: 10 } as never),
    "code must be a string, but got a number.",
  ],
  [
    "a checkout without addresses",
    (h) => h.checkout.mutateAsync({ email: "a@example.com", name: "A" } as never),
    "billingAddress must be an object, but got undefined.",
  ],
  [
    "a guest checkout without an email",
    (h) => h.checkout.mutateAsync({ name: "A", billingAddress: {}, shippingAddress: {} } as never),
    "email must be a string, but got undefined.",
  ],
];

describe("bad input to the cart and checkout hooks", () => {
  it.each(refusals)("%s is refused before any request", async (_, call, message) => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(useHooks, { wrapper });
    const error = await act(() => call(result.current).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ElasticPathError);
    expect((error as Error).message).toBe(message);
    expect(fake.requests.filter((request) => request.endpoint !== "access-token")).toEqual([]);
  });

  it("a change with no current cart says there is none", async () => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(useHooks, { wrapper });
    const error = await act(() =>
      result.current.update.mutateAsync({ itemId: "i", quantity: 2 }).catch((e: unknown) => e),
    );
    expect((error as Error).message).toBe("There is no current cart: add an item first.");
    expect(fake.requests).toEqual([]);
  });

  it("cartQueries.cart refuses a session that is not one", () => {
    const { client } = createHarness();
    expect(() =>
      cartQueries.cart({ client, session: { status: "signed-in" } as never }, "cart-1"),
    ).toThrow(ElasticPathError);
    expect(() => cartQueries.cart({ client }, "no/slashes")).toThrow(
      'cartId may only contain letters, digits, "-" and "_".',
    );
  });
});
