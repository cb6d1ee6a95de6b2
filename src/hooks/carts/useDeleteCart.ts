"use client";
import { deleteACart } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { invalidInput, type ElasticPathError } from "../../core/errors/ElasticPathError";
import { answerOf } from "../../core/errors/fromResponse";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { requireObject, requireSafeId } from "../../core/errors/validate";
import { disassociateCart, type OwnerVariables } from "../../core/carts/associateCart";
import { removeCartFromLists } from "../../core/carts/cartListEdits";
import { cartKeys } from "../../core/keys";
import {
  callOf,
  isStillShopper,
  listsOf,
  ownerOf,
  shopperFor,
  tokenHeaders,
  type CallWording,
} from "../../core/carts/shopperCall";
import type { ListSnapshot } from "../internal/useCartDisassociation";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export interface DeleteCartVariables {
  cartId: string;
  /**
   * Take the cart off the shopper first (`DELETE .../relationships/customers` or
   * `.../accounts`), and delete it only once Elastic Path has answered that: how a
   * customer's last cart can be deleted, which Elastic Path otherwise refuses. Default `false`.
   */
  disassociateFirst?: boolean;
}

export interface DeleteCartResult {
  cartId: string;
}

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

const WORDING: CallWording = { action: "Deleting a cart", outcome: "the cart was deleted" };
const DISASSOCIATED = "disassociated";

function checkDeletion(variables: unknown): Required<DeleteCartVariables> {
  const { cartId, disassociateFirst } = requireObject("variables", variables);
  if (disassociateFirst !== undefined && typeof disassociateFirst !== "boolean") {
    throw invalidInput("disassociateFirst must be true or false.");
  }
  return { cartId: requireSafeId("cartId", cartId), disassociateFirst: disassociateFirst ?? false };
}

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
  return useShopperCartMutation("useDeleteCart", ({ client, store, queryClient }) => ({
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
    ...options,
    onMutate: async (variables) => {
      // Refused before the lists change, and before any request.
      const { cartId } = checkDeletion(variables);
      const lists = listsOf(shopperFor(callOf(variables), store, WORDING));
      // A list fetch finishing now would put the cart back on screen.
      await queryClient.cancelQueries({ queryKey: lists });
      const snapshot = queryClient.getQueriesData({ queryKey: lists });
      removeCartFromLists(queryClient, lists, cartId);
      return snapshot;
    },
    mutationFn: async (variables) => {
      const { cartId, disassociateFirst } = checkDeletion(variables);
      const call = callOf(variables);
      const shopper = shopperFor(call, store, WORDING);
      try {
        // Kept across retries: a deletion that failed after it is not disassociated twice.
        if (disassociateFirst && !call.done.has(DISASSOCIATED)) {
          const pair = { cartId, [`${shopper.kind}Id`]: shopper.id } as OwnerVariables;
          await disassociateCart(client, ownerOf(shopper), pair, shopper.token);
          call.done.add(DISASSOCIATED);
        }
        await answerOf(
          "Deleting the cart",
          deleteACart({ client, path: { cartID: cartId }, headers: tokenHeaders(shopper) }),
        );
        return { cartId };
      } catch (error) {
        store.signOutOnUnauthorized(error, shopper.token);
        throw error;
      }
    },
    onSuccess: async (result, variables, ...rest) => {
      // The cart is gone for everyone: its own query, and the current cart id if it was it.
      queryClient.removeQueries({ queryKey: cartKeys.cart(result.cartId), exact: true });
      if (store.latest().cartId === result.cartId) store.setCartId(undefined);
      await options.onSuccess?.(result, variables, ...rest);
    },
    onError: async (error, variables, snapshot, ...rest) => {
      const call = callOf(variables);
      // Not put back once it is off the shopper (disassociated), nor into another shopper's lists.
      if (snapshot && !call.done.has(DISASSOCIATED) && isStillShopper(store, call.shopper)) {
        snapshot.forEach(([queryKey, data]) => queryClient.setQueryData(queryKey, data));
      }
      await options.onError?.(error, variables, snapshot, ...rest);
    },
    onSettled: async (result, error, variables, snapshot, ...rest) => {
      const { shopper } = callOf(variables);
      if (snapshot && shopper && isStillShopper(store, shopper)) {
        await queryClient.invalidateQueries({ queryKey: listsOf(shopper) });
      }
      await options.onSettled?.(result, error, variables, snapshot, ...rest);
    },
  }));
}
