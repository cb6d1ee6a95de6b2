import {
  useMutation,
  type MutateOptions,
  type MutationFunctionContext,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useCallback } from "react";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { callOf, startCall } from "../../core/session/call";
import type { SessionStore } from "../../core/session/sessionStore";

/** `Omit` member by member, so the result stays a union that `status` narrows. */
type OmitEach<Union, Keys extends PropertyKey> = Union extends unknown ? Omit<Union, Keys> : never;

/** TanStack's mutation result, whose `mutate` takes the secrets that its `variables` never hold. */
export type MutationResultWithoutSecrets<Data, Variables, Kept, Context = unknown> = OmitEach<
  UseMutationResult<Data, ElasticPathError, Kept, Context>,
  "mutate" | "mutateAsync"
> & {
  mutate: (
    variables: Variables,
    options?: MutateOptions<Data, ElasticPathError, Kept, Context>,
  ) => void;
  mutateAsync: (
    variables: Variables,
    options?: MutateOptions<Data, ElasticPathError, Kept, Context>,
  ) => Promise<Data>;
};

/**
 * `useMutation` for variables that hold a secret (a password, a token) or that a call must
 * remember its shopper by: `mutate` hands TanStack `withoutSecrets(variables)`, a new object
 * without them, and the call — the variables as given, the shopper signed in now — travels
 * beside it in the package's one side channel (`callOf`), which nothing serialises; the
 * secrets are forgotten when the call settles. The mutation function gets both. A `login`
 * call also takes its ticket there as the shopper asks (`store.startLogin`).
 */
export function useMutationWithoutSecrets<Data, Variables, Kept, Context = unknown>(
  options: Omit<UseMutationOptions<Data, ElasticPathError, Kept, Context>, "mutationFn"> & {
    mutationFn: (
      variables: Variables,
      kept: Kept,
      context: MutationFunctionContext,
    ) => Promise<Data>;
  },
  withoutSecrets: (variables: Variables) => Kept,
  store: SessionStore,
  login?: boolean,
): MutationResultWithoutSecrets<Data, Variables, Kept, Context> {
  const { mutationFn, onSettled } = options;
  const mutation = useMutation<Data, ElasticPathError, Kept, Context>({
    ...options,
    mutationFn: (kept, context) => mutationFn(callOf(kept).given as Variables, kept, context),
    onSettled: (data, error, kept, ...rest) => {
      // The secrets are forgotten: the variables as given are now what TanStack keeps.
      callOf(kept).given = kept;
      return onSettled?.(data, error, kept, ...rest);
    },
  });
  const { mutateAsync } = mutation;
  const mutateWithoutSecrets = useCallback(
    (variables: Variables, callbacks?: MutateOptions<Data, ElasticPathError, Kept, Context>) =>
      mutateAsync(
        startCall(
          withoutSecrets(variables),
          variables,
          store.latest().shopper,
          login ? store.startLogin() : undefined,
        ),
        callbacks,
      ),
    [mutateAsync, withoutSecrets, store, login],
  );
  return {
    ...mutation,
    // As TanStack's own `mutate`: the same call, its rejection left to `error` and callbacks.
    mutate: useCallback(
      (variables, callbacks) => void mutateWithoutSecrets(variables, callbacks).catch(() => {}),
      [mutateWithoutSecrets],
    ),
    mutateAsync: mutateWithoutSecrets,
  };
}
