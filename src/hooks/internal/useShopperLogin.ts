import type { UseMutationOptions } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { useElasticPathContext, useSessionState } from "./context";
import { loginMutationKey } from "../../core/keys";
import type { AnySession, ShopperKind, ShopperLogin } from "../../core/session/sessionKind";
import {
  useMutationWithoutSecrets,
  type MutationResultWithoutSecrets,
} from "./useMutationWithoutSecrets";

type SignedIn = Extract<AnySession, { status: "signed-in" }>;

/**
 * What both login hooks share: one request, never retried (a wrong password stays wrong, and
 * a login must not be sent twice); on success the session of `kind` starts, ending any other
 * shopper's. TanStack keeps only `withoutSecrets(variables)` — never a password — and once
 * the session is over, the hook forgets its result, as the mutation cache does.
 */
export function useShopperLogin<Session extends SignedIn, Variables, Kept>(
  hookName: string,
  { kind, request, withoutSecrets }: ShopperLogin<ShopperKind, Session, Variables, Kept>,
  options: Omit<UseMutationOptions<Session, ElasticPathError, Kept>, "mutationFn" | "mutationKey">,
): MutationResultWithoutSecrets<Session, Variables, Kept> {
  const { client, store } = useElasticPathContext(hookName);
  const login = useMutationWithoutSecrets(
    {
      retry: false,
      ...options,
      mutationKey: [...loginMutationKey, kind],
      mutationFn: (variables: Variables) => request(client, variables),
      onSuccess: (session, ...rest) => {
        store.signIn(kind, session);
        return options.onSuccess?.(session, ...rest);
      },
    },
    withoutSecrets,
    store,
  );
  const currentToken = useSessionState(store, (snapshot) => snapshot.shopper?.token);
  const { data, reset } = login;
  useEffect(() => {
    // The latest session, written ones included: a controlling app may pass the new
    // session down only later, and its login must not be forgotten meanwhile.
    if (data !== undefined && data.token !== store.latest().shopper?.token) reset();
  }, [data, currentToken, reset, store]);
  return login;
}
