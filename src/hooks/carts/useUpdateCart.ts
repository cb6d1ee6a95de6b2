"use client";
import { updateACart, type CartResponse } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { invalidInput, type ElasticPathError } from "../../core/errors/ElasticPathError";
import { answerOf } from "../../core/errors/fromResponse";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { requireObject, requireSafeId, requireText } from "../../core/errors/validate";
import { cartKeys } from "../../core/keys";
import { changeCartInLists } from "../../core/carts/cartListEdits";
import {
  callOf,
  isStillShopper,
  listsOf,
  shopperFor,
  tokenHeaders,
  type CallWording,
} from "../../core/carts/shopperCall";
import type { ListSnapshot } from "../internal/useCartDisassociation";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

/** What to change; what is left out stays as it is. */
export interface UpdateCartVariables {
  cartId: string;
  /** 1 to 255 characters, not only whitespace. */
  name?: string;
  /** `""` clears it. */
  description?: string;
}

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

const WORDING: CallWording = { action: "Changing a cart", outcome: "the cart was changed" };

function checkChange(variables: unknown): { cartId: string; name?: string; description?: string } {
  const { cartId, name, description } = requireObject("variables", variables);
  const checkedId = requireSafeId("cartId", cartId);
  const change: { name?: string; description?: string } = {};
  if (name !== undefined) change.name = requireText("name", name, 255);
  if (description !== undefined) {
    if (typeof description !== "string") throw invalidInput("description must be a string.");
    change.description = description;
  }
  if (change.name === undefined && change.description === undefined) {
    throw invalidInput("Give a name or a description to change.");
  }
  return { cartId: checkedId, ...change };
}

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
  return useShopperCartMutation("useUpdateCart", ({ client, store, queryClient }) => ({
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
    ...options,
    onMutate: async (variables) => {
      // Refused before the lists change, and before any request.
      const { cartId, ...change } = checkChange(variables);
      const shopper = shopperFor(callOf(variables), store, WORDING);
      const lists = listsOf(shopper);
      const cart = cartKeys.cart(cartId);
      // A fetch finishing now would show the old name again.
      await Promise.all([
        queryClient.cancelQueries({ queryKey: lists }),
        queryClient.cancelQueries({ queryKey: cart, exact: true }),
      ]);
      const snapshot: ListSnapshot = [
        ...queryClient.getQueriesData({ queryKey: lists }),
        ...queryClient.getQueriesData({ queryKey: cart, exact: true }),
      ];
      changeCartInLists(queryClient, lists, cartId, change);
      queryClient.setQueryData<CartResponse>(
        cart,
        (current) => current && { ...current, ...change },
      );
      return snapshot;
    },
    mutationFn: async (variables) => {
      const { cartId, ...change } = checkChange(variables);
      const shopper = shopperFor(callOf(variables), store, WORDING);
      try {
        const { data } = await answerOf(
          "Changing the cart",
          updateACart({
            client,
            path: { cartID: cartId },
            body: { data: change },
            headers: tokenHeaders(shopper),
          }),
        );
        return data!.data;
      } catch (error) {
        store.signOutOnUnauthorized(error, shopper.token);
        throw error;
      }
    },
    onSuccess: async (cart, variables, ...rest) => {
      const { shopper } = callOf(variables);
      if (shopper && isStillShopper(store, shopper)) {
        // Elastic Path's answer is the cart as it now is.
        changeCartInLists(queryClient, listsOf(shopper), variables.cartId, cart);
        queryClient.setQueryData<CartResponse>(
          cartKeys.cart(variables.cartId),
          (current) => current && cart,
        );
      }
      await options.onSuccess?.(cart, variables, ...rest);
    },
    onError: async (error, variables, snapshot, ...rest) => {
      // No snapshot: refused before anything changed. Not the shopper any more: their lists are gone.
      if (snapshot && isStillShopper(store, callOf(variables).shopper)) {
        snapshot.forEach(([queryKey, data]) => queryClient.setQueryData(queryKey, data));
      }
      await options.onError?.(error, variables, snapshot, ...rest);
    },
    onSettled: async (cart, error, variables, snapshot, ...rest) => {
      const { shopper } = callOf(variables);
      if (snapshot && shopper && isStillShopper(store, shopper)) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: listsOf(shopper) }),
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
  }));
}
