"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import type { RemoveCartItemVariables } from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { useItemChange } from "../internal/useItemChange";

export type { RemoveCartItemVariables } from "../../core/cart/cartItems";

export type UseRemoveCartItemOptions = Omit<
  UseMutationOptions<CartContents, ElasticPathError, RemoveCartItemVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseRemoveCartItemResult = UseMutationResult<
  CartContents,
  ElasticPathError,
  RemoveCartItemVariables
>;

/**
 * Removes an item from the current cart (`DELETE /v2/carts/:id/items/:itemId`). It leaves
 * `useCart`'s items at once and comes back if Elastic Path refuses; totals follow its answer.
 * Retried like a read; a removal after quick quantity changes to the item is their latest wish.
 *
 * @example
 * ```tsx
 * const remove = useRemoveCartItem();
 * <button onClick={() => remove.mutate({ itemId: item.id })}>Remove</button>
 * ```
 */
export function useRemoveCartItem(options: UseRemoveCartItemOptions = {}): UseRemoveCartItemResult {
  return useItemChange("useRemoveCartItem", options, true);
}
