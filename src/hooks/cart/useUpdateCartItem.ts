"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import type { UpdateCartItemVariables } from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { useItemChange } from "../internal/useItemChange";

export type { UpdateCartItemVariables } from "../../core/cart/cartItems";

export type UseUpdateCartItemOptions = Omit<
  UseMutationOptions<CartContents, ElasticPathError, UpdateCartItemVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseUpdateCartItemResult = UseMutationResult<
  CartContents,
  ElasticPathError,
  UpdateCartItemVariables
>;

/**
 * Sets an item's quantity (`PUT /v2/carts/:id/items/:itemId`; `quantity: 0` removes it). The
 * new quantity shows in `useCart` at once and is put back if Elastic Path refuses it; the
 * totals come with Elastic Path's answer (`useCart().isRecalculating` until then).
 *
 * - Quick changes to one item collapse: one request in flight, then only the latest
 *   quantity wanted; an older answer never shows over a newer wish, and the last one wins.
 * - It sets a state, so it is retried like a read (network failures, 429, 5xx).
 *
 * @example
 * ```tsx
 * const update = useUpdateCartItem();
 * <button onClick={() => update.mutate({ itemId: item.id, quantity: item.quantity + 1 })}>+</button>
 * ```
 */
export function useUpdateCartItem(options: UseUpdateCartItemOptions = {}): UseUpdateCartItemResult {
  return useItemChange("useUpdateCartItem", options, false);
}
