"use client";
import { createACart, type CartResponse } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { ElasticPathError, invalidInput } from "../../core/errors/ElasticPathError";
import { answerOf } from "../../core/errors/fromResponse";
import { MAX_RETRIES, retryDelayFor } from "../../core/errors/retryPolicy";
import { requireObject, requireText } from "../../core/errors/validate";
import { sessionIdentity } from "../../core/session/sessionKind";
import { cartKeys } from "../../core/keys";
import { addCartToLists } from "../../core/carts/cartListEdits";
import {
  callOf,
  isStillShopper,
  listsOf,
  shopperFor,
  tokenHeaders,
  type CallWording,
} from "../../core/carts/shopperCall";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export interface CreateCartVariables {
  /** 1 to 255 characters, not only whitespace (Elastic Path's rule for cart names). */
  name: string;
  description?: string;
  /** Make the new cart the current cart (`useCartId`) once it is created. */
  makeCurrent?: boolean;
}

export type UseCreateCartOptions = Omit<
  UseMutationOptions<CartResponse, ElasticPathError, CreateCartVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseCreateCartResult = UseMutationResult<
  CartResponse,
  ElasticPathError,
  CreateCartVariables
>;

/** Elastic Path's limit for cart names (Carts API, `CartsRequest.data.name`). */
const MAX_CART_NAME_LENGTH = 255;

const WORDING: CallWording = { action: "Creating a cart", outcome: "the cart was created" };

function checkCreation(variables: unknown): { name: string; description?: string } {
  const { name, description, makeCurrent } = requireObject("variables", variables);
  if (description !== undefined && typeof description !== "string") {
    throw invalidInput("description must be a string.");
  }
  if (makeCurrent !== undefined && typeof makeCurrent !== "boolean") {
    throw invalidInput("makeCurrent must be true or false.");
  }
  return { name: requireText("name", name, MAX_CART_NAME_LENGTH), description };
}

/**
 * Network failures and 5xx: Elastic Path may have created the cart before the answer was
 * lost. Creation is not idempotent, so such a call is not sent again.
 */
const outcomeUnknown = (error: unknown): boolean =>
  error instanceof ElasticPathError && error.retryable && error.status !== 429;

/** Sent again only after a 429, which proves the cart was not created. */
function retryRateLimitedOnly(failureCount: number, error: unknown): boolean {
  return error instanceof ElasticPathError && error.status === 429 && failureCount < MAX_RETRIES;
}

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
  return useShopperCartMutation("useCreateCart", ({ client, store, ledger, queryClient }) => ({
    retry: retryRateLimitedOnly,
    retryDelay: retryDelayFor,
    ...options,
    mutationFn: async (variables) => {
      const { name, description } = checkCreation(variables);
      const shopper = shopperFor(callOf(variables), store, WORDING);
      try {
        const { data } = await answerOf(
          "Creating the cart",
          createACart({
            client,
            body: { data: description === undefined ? { name } : { name, description } },
            headers: tokenHeaders(shopper),
          }),
        );
        return data!.data;
      } catch (error) {
        store.signOutOnUnauthorized(error, shopper.token);
        if (!outcomeUnknown(error)) throw error;
        const failure = error as ElasticPathError;
        throw new ElasticPathError(
          `${failure.message} The cart may have been created all the same, so it was not sent again.`,
          { status: failure.status, errors: failure.errors, retryable: true, cause: failure },
        );
      }
    },
    onSuccess: async (cart, variables, ...rest) => {
      const { shopper } = callOf(variables);
      if (shopper && cart.id && isStillShopper(store, shopper)) {
        queryClient.setQueryData(cartKeys.cart(cart.id), cart);
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
      if ((cart || outcomeUnknown(error)) && shopper && isStillShopper(store, shopper)) {
        await queryClient.invalidateQueries({ queryKey: listsOf(shopper) });
      }
      await options.onSettled?.(cart, error, variables, ...rest);
    },
  }));
}
