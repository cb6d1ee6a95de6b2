import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { Scope } from "../../core/carts/scope";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { byHandKey } from "../../core/keys";
import { useElasticPathContext, useSessionState } from "./context";
import { useMutationWithoutSecrets } from "./useMutationWithoutSecrets";
import { useResetWithTheShopper } from "./useResetWithTheShopper";

/** A copy: two calls with the same object are two calls. Anything but a plain object is left to the checks. */
const copy = <Variables>(variables: Variables): Variables =>
  typeof variables === "object" && variables !== null && !Array.isArray(variables)
    ? { ...variables }
    : variables;

/** For a `mutate()` that takes nothing (`useClearCart`): an object of its own, which the call travels beside. */
const newObject = <Variables>(): Variables => ({}) as Variables;

/**
 * `useMutation` for the shopper's carts (create, rename, delete, merge; a cart's items, for
 * guests too, all under the key `keyName` so `useCart` can tell they are in flight): each
 * `mutate` starts a call tied to the shopper signed in at that moment, which its request,
 * retries and cache work read back with `callOf(variables)` (see `useMutationWithoutSecrets`).
 */
export function useShopperCartMutation<Data, Variables, Context>(
  hookName: string,
  options: (scope: Scope) => UseMutationOptions<Data, ElasticPathError, Variables, Context>,
  keyName = hookName,
  takesNoVariables = false,
): UseMutationResult<Data, ElasticPathError, Variables, Context> {
  const scope = useElasticPathContext(hookName);
  const { store } = scope;
  const shopper = useSessionState(store, (snapshot) => snapshot.shopper);
  const { mutationFn, ...rest } = options(scope);
  const mutation = useMutationWithoutSecrets<Data, Variables, Variables, Context>(
    {
      ...rest,
      // Under the shopper's key, so that it leaves the cache with their session.
      mutationKey: byHandKey(shopper?.kind ?? "customer", shopper, keyName),
      // The copy TanStack keeps is the one the call travels beside.
      mutationFn: (_given, kept, context) => mutationFn!(kept, context),
    },
    takesNoVariables ? newObject : copy,
    store,
  );
  useResetWithTheShopper(store, mutation.reset);
  return mutation as UseMutationResult<Data, ElasticPathError, Variables, Context>;
}
