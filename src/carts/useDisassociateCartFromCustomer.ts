"use client";
import {
  useMutation,
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { useElasticPathContext } from "../provider/context";
import {
  checkAssociationVariables,
  disassociateCart,
  type AssociateCartVariables,
} from "./associateCart";
import { removeCartFromLists } from "./cartListCache";
import { cartQueries } from "./cartQueries";

export interface DisassociateCartResult {
  cartId: string;
  customerId: string;
}

/** What the lists held before the optimistic removal, to put back on failure. */
type ListSnapshot = Array<[QueryKey, unknown]>;

export type UseDisassociateCartFromCustomerOptions = Omit<
  UseMutationOptions<
    DisassociateCartResult,
    ElasticPathError,
    AssociateCartVariables,
    ListSnapshot
  >,
  "mutationFn" | "mutationKey" | "onMutate"
>;
export type UseDisassociateCartFromCustomerResult = UseMutationResult<
  DisassociateCartResult,
  ElasticPathError,
  AssociateCartVariables,
  ListSnapshot
>;

/**
 * Takes a cart off a customer (`DELETE /v2/carts/:cartId/relationships/customers`). The cart
 * leaves that customer's cached lists at once; on failure they are put back, and either
 * way they are then reconciled with the server.
 *
 * @example
 * ```tsx
 * const session = useCustomerSession();
 * const remove = useDisassociateCartFromCustomer();
 * if (session.status !== "signed-in") return null;
 * <button
 *   onClick={() =>
 *     remove.mutate({ cartId: cart.id, customerId: session.customerId, customerToken: session.token })
 *   }
 * >
 *   Remove
 * </button>;
 * ```
 */
export function useDisassociateCartFromCustomer(
  options: UseDisassociateCartFromCustomerOptions = {},
): UseDisassociateCartFromCustomerResult {
  const { client, signOutIfCurrent, currentSession } = useElasticPathContext(
    "useDisassociateCartFromCustomer",
  );
  const queryClient = useQueryClient();
  return useMutation({
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
    ...options,
    mutationFn: (variables) => disassociateCart(client, checkAssociationVariables(variables)),
    onMutate: async (variables) => {
      const { cartId, customerId } = checkAssociationVariables(variables);
      const queryKey = cartQueries.customerKey(customerId);
      // A list fetch finishing now would put the cart back on screen.
      await queryClient.cancelQueries({ queryKey });
      const snapshot = queryClient.getQueriesData({ queryKey });
      removeCartFromLists(queryClient, customerId, cartId);
      return snapshot;
    },
    onError: async (error, variables, snapshot, ...rest) => {
      // Put the lists back, unless the customer has signed out meanwhile: then they are gone for
      // good. No snapshot: the variables were refused (they may be anything, `null` included).
      const session = currentSession();
      if (
        snapshot !== undefined &&
        session.status === "signed-in" &&
        session.customerId === variables.customerId
      ) {
        snapshot.forEach(([queryKey, data]) => queryClient.setQueryData(queryKey, data));
      }
      if (error.status === 401 && variables.customerToken !== undefined) {
        signOutIfCurrent(variables.customerToken);
      }
      await options.onError?.(error, variables, snapshot, ...rest);
    },
    onSettled: async (result, error, variables, snapshot, ...rest) => {
      // Refused variables changed nothing: nothing to reconcile, no request.
      if (snapshot !== undefined) {
        await queryClient.invalidateQueries({
          queryKey: cartQueries.customerKey(variables.customerId),
        });
      }
      await options.onSettled?.(result, error, variables, snapshot, ...rest);
    },
  });
}
