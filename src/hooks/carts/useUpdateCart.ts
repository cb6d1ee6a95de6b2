"use client";
import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { changeCart, changeCartInLists } from "../../core/carts/cartListEdits";
import {
  checkChange,
  UPDATE,
  updateCart,
  type UpdateCartVariables,
} from "../../core/carts/myCarts";
import { editOptimistically, restore, type ListSnapshot } from "../../core/carts/optimisticEdit";
import { shopperFor } from "../../core/carts/shopperCall";
import { callOf } from "../../core/session/call";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { changeCachedCart } from "../../core/carts/cartEntry";
import { cartKeys, listsOf } from "../../core/keys";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { UpdateCartVariables } from "../../core/carts/myCarts";

export type UseUpdateCartOptions = Omit<
  UseMutationOptions<CartResponse, ElasticPathError, UpdateCartVariables, ListSnapshot>,
  "mutationFn" | "mutationKey" | "onMutate"
>;
export type UseUpdateCartResult = UseMutationResult<
  CartResponse,
  ElasticPathError,
  UpdateCartVariables,
  ListSnapshot
>;

/**
 * Renames or re-describes one of the signed-in shopper's carts (`PUT /v2/carts/:cartId`
 * with `{ data: { name, description } }`, only the fields given). The change shows at once
 * in every cached list of the shopper and in the cart's own query (`cartQueries.cart`); on
 * failure they are put back, and either way the lists are then reconciled with the server.
 *
 * Bad input is refused before any request; network failures, 429 and 5xx are retried (the
 * same change sent twice is the same change), 4xx never; a 401 signs the shopper out.
 *
 * @example
 * ```tsx
 * function RenameCart({ cartId, name }: { cartId: string; name: string }) {
 *   const update = useUpdateCart();
 *   return (
 *     <form
 *       onSubmit={(event) => {
 *         event.preventDefault();
 *         const next = new FormData(event.currentTarget).get("name");
 *         update.mutate({ cartId, name: String(next) });
 *       }}
 *     >
 *       <input name="name" defaultValue={name} aria-label="New name" required maxLength={255} />
 *       <button disabled={update.isPending}>Rename</button>
 *       {update.error && <p role="alert">{update.error.message}</p>}
 *     </form>
 *   );
 * }
 * ```
 */
export function useUpdateCart(options: UseUpdateCartOptions = {}): UseUpdateCartResult {
  return useShopperCartMutation("useUpdateCart", (scope) => {
    const { store, queryClient } = scope;
    return {
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...options,
      onMutate: (variables) => {
        // Refused before the lists change, and before any request.
        const { cartId, ...change } = checkChange(variables);
        const lists = listsOf(shopperFor(callOf(variables), store, UPDATE));
        const cart = { queryKey: cartKeys.cart(cartId), exact: true };
        return editOptimistically(queryClient, [{ queryKey: lists }, cart], () =>
          changeCart(queryClient, lists, cartId, change),
        );
      },
      mutationFn: (variables) => updateCart(scope, callOf(variables), variables),
      onSuccess: async (cart, variables, ...rest) => {
        const { shopper } = callOf(variables);
        // Elastic Path's answer is the cart as it now is.
        if (store.isShopper(shopper)) {
          changeCartInLists(queryClient, listsOf(shopper!), variables.cartId, cart);
          changeCachedCart(queryClient, variables.cartId, () => cart);
        }
        await options.onSuccess?.(cart, variables, ...rest);
      },
      onError: async (error, variables, snapshot, ...rest) => {
        // No snapshot: refused before anything changed. Not the shopper any more: their lists are gone.
        if (snapshot && store.isShopper(callOf(variables).shopper)) restore(queryClient, snapshot);
        await options.onError?.(error, variables, snapshot, ...rest);
      },
      onSettled: async (cart, error, variables, snapshot, ...rest) => {
        const { shopper } = callOf(variables);
        if (snapshot && store.isShopper(shopper)) {
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: listsOf(shopper!) }),
            // The change may have been applied before the answer was lost.
            error &&
              queryClient.invalidateQueries({
                queryKey: cartKeys.cart(variables.cartId),
                exact: true,
              }),
          ]);
        }
        await options.onSettled?.(cart, error, variables, snapshot, ...rest);
      },
    };
  });
}
