"use client";
import {
  useMutationState,
  useQuery,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { readerOf } from "../../core/cart/cartChanges";
import { cartContentsOptions } from "../../core/cart/cartContents";
import { byHandKey, CART_CHANGE } from "../../core/keys";
import { useElasticPathContext, useSessionState } from "../internal/context";

const CART_STALE_MS = 30_000;

/** `useQuery` options, but not what makes the query: key and function. */
export type UseCartOptions = Omit<
  UseQueryOptions<CartContents, ElasticPathError, CartContents, readonly string[]>,
  "queryKey" | "queryFn"
>;

export type UseCartResult = UseQueryResult<CartContents, ElasticPathError> & {
  /**
   * A change to the cart's items is in flight: quantities already show the shopper's wish,
   * but the totals (`cart.meta.display_price`) are Elastic Path's last answer, about to change.
   */
  isRecalculating: boolean;
};

/**
 * The current cart (`useCartId`) with its items: `GET /v2/carts/:id?include=items`, one
 * request, with the shopper's token while one is signed in. Sends nothing while there is no
 * current cart. Item changes made with the package's hooks show here from Elastic Path's
 * answers, with no read after them; quantities show at once, totals when Elastic Path says.
 * What it holds counts as fresh for 30 s (`staleTime`, which options may change).
 *
 * @example
 * ```tsx
 * function CartBadge() {
 *   const { data, isRecalculating } = useCart();
 *   const count = data?.items.reduce((sum, item) => sum + (item.quantity ?? 0), 0) ?? 0;
 *   const total = data?.cart.meta?.display_price?.with_tax?.formatted;
 *   return <span aria-busy={isRecalculating}>{count} items · {total}</span>;
 * }
 * ```
 */
export function useCart(options: UseCartOptions = {}): UseCartResult {
  const scope = useElasticPathContext("useCart");
  const { cartId, shopper } = useSessionState(scope.store, (snapshot) => snapshot);
  const contents = cartContentsOptions(readerOf(scope), cartId ?? "-");
  const query = useQuery({
    ...contents,
    // The package writes every change it makes from Elastic Path's answers: what it holds is
    // fresh. Changes from elsewhere (another device) show after this, on focus or mount.
    staleTime: CART_STALE_MS,
    ...options,
    // No cart, no request. (Not `skipToken` nor `useIsMutating`: every app would carry their
    // names, which bundlers keep for an external package even where the code using them fell away.)
    enabled: cartId ? options.enabled : false,
  });
  const changes = useMutationState({
    filters: {
      mutationKey: byHandKey(shopper?.kind ?? "customer", shopper, CART_CHANGE),
      status: "pending",
    },
  });
  return Object.assign(query, { isRecalculating: changes.length > 0 });
}
