import type { UseMutationOptions } from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { useElasticPathContext, useSessionState } from "./context";
import {
  useMutationWithoutSecrets,
  type MutationResultWithoutSecrets,
} from "./useMutationWithoutSecrets";
import {
  checkAssociationVariables,
  disassociateCart,
  ownerIdOf,
  tokenFor,
  withoutToken,
  type DisassociationResult,
  type OwnerKeptVariables,
  type OwnerVariables,
} from "../../core/carts/associateCart";
import { removeCartFromLists } from "../../core/carts/cartListEdits";
import { callOf } from "../../core/session/call";
import { editOptimistically, restore, type ListSnapshot } from "../../core/carts/optimisticEdit";
import type { ShopperKind, ShopperKindDescriptor } from "../../core/session/sessionKind";
import { cartKeys } from "../../core/keys";
import { byHandKey } from "../../core/keys";
import { useResetWithTheShopper } from "./useResetWithTheShopper";

export type CartDisassociationOptions<Result, Variables> = Omit<
  UseMutationOptions<Result, ElasticPathError, Variables, ListSnapshot>,
  "mutationFn" | "mutationKey" | "onMutate"
>;

/**
 * What both disassociation hooks share (customer and account): the cart leaves the owner's
 * cached lists at once; on failure they are put back, and either way they are then
 * reconciled with the server.
 */
export function useCartDisassociation<Kind extends ShopperKind>(
  hookName: string,
  owner: ShopperKindDescriptor<Kind>,
  options: CartDisassociationOptions<DisassociationResult<Kind>, OwnerKeptVariables<Kind>>,
): MutationResultWithoutSecrets<
  DisassociationResult<Kind>,
  OwnerVariables<Kind>,
  OwnerKeptVariables<Kind>,
  ListSnapshot
> {
  type Kept = OwnerKeptVariables<Kind>;
  const { client, queryClient, store } = useElasticPathContext(hookName);
  const shopperNow = useSessionState(store, (snapshot) => snapshot.shopper);
  const listsOf = (variables: object) => cartKeys.owner(owner.kind, ownerIdOf(owner, variables));
  const mutation = useMutationWithoutSecrets<
    DisassociationResult<Kind>,
    OwnerVariables<Kind>,
    Kept,
    ListSnapshot
  >(
    {
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...options,
      mutationKey: byHandKey(owner.kind, shopperNow, "disassociate"),
      mutationFn: (variables) => {
        const checked = checkAssociationVariables(owner, variables);
        const token = tokenFor(owner, checked, store.latest().shopper);
        return store.signOutOn401(token, disassociateCart(client, owner, checked, token));
      },
      onMutate: (variables) => {
        // Checked as given, token included, before the lists change.
        const { cartId } = checkAssociationVariables(owner, callOf(variables).given);
        const queryKey = listsOf(variables);
        return editOptimistically(queryClient, [{ queryKey }], () =>
          removeCartFromLists(queryClient, queryKey, cartId),
        );
      },
      onError: async (error, variables, snapshot, ...rest) => {
        // Put the lists back, unless the owner is no longer the shopper: then they are gone for
        // good. No snapshot: the variables were refused (they may be anything, `null` included).
        if (snapshot && store.isShopper({ kind: owner.kind, id: ownerIdOf(owner, variables) })) {
          restore(queryClient, snapshot);
        }
        await options.onError?.(error, variables, snapshot, ...rest);
      },
      onSettled: async (result, error, variables, snapshot, ...rest) => {
        // Refused variables changed nothing: nothing to reconcile, no request.
        if (snapshot !== undefined) {
          await queryClient.invalidateQueries({ queryKey: listsOf(variables) });
        }
        await options.onSettled?.(result, error, variables, snapshot, ...rest);
      },
    },
    // A token given by hand travels beside the variables, never in what TanStack keeps.
    withoutToken as (variables: OwnerVariables<Kind>) => Kept,
    store,
  );
  useResetWithTheShopper(store, mutation.reset);
  return mutation;
}
