import type { UseMutationOptions } from "@tanstack/react-query";
import { useEffect } from "react";
import { ElasticPathError } from "../../core/errors/ElasticPathError";
import { loginMutationKey } from "../../core/keys";
import { callOf } from "../../core/session/call";
import type { AnySession, ShopperKind, ShopperLogin } from "../../core/session/sessionKind";
import { useElasticPathContext, useSessionState } from "./context";
import {
  useMutationWithoutSecrets,
  type MutationResultWithoutSecrets,
} from "./useMutationWithoutSecrets";

type SignedIn = Extract<AnySession, { status: "signed-in" }>;

/**
 * What both login hooks share: one request, never retried (a wrong password stays wrong, and
 * a login must not be sent twice); on success the session of `kind` starts, ending any other
 * shopper's. TanStack keeps only `withoutSecrets(variables)` — never a password — and once
 * the session is over, the hook forgets its result, as the mutation cache does. Each login
 * takes a ticket as the shopper asks (in its call, beside the variables), once whatever its
 * retries: it starts a session only if it is still the shopper's latest wish.
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
      mutationFn: async (variables: Variables, kept: Kept) => {
        const { ticket } = callOf(kept);
        // A retry (when the app asks for them) after a logout sends nothing.
        if (!store.isLatestWish(ticket)) throw overridden();
        const session = await request(client, variables);
        // The shopper may have logged out, or in again, while this was in the air.
        if (!store.signIn(kind, session, ticket)) throw overridden();
        return session;
      },
    },
    withoutSecrets,
    store,
    true,
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

const overridden = () =>
  new ElasticPathError(
    "This login started no session: the shopper logged out, switched accounts or logged in again before Elastic Path answered.",
  );
