"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { ElasticPathError, invalidInput } from "../../core/errors/ElasticPathError";
import { retryDelayFor } from "../../core/errors/retryPolicy";
import { requireObject, requireSafeId } from "../../core/errors/validate";
import { cartKeys } from "../../core/keys";
import { loadGuestCartMerge } from "../../core/carts/associationCoordinator";
import type { MergeCartsResult, MergeCartsVariables } from "../../core/carts/mergeCarts";
import { callOf, isStillShopper, listsOf, tokenHeaders } from "../../core/carts/shopperCall";
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

function checkMerge(variables: unknown): MergeCartsVariables {
  const { targetCartId, sourceCartId } = requireObject("variables", variables);
  const checked = {
    targetCartId: requireSafeId("targetCartId", targetCartId),
    sourceCartId: requireSafeId("sourceCartId", sourceCartId),
  };
  if (checked.targetCartId === checked.sourceCartId) {
    throw invalidInput("targetCartId and sourceCartId must be two different carts.");
  }
  return checked;
}

/** Only a 429 is sent again: it proves nothing was copied (see `mergeCarts`). */
const retryRateLimited = (failureCount: number, error: ElasticPathError) =>
  error.status === 429 && failureCount < 3;

const UNANSWERED = "unanswered";

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
  return useShopperCartMutation("useMergeCarts", ({ client, store, queryClient }) => ({
    retry: retryRateLimited,
    retryDelay: retryDelayFor,
    ...options,
    mutationFn: async (variables) => {
      const merge = checkMerge(variables);
      const call = callOf(variables);
      // A caller's own `retry` must not send a merge whose outcome is unknown once more.
      if (call.done.has(UNANSWERED)) {
        throw new ElasticPathError(
          "The merge got no answer that says whether the items were copied, so it is not sent again: a second one would add every quantity twice.",
        );
      }
      const { shopper } = call;
      if (shopper && !store.isCurrent(shopper)) {
        throw new ElasticPathError("The shopper signed out before the carts were merged.");
      }
      // The merge's code loads with its first use (see loadGuestCartMerge).
      const { mergeCarts, isRefusal } = await loadGuestCartMerge();
      try {
        return await mergeCarts(client, merge, shopper && tokenHeaders(shopper));
      } catch (error) {
        if (!isRefusal(error)) call.done.add(UNANSWERED);
        if (shopper) store.signOutOnUnauthorized(error, shopper.token);
        throw error;
      }
    },
    onSettled: async (result, error, variables, ...rest) => {
      const { shopper, done } = callOf(variables);
      // A refusal (bad input, a 4xx) changed nothing; an unanswered merge may have.
      if (result || done.has(UNANSWERED)) {
        const lists = shopper && isStillShopper(store, shopper) ? listsOf(shopper) : undefined;
        await Promise.all([
          queryClient.invalidateQueries({
            queryKey: cartKeys.cart(variables.targetCartId),
            exact: true,
          }),
          lists && queryClient.invalidateQueries({ queryKey: lists }),
        ]);
      }
      await options.onSettled?.(result, error, variables, ...rest);
    },
  }));
}
