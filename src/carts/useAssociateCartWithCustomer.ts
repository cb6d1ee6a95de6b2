"use client";
import {
  useMutation,
  useMutationState,
  useQueryClient,
  type MutationState,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { ElasticPathError } from "../errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { useElasticPathContext, type ElasticPathContextValue } from "../provider/context";
import type { AssociateCartResult, AssociateCartVariables } from "./associateCart";
import type { AssociationMutationOptions } from "./associationCoordinator";
import { associationKeys } from "./associationKeys";
import { reflectAssociation } from "./cartListCache";

export type UseAssociateCartWithCustomerOptions = {
  /**
   * Associate the current cart with the customer by itself whenever both are known (login
   * with a guest cart, or a cart created while signed in). Default `true`.
   */
  associateOnLogin?: boolean;
} & Omit<
  UseMutationOptions<AssociateCartResult, ElasticPathError, AssociateCartVariables>,
  "mutationFn" | "mutationKey"
>;

export type UseAssociateCartWithCustomerResult = UseMutationResult<
  AssociateCartResult,
  ElasticPathError,
  AssociateCartVariables
>;

/** The hook's own work after a 200: the customer's lists show the cart before the mutation settles. */
function reflectIfCurrent(
  context: ElasticPathContextValue,
  queryClient: ReturnType<typeof useQueryClient>,
  result: AssociateCartResult,
): Promise<void> | undefined {
  const session = context.currentSession();
  // After a logout, or for another customer, there is no cached list of theirs to update,
  // and an answer arriving late must not write into the next session's cache.
  if (result.status !== "associated") return undefined; // 204: no cache churn
  if (session.status !== "signed-in" || session.customerId !== result.customerId) return undefined;
  return reflectAssociation(queryClient, result.customerId, result.cartId);
}

/**
 * Ties a cart to a customer (`POST /v2/carts/:cartId/relationships/customers`), so the
 * shopper finds it on every device and in "My carts".
 *
 * - By itself on login: with `associateOnLogin` (default), the current cart and the
 *   signed-in customer are associated once per session, whichever came first; every mounted
 *   instance shows that call in its state.
 * - 200 → `{ status: "associated" }`, and the customer's cart lists (only those) are brought
 *   up to date before the mutation settles. 204 → `{ status: "already-associated" }`, a no-op.
 * - Network failures, 429 (honouring `Retry-After`) and 5xx are retried up to 3 times;
 *   400/401/403/422 never. A 401 signs the shopper out.
 *
 * @example
 * ```tsx
 * function SavedCartBanner() {
 *   const { data, error, isPending } = useAssociateCartWithCustomer();
 *   if (isPending) return <p>Saving your cart…</p>;
 *   if (error) return <p role="alert">{error.message}</p>;
 *   if (data?.status === "associated") return <p>Your cart is saved to your account.</p>;
 *   if (data?.status === "already-associated") return <p>This cart was already yours.</p>;
 *   return null;
 * }
 * ```
 */
export function useAssociateCartWithCustomer(
  options: UseAssociateCartWithCustomerOptions = {},
): UseAssociateCartWithCustomerResult {
  const { associateOnLogin = true, ...callerOptions } = options;
  const context = useElasticPathContext("useAssociateCartWithCustomer");
  const queryClient = useQueryClient();
  const { client, associations, session, cartId } = context;

  // A 401 on a request with a customer token means that token is over, and so is its session
  // (if it is still the current one).
  const signOutOnUnauthorized = (error: ElasticPathError, customerToken: string | undefined) => {
    if (error.status === 401 && customerToken !== undefined) {
      context.signOutIfCurrent(customerToken);
    }
  };

  const mutation = useMutation<AssociateCartResult, ElasticPathError, AssociateCartVariables>({
    // Library defaults, then the caller's options, then what must not change.
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
    ...callerOptions,
    mutationFn: (variables) => associations.send(client, variables),
    onSuccess: async (result, ...rest) => {
      await reflectIfCurrent(context, queryClient, result);
      await callerOptions.onSuccess?.(result, ...rest);
    },
    onError: async (error, variables, ...rest) => {
      // Only a request that was sent can get a 401; refused input (even `null`) never was.
      if (error.status === 401) signOutOnUnauthorized(error, variables.customerToken);
      await callerOptions.onError?.(error, variables, ...rest);
    },
  });

  // Every mounted instance hears how the automatic call went, through its own callbacks.
  const callbacks = useEffectEvent(() => ({
    onSuccess: callerOptions.onSuccess,
    onError: callerOptions.onError,
    onSettled: callerOptions.onSettled,
  }));
  useEffect(() => associations.listen(callbacks), [associations]);

  const startAutomatic = useEffectEvent(() => {
    if (session.status !== "signed-in" || cartId === undefined) return;
    const automaticOptions: AssociationMutationOptions = {
      retry: callerOptions.retry ?? retryTransientFailures,
      retryDelay: callerOptions.retryDelay ?? retryDelayFor,
      networkMode: callerOptions.networkMode,
      // The token is read when the request is made, so it is never in the mutation cache; a
      // retry after the session ended must not borrow the next session's token.
      mutationFn: async ({ cartId, customerId }) => {
        const current = context.currentSession();
        if (current.status !== "signed-in" || current.token !== session.token) {
          throw new ElasticPathError("The customer signed out before the cart was associated.");
        }
        const customerToken = current.token;
        try {
          return await associations.send(client, { cartId, customerId, customerToken });
        } catch (error) {
          if (error instanceof ElasticPathError) signOutOnUnauthorized(error, customerToken);
          throw error;
        }
      },
      onSuccess: async (...args) => {
        await reflectIfCurrent(context, queryClient, args[0]);
        await Promise.all(
          associations.listeners().map((listener) => listener.onSuccess?.(...args)),
        );
      },
      onError: async (...args) => {
        await Promise.all(associations.listeners().map((listener) => listener.onError?.(...args)));
      },
      onSettled: async (...args) => {
        await Promise.all(
          associations.listeners().map((listener) => listener.onSettled?.(...args)),
        );
      },
    };
    associations.associateOnce(queryClient, session, cartId, automaticOptions);
  });
  const customerId = session.status === "signed-in" ? session.customerId : undefined;
  // Each session starts its own (the token tells two logins apart, even within one second).
  const sessionToken = session.status === "signed-in" ? session.token : undefined;
  useEffect(() => {
    if (associateOnLogin) startAutomatic();
  }, [associateOnLogin, customerId, sessionToken, cartId]);

  const automatic = useMutationState({
    filters: { mutationKey: associationKeys.automatic(customerId, cartId), exact: true },
    select: (m) =>
      m.state as MutationState<AssociateCartResult, ElasticPathError, AssociateCartVariables>,
  }).at(-1);

  return showAutomatic(mutation, associateOnLogin ? automatic : undefined);
}

/** This instance's own call if it made one since, else the automatic one. */
function showAutomatic(
  own: UseAssociateCartWithCustomerResult,
  automatic:
    MutationState<AssociateCartResult, ElasticPathError, AssociateCartVariables> | undefined,
): UseAssociateCartWithCustomerResult {
  if (!automatic || automatic.status === "idle") return own;
  if (own.status !== "idle" && own.submittedAt >= automatic.submittedAt) return own;
  return {
    ...own,
    ...automatic,
    isIdle: false,
    isPending: automatic.status === "pending",
    isSuccess: automatic.status === "success",
    isError: automatic.status === "error",
  } as UseAssociateCartWithCustomerResult;
}
