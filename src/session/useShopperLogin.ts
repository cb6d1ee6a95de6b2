import type { Client } from "@epcc-sdk/sdks-shopper";
import {
  useMutation,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useEffect } from "react";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { useElasticPathContext, useSessionState } from "../provider/context";
import { loginMutationKey } from "./loginCache";
import type { AnySession, ShopperKind } from "./sessionKind";

type SignedIn = Extract<AnySession, { status: "signed-in" }>;

/**
 * What both login hooks share: one request, never retried (a wrong password stays wrong, and
 * a login must not be sent twice); on success the session of `kind` starts, ending any other
 * shopper's. Once that session is over, the hook forgets its result, as the mutation cache does.
 */
export function useShopperLogin<Session extends SignedIn, Variables>(
  hookName: string,
  kind: ShopperKind,
  logIn: (client: Client, variables: Variables) => Promise<Session>,
  options: Omit<
    UseMutationOptions<Session, ElasticPathError, Variables>,
    "mutationFn" | "mutationKey"
  >,
): UseMutationResult<Session, ElasticPathError, Variables> {
  const { client, store } = useElasticPathContext(hookName);
  const login = useMutation({
    retry: false,
    ...options,
    mutationKey: [...loginMutationKey, kind],
    mutationFn: (variables) => logIn(client, variables),
    onSuccess: (session, ...rest) => {
      store.signIn(kind, session);
      return options.onSuccess?.(session, ...rest);
    },
  });
  const currentToken = useSessionState(store, (snapshot) => snapshot.shopper?.token);
  const { data, reset } = login;
  useEffect(() => {
    if (data !== undefined && data.token !== currentToken) reset();
  }, [data, currentToken, reset]);
  return login;
}
