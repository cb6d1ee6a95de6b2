"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { removeCartFromLists } from "../../core/carts/cartListEdits";
import {
  checkDeletion,
  DELETE,
  deleteCart,
  DISASSOCIATED,
  type DeleteCartResult,
  type DeleteCartVariables,
} from "../../core/carts/myCarts";
import { editOptimistically, restore, type ListSnapshot } from "../../core/carts/optimisticEdit";
import { shopperFor } from "../../core/carts/shopperCall";
import { callOf } from "../../core/session/call";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { cartKeys, listsOf } from "../../core/keys";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { DeleteCartResult, DeleteCartVariables } from "../../core/carts/myCarts";

export type UseDeleteCartOptions = Omit<
  UseMutationOptions<DeleteCartResult, ElasticPathError, DeleteCartVariables, ListSnapshot>,
  "mutationFn" | "mutationKey" | "onMutate"
>;
export type UseDeleteCartResult = UseMutationResult<
  DeleteCartResult,
  ElasticPathError,
  DeleteCartVariables,
  ListSnapshot
>;

/**
 * Deletes one of the signed-in shopper's carts (`DELETE /v2/carts/:cartId`), items, name
 * and associations included. It leaves every cached list of the shopper at once; on
 * failure it comes back, and either way the lists are then reconciled with the server.
 * Deleting the current cart forgets the current cart id (`useCartId`).
 *
 * Elastic Path refuses to delete a customer's last cart: a 400 `ElasticPathError` whose
 * first entry has the title `"Last cart"` (`error.status === 400 &&
 * error.errors[0]?.title === "Last cart"`). To delete it all the same, call again with
 * `disassociateFirst: true`: the cart is taken off the shopper, and deleted once that is
 * answered — one request after the other, never both at once.
 *
 * Bad input is refused before any request; network failures, 429 and 5xx are retried,
 * 4xx never; a 401 signs the shopper out.
 *
 * @example
 * ```tsx
 * function DeleteCartButton({ cartId, name }: { cartId: string; name: string }) {
 *   const remove = useDeleteCart();
 *   const isLastCart = remove.error?.status === 400 && remove.error.errors[0]?.title === "Last cart";
 *   return (
 *     <>
 *       <button onClick={() => remove.mutate({ cartId })}>Delete {name}</button>
 *       {isLastCart ? (
 *         <p role="alert">
 *           This is your only cart.{" "}
 *           <button onClick={() => remove.mutate({ cartId, disassociateFirst: true })}>
 *             Delete it anyway
 *           </button>
 *         </p>
 *       ) : (
 *         remove.error && <p role="alert">{remove.error.message}</p>
 *       )}
 *     </>
 *   );
 * }
 * ```
 */
export function useDeleteCart(options: UseDeleteCartOptions = {}): UseDeleteCartResult {
  return useShopperCartMutation("useDeleteCart", (scope) => {
    const { store, queryClient } = scope;
    return {
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...options,
      onMutate: (variables) => {
        // Refused before the lists change, and before any request.
        const { cartId } = checkDeletion(variables);
        const lists = listsOf(shopperFor(callOf(variables), store, DELETE));
        return editOptimistically(queryClient, [{ queryKey: lists }], () =>
          removeCartFromLists(queryClient, lists, cartId),
        );
      },
      mutationFn: (variables) => deleteCart(scope, callOf(variables), variables),
      onSuccess: async (result, variables, ...rest) => {
        // The cart is gone for everyone: its own query, and the current cart id if it was it.
        queryClient.removeQueries({ queryKey: cartKeys.cart(result.cartId), exact: true });
        if (store.latest().cartId === result.cartId) store.setCartId(undefined);
        await options.onSuccess?.(result, variables, ...rest);
      },
      onError: async (error, variables, snapshot, ...rest) => {
        const call = callOf(variables);
        // Not put back once it is off the shopper (disassociated), nor into another shopper's lists.
        if (snapshot && !call.done.has(DISASSOCIATED) && store.isShopper(call.shopper)) {
          restore(queryClient, snapshot);
        }
        await options.onError?.(error, variables, snapshot, ...rest);
      },
      onSettled: async (result, error, variables, snapshot, ...rest) => {
        const { shopper } = callOf(variables);
        if (snapshot && store.isShopper(shopper)) {
          await queryClient.invalidateQueries({ queryKey: listsOf(shopper!) });
        }
        await options.onSettled?.(result, error, variables, snapshot, ...rest);
      },
    };
  });
}
