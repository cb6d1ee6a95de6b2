"use client";
import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import { addCartToLists } from "../../core/carts/cartListEdits";
import {
  createCart,
  outcomeUnknown,
  retryRateLimitedOnly,
  type CreateCartVariables,
} from "../../core/carts/myCarts";
import { callOf } from "../../core/session/call";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor } from "../../core/errors/retryPolicy";
import { cartKeys, listsOf } from "../../core/keys";
import { sessionIdentity } from "../../core/session/sessionKind";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { CreateCartVariables } from "../../core/carts/myCarts";

export type UseCreateCartOptions = Omit<
  UseMutationOptions<CartResponse, ElasticPathError, CreateCartVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseCreateCartResult = UseMutationResult<
  CartResponse,
  ElasticPathError,
  CreateCartVariables
>;

/**
 * Starts a new named cart for the signed-in shopper (customer or account member):
 * `POST /v2/carts` with their token, so the cart is already theirs and no association
 * request follows. It goes first on the shopper's cached lists as soon as Elastic Path
 * answers, which are then reconciled with the server; with `makeCurrent` it becomes the
 * current cart.
 *
 * - Bad input (an empty name, more than 255 characters) and a signed-out shopper are
 *   refused with an `ElasticPathError` before any request.
 * - Creation is not idempotent: a 429 is retried (after `Retry-After`), but a network
 *   failure or 5xx is not, since the cart may have been created; the error says so and the
 *   lists are read again. A 401 signs the shopper out.
 * - If the session ends while the request is in the air, nothing is written into the cache
 *   and the cart is not made current.
 *
 * @example
 * ```tsx
 * function NewCartForm() {
 *   const create = useCreateCart();
 *   return (
 *     <form
 *       onSubmit={(event) => {
 *         event.preventDefault();
 *         const name = new FormData(event.currentTarget).get("name");
 *         create.mutate({ name: String(name), makeCurrent: true });
 *       }}
 *     >
 *       <input name="name" aria-label="Cart name" required maxLength={255} />
 *       <button disabled={create.isPending}>Start a cart</button>
 *       {create.error && <p role="alert">{create.error.message}</p>}
 *     </form>
 *   );
 * }
 * ```
 */
export function useCreateCart(options: UseCreateCartOptions = {}): UseCreateCartResult {
  return useShopperCartMutation("useCreateCart", (scope) => ({
    retry: retryRateLimitedOnly,
    retryDelay: retryDelayFor,
    ...options,
    mutationFn: (variables) => createCart(scope, callOf(variables), variables),
    onSuccess: async (cart, variables, ...rest) => {
      const { store, queryClient, ledger } = scope;
      const { shopper } = callOf(variables);
      if (shopper && cart.id && store.isShopper(shopper)) {
        queryClient.setQueryData<CartContents>(cartKeys.cart(cart.id), { cart, items: [] });
        addCartToLists(queryClient, listsOf(shopper), cart);
        if (variables.makeCurrent === true && store.isCurrent(shopper)) {
          // Already the shopper's: the automatic association must not send it again.
          ledger.add(sessionIdentity(shopper), cart.id);
          store.setCartId(cart.id);
        }
      }
      await options.onSuccess?.(cart, variables, ...rest);
    },
    onSettled: async (cart, error, variables, ...rest) => {
      const { shopper } = callOf(variables);
      // Reconciled when a cart was, or may have been, created; a refusal changed nothing.
      if ((cart || outcomeUnknown(error)) && scope.store.isShopper(shopper)) {
        await scope.queryClient.invalidateQueries({ queryKey: listsOf(shopper!) });
      }
      await options.onSettled?.(cart, error, variables, ...rest);
    },
  }));
}
