import { createContext, useContext, useSyncExternalStore } from "react";
import type { Scope } from "../../core/carts/scope";
import { ElasticPathError } from "../../core/errors/ElasticPathError";
import type { SessionSnapshot, SessionStore, SessionView } from "../../core/session/sessionStore";

/**
 * What the provider shares with the package's hooks: the engine's scope, and the session
 * props as the provider rendered them (its hooks' renders read those, not the store's
 * committed ones). Internal: users reach it through hooks.
 */
export interface ElasticPathContextValue extends Scope {
  view: SessionView;
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
