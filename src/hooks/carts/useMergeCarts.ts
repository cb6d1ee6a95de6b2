"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { MergeCartsResult, MergeCartsVariables } from "../../core/carts/mergeCarts";
import { mergeCartsFor, retryRateLimitedOnly, UNANSWERED } from "../../core/carts/myCarts";
import { callOf } from "../../core/session/call";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor } from "../../core/errors/retryPolicy";
import { cartKeys, listsOf } from "../../core/keys";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { MergeCartsResult, MergeCartsVariables } from "../../core/carts/mergeCarts";

export type UseMergeCartsOptions = Omit<
  UseMutationOptions<MergeCartsResult, ElasticPathError, MergeCartsVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseMergeCartsResult = UseMutationResult<
  MergeCartsResult,
  ElasticPathError,
  MergeCartsVariables
>;

/**
 * Merges one cart's items into another (`POST /v2/carts/:targetCartId/items` with the source
 * as `cart_items`), for a "My carts" page's "add these items to my cart": quantities of the
 * same product add up, the source cart stays as it was, and items that cannot be copied come
 * back in `itemErrors` (the others are copied). Sent with the signed-in shopper's token, so
 * the target may be one of their carts; without a shopper, both must be guest carts.
 *
 * A merge sent twice adds every quantity twice, so it is sent again only after a 429; after
 * a 5xx or a network failure its outcome is unknown, and the error says so — the cart and
 * the shopper's lists are read again either way, and on success.
 *
 * @example
 * ```tsx
 * function AddItemsToCurrentCart({ fromCartId }: { fromCartId: string }) {
 *   const [currentCartId] = useCartId();
 *   const merge = useMergeCarts();
 *   if (!currentCartId || currentCartId === fromCartId) return null;
 *   return (
 *     <>
 *       <button
 *         disabled={merge.isPending}
 *         onClick={() => merge.mutate({ targetCartId: currentCartId, sourceCartId: fromCartId })}
 *       >
 *         Add these items to my cart
 *       </button>
 *       {merge.data && merge.data.itemErrors.length > 0 && (
 *         <p>{merge.data.itemErrors.length} items could not be added.</p>
 *       )}
 *       {merge.error && <p role="alert">{merge.error.message}</p>}
 *     </>
 *   );
 * }
 * ```
 */
export function useMergeCarts(options: UseMergeCartsOptions = {}): UseMergeCartsResult {
  return useShopperCartMutation("useMergeCarts", (scope) => ({
    // Only a 429 is sent again: it proves nothing was copied (see `mergeCarts`).
    retry: retryRateLimitedOnly,
    retryDelay: retryDelayFor,
    ...options,
    mutationFn: (variables) => mergeCartsFor(scope, callOf(variables), variables),
    onSettled: async (result, error, variables, ...rest) => {
      const { shopper, done } = callOf(variables);
      // A refusal (bad input, a 4xx) changed nothing; an unanswered merge may have.
      if (result || done.has(UNANSWERED)) {
        const { queryClient, store } = scope;
        await Promise.all([
          queryClient.invalidateQueries({
            queryKey: cartKeys.cart(variables.targetCartId),
            exact: true,
          }),
          store.isShopper(shopper) &&
            queryClient.invalidateQueries({ queryKey: listsOf(shopper!) }),
        ]);
      }
      await options.onSettled?.(result, error, variables, ...rest);
    },
  }));
}
