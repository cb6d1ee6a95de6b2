"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import { thenReadAgain } from "../../core/cart/cartChanges";
import { clearItems } from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { CART_CHANGE } from "../../core/keys";
import { callOf } from "../../core/session/call";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type UseClearCartOptions = Omit<
  UseMutationOptions<CartContents, ElasticPathError, void>,
  "mutationFn" | "mutationKey"
>;
export type UseClearCartResult = UseMutationResult<CartContents, ElasticPathError, void>;

/**
 * Empties the current cart (`DELETE /v2/carts/:id/items`). Elastic Path answers 204 with no
 * body, so the cart is then read once, and `useCart` shows it empty. Retried like a read.
 *
 * @example
 * ```tsx
 * const clear = useClearCart();
 * <button onClick={() => clear.mutate()}>Empty the cart</button>
 * ```
 */
export function useClearCart(options: UseClearCartOptions = {}): UseClearCartResult {
  return useShopperCartMutation(
    "useClearCart",
    (scope) => ({
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...options,
      mutationFn: (variables) => thenReadAgain(scope, callOf(variables), clearItems),
    }),
    CART_CHANGE,
    true,
  );
}
