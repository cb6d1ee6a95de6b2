import type { Client } from "@epcc-sdk/sdks-shopper";
import { createContext, useContext, useSyncExternalStore } from "react";
import { ElasticPathError } from "../../core/errors/ElasticPathError";
import type { AssociationLedger } from "../../core/carts/associationLedger";
import type { GuestCartOnLogin } from "../../core/carts/guestCartMerge";
import type { SessionSnapshot, SessionStore } from "../../core/session/sessionStore";

/** What the provider shares with the package's hooks. Internal: users reach it through hooks. */
export interface ElasticPathContextValue {
  client: Client;
  /** The shopper's session and the current cart id. */
  store: SessionStore;
  /** The (cart, shopper) pairs associated in the session, where the app's storage choice keeps them. */
  ledger: AssociationLedger;
  /** What the automatic call does with a guest cart at login. */
  guestCartOnLogin: GuestCartOnLogin;
}

export const ElasticPathContext = createContext<ElasticPathContextValue | undefined>(undefined);

/** The provider's value; throws a sentence naming the provider when there is none. */
export function useElasticPathContext(hookName: string): ElasticPathContextValue {
  const value = useContext(ElasticPathContext);
  if (value === undefined) {
    throw new ElasticPathError(`${hookName} must be used inside <ElasticPathProvider>.`);
  }
  return value;
}

/** One piece of the session store, re-rendering only when that piece changes. */
export function useSessionState<Selected>(
  store: SessionStore,
  select: (snapshot: SessionSnapshot) => Selected,
): Selected {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getSnapshot()),
    () => select(store.getServerSnapshot()),
  );
}
