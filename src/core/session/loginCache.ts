import type { QueryClient } from "@tanstack/react-query";
import { loginMutationKey } from "../keys";
import type { SessionStore } from "./sessionStore";

/**
 * Keeps only the current session's login in the mutation cache: a login's data is its
 * session, token included, and must not outlive it (logout, expiry, a 401, another login,
 * an account switch). A login's answer may also land after another login or a logout, so
 * this runs when a login succeeds as well as when the shopper changes. Returns the stop.
 */
export function forgetEndedLogins(queryClient: QueryClient, store: SessionStore): () => void {
  const mutationCache = queryClient.getMutationCache();
  const dropEndedLogins = () => {
    const token = store.latest().shopper?.token;
    mutationCache
      .findAll({
        mutationKey: loginMutationKey,
        status: "success",
        predicate: (mutation) => (mutation.state.data as { token?: string }).token !== token,
      })
      .forEach((mutation) => mutationCache.remove(mutation));
  };
  dropEndedLogins();
  const stopCache = mutationCache.subscribe((event) => {
    if (event.type === "updated" && event.action.type === "success") dropEndedLogins();
  });
  const stopStore = store.onShopperChange(dropEndedLogins);
  return () => {
    stopCache();
    stopStore();
  };
}
