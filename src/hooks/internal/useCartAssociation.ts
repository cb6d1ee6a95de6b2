import {
  useMutationState,
  type MutationState,
  type UseMutationOptions,
} from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { useElasticPathContext, useSessionState } from "./context";
import {
  useMutationWithoutSecrets,
  type MutationResultWithoutSecrets,
} from "./useMutationWithoutSecrets";
import {
  withoutToken,
  type OwnerKeptVariables,
  type OwnerVariables,
} from "../../core/carts/associateCart";
import { coordinatorFor, reflectIfCurrent } from "../../core/carts/associationCoordinator";
import type { AutomaticResult } from "../../core/carts/associateCart";
import { associationKeys } from "../../core/keys";
import { byHandKey } from "../../core/keys";
import { useResetWithTheShopper } from "./useResetWithTheShopper";
import type { ShopperKind, ShopperKindDescriptor } from "../../core/session/sessionKind";

export type CartAssociationOptions<Result, Variables> = {
  /**
   * Associate the current cart with the shopper by itself whenever both are known (login
   * with a guest cart, or a cart created while signed in). Default `true`.
   */
  associateOnLogin?: boolean;
} & Omit<UseMutationOptions<Result, ElasticPathError, Variables>, "mutationFn" | "mutationKey">;

/**
 * What both association hooks share (customer and account): a mutation for calls by hand,
 * and the automatic call on login, started once per (cart, shopper) by the coordinator and
 * shown by every mounted instance.
 */
export function useCartAssociation<Kind extends ShopperKind>(
  hookName: string,
  owner: ShopperKindDescriptor<Kind>,
  options: CartAssociationOptions<AutomaticResult<Kind>, OwnerKeptVariables<Kind>>,
): MutationResultWithoutSecrets<
  AutomaticResult<Kind>,
  OwnerVariables<Kind>,
  OwnerKeptVariables<Kind>
> {
  type Result = AutomaticResult<Kind>;
  type Kept = OwnerKeptVariables<Kind>;
  const { associateOnLogin = true, ...callerOptions } = options;
  const scope = useElasticPathContext(hookName);
  const { client, queryClient, store } = scope;
  const associations = coordinatorFor(client);
  const shopperNow = useSessionState(store, (snapshot) => snapshot.shopper);

  const mutation = useMutationWithoutSecrets<Result, OwnerVariables<Kind>, Kept>(
    {
      // Library defaults, then the caller's options, then what must not change.
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...callerOptions,
      mutationKey: byHandKey(owner.kind, shopperNow, "associate"),
      mutationFn: (variables) => associations.send(client, store, owner, variables),
      onSuccess: async (result, ...rest) => {
        await reflectIfCurrent(queryClient, store, owner, result);
        await callerOptions.onSuccess?.(result, ...rest);
      },
    },
    // A token given by hand travels beside the variables, never in what TanStack keeps.
    withoutToken as (variables: OwnerVariables<Kind>) => Kept,
    store,
  );

  useResetWithTheShopper(store, mutation.reset);

  // Every mounted instance hears how the automatic call went, through its own callbacks.
  const callbacks = useEffectEvent(() => callerOptions);
  useEffect(() => associations.listen(owner.kind, callbacks), [associations, owner.kind]);

  const shopper = shopperNow?.kind === owner.kind ? shopperNow : undefined;
  const cartId = useSessionState(store, (snapshot) => snapshot.cartId);
  const startAutomatic = useEffectEvent(() => {
    if (!shopper || cartId === undefined) return;
    const { retry, retryDelay, networkMode } = callerOptions;
    associations.associateOnce(scope, owner, shopper, cartId, { retry, retryDelay, networkMode });
  });
  // Each session starts its own (the token tells two logins apart, even within one second).
  const sessionToken = shopper?.token;
  useEffect(() => {
    if (associateOnLogin) startAutomatic();
  }, [associateOnLogin, sessionToken, cartId]);

  // The automatic call of this cart — or the merge that made it the current cart.
  const automatic = useMutationState({
    filters: {
      mutationKey: associationKeys.owner(owner.kind, shopper?.id),
      predicate: ({ options, state }) =>
        options.mutationKey?.at(-1) === "automatic" &&
        (options.mutationKey.at(-2) === cartId ||
          (state.data as AutomaticResult | undefined)?.cartId === cartId),
    },
    select: (m) => m.state as MutationState<Result, ElasticPathError, Kept>,
  }).at(-1);

  return showAutomatic(mutation, associateOnLogin ? automatic : undefined);
}

/** This instance's own call if it made one since, else the automatic one. */
function showAutomatic<Result, Variables, Kept>(
  own: MutationResultWithoutSecrets<Result, Variables, Kept>,
  automatic: MutationState<Result, ElasticPathError, Kept> | undefined,
): MutationResultWithoutSecrets<Result, Variables, Kept> {
  if (!automatic || automatic.status === "idle") return own;
  if (own.status !== "idle" && own.submittedAt >= automatic.submittedAt) return own;
  return {
    ...own,
    ...automatic,
    isIdle: false,
    isPending: automatic.status === "pending",
    isSuccess: automatic.status === "success",
    isError: automatic.status === "error",
  } as MutationResultWithoutSecrets<Result, Variables, Kept>;
}
