import {
  useMutation,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useCallback } from "react";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";

/** The variables as given, for the call whose variables TanStack keeps without their secrets. */
const secrets = new WeakMap<object, unknown>();

/** The variables as the caller gave them, secrets included, for code that runs before the request. */
export const withSecrets = <Variables>(kept: unknown): Variables =>
  // A WeakMap answers `has` for any value (false for a primitive); only `set` needs an object.
  (secrets.has(kept as object) ? secrets.get(kept as object) : kept) as Variables;

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
 * `useMutation` for variables that hold a secret (a password, a token): TanStack keeps a
 * mutation's variables for as long as the mutation lives, where devtools, cache persisters
 * and error reporters read them. So `mutate` hands TanStack `withoutSecrets(variables)`, a
 * copy without them, and the mutation function gets the variables as given from a WeakMap
 * that nothing serialises — until the mutation settles, when they are forgotten.
 */
export function useMutationWithoutSecrets<Data, Variables, Kept, Context = unknown>(
  options: Omit<UseMutationOptions<Data, ElasticPathError, Kept, Context>, "mutationFn"> & {
    mutationFn: (variables: Variables) => Promise<Data>;
  },
  withoutSecrets: (variables: Variables) => Kept,
): MutationResultWithoutSecrets<Data, Variables, Kept, Context> {
  const { mutationFn, onSettled } = options;
  const mutation = useMutation<Data, ElasticPathError, Kept, Context>({
    ...options,
    mutationFn: (kept) => mutationFn(withSecrets<Variables>(kept)),
    onSettled: (data, error, kept, ...rest) => {
      secrets.delete(kept as object);
      return onSettled?.(data, error, kept, ...rest);
    },
  });
  const { mutateAsync } = mutation;
  const mutateWithoutSecrets = useCallback(
    (variables: Variables, callbacks?: MutateOptions<Data, ElasticPathError, Kept, Context>) => {
      const kept = withoutSecrets(variables);
      if (typeof kept === "object" && kept !== null) secrets.set(kept, variables);
      return mutateAsync(kept, callbacks);
    },
    [mutateAsync, withoutSecrets],
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
