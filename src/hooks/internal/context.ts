import { createContext, useContext, useSyncExternalStore } from "react";
import type { Scope } from "../../core/carts/scope";
import { ElasticPathError } from "../../core/errors/ElasticPathError";
import type { SessionSnapshot, SessionStore } from "../../core/session/sessionStore";

/** What the provider shares with the package's hooks: the engine's scope. Internal: users reach it through hooks. */
export const ElasticPathContext = createContext<Scope | undefined>(undefined);

/** The provider's value; throws a sentence naming the provider when there is none. */
export function useElasticPathContext(hookName: string): Scope {
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
