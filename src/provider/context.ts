import type { Client } from "@epcc-sdk/sdks-shopper";
import { createContext, useContext, useSyncExternalStore } from "react";
import { ElasticPathError } from "../errors/ElasticPathError";
import type { AssociationLedger } from "../carts/associationLedger";
import type { GuestCartOnLogin } from "../carts/guestCartMerge";
import type { SessionSnapshot, SessionStore, SessionView } from "../session/sessionStore";

/** What the provider shares with the package's hooks. Internal: users reach it through hooks. */
export interface ElasticPathContextValue {
  client: Client;
  /** The shopper's session and the current cart id. */
  store: SessionStore;
  /** The session props as the provider rendered them, for the hooks' renders. */
  view: SessionView;
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

/**
 * One piece of the session store, re-rendering only when that piece changes. It reads the
 * props of the provider's render it is part of, so a render React throws away leaves nothing
 * behind; under no provider (the guard hook has thrown already), the store's committed ones.
 */
export function useSessionState<Selected>(
  store: SessionStore,
  select: (snapshot: SessionSnapshot) => Selected,
): Selected {
  const view = useContext(ElasticPathContext)?.view;
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getSnapshot(view)),
    () => select(store.getServerSnapshot(view)),
  );
}
