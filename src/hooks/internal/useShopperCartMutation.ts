import {
  useMutation,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useCallback } from "react";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { useElasticPathContext, useSessionState } from "./context";
import type { Scope } from "../../core/carts/scope";
import { byHandKey } from "../../core/keys";
import { useResetWithTheShopper } from "./useResetWithTheShopper";
import { startCall } from "../../core/carts/shopperCall";

/**
 * `useMutation` for the signed-in shopper's carts (create, rename, delete): each `mutate`
 * starts a call tied to the shopper signed in at that moment (see `startCall`), which its
 * request, retries and cache work read back with `callOf(variables)`.
 */
export function useShopperCartMutation<Data, Variables, Context>(
  hookName: string,
  options: (scope: Scope) => UseMutationOptions<Data, ElasticPathError, Variables, Context>,
): UseMutationResult<Data, ElasticPathError, Variables, Context> {
  const scope = useElasticPathContext(hookName);
  const { store } = scope;
  const shopper = useSessionState(store, (snapshot) => snapshot.shopper);
  const mutation = useMutation({
    ...options(scope),
    // Under the shopper's key, so that it leaves the cache with their session.
    mutationKey: byHandKey(shopper?.kind ?? "customer", shopper, hookName),
  });
  useResetWithTheShopper(store, mutation.reset);
  const { mutateAsync } = mutation;
  const start = useCallback(
    (variables: Variables, callbacks?: MutateOptions<Data, ElasticPathError, Variables, Context>) =>
      mutateAsync(startCall(store, variables), callbacks),
    [mutateAsync, store],
  );
  return {
    ...mutation,
    // As TanStack's own `mutate`: the same call, its rejection left to `error` and callbacks.
    mutate: useCallback(
      (
        variables: Variables,
        callbacks?: MutateOptions<Data, ElasticPathError, Variables, Context>,
      ) => void start(variables, callbacks).catch(() => {}),
      [start],
    ),
    mutateAsync: start,
  } as UseMutationResult<Data, ElasticPathError, Variables, Context>;
}
