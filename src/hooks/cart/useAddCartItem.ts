"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import { retryRateLimitedOnly } from "../../core/carts/myCarts";
import { add } from "../../core/cart/cartChanges";
import { itemBody, type CartItemInput } from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor } from "../../core/errors/retryPolicy";
import { CART_CHANGE } from "../../core/keys";
import { callOf } from "../../core/session/call";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { CartItemInput } from "../../core/cart/cartItems";

export type UseAddCartItemOptions = Omit<
  UseMutationOptions<CartContents, ElasticPathError, CartItemInput>,
  "mutationFn" | "mutationKey"
>;
export type UseAddCartItemResult = UseMutationResult<CartContents, ElasticPathError, CartItemInput>;

/**
 * Adds an item to the current cart (`POST /v2/carts/:id/items`): a product by id or SKU (a
 * bundle with its configuration), or a custom item. With no current cart, the cart is made
 * first (`POST /v2/carts`, once however many adds race for it, in every tab) and becomes the
 * current cart; a signed-in shopper's is created with their token, so it is theirs at once.
 *
 * - `useCart` and the shopper's cached "My carts" show Elastic Path's answer: no read follows.
 * - Refusals (insufficient stock, no price in the cart's currency, an unknown product) are
 *   `ElasticPathError`s that say so; nothing changes.
 * - Never added twice: an add whose answer was lost (network failure, 5xx) is not sent again
 *   by anyone (`retryable: false`); the cart is read again. A 429 is sent again after `Retry-After`.
 *
 * @example
 * ```tsx
 * function AddToCart({ productId }: { productId: string }) {
 *   const add = useAddCartItem();
 *   return (
 *     <>
 *       <button disabled={add.isPending} onClick={() => add.mutate({ productId, quantity: 1 })}>
 *         Add to cart
 *       </button>
 *       {add.error && <p role="alert">{add.error.message}</p>}
 *     </>
 *   );
 * }
 * ```
 */
export function useAddCartItem(options: UseAddCartItemOptions = {}): UseAddCartItemResult {
  return useShopperCartMutation(
    "useAddCartItem",
    (scope) => ({
      retry: retryRateLimitedOnly,
      retryDelay: retryDelayFor,
      ...options,
      mutationFn: async (item) => add(scope, callOf(item), itemBody(item)),
    }),
    CART_CHANGE,
  );
}
