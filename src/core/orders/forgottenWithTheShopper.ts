import type { QueryClient } from "@tanstack/react-query";
import { orderKeys } from "../keys";
import type { SessionStore } from "../session/sessionStore";

const watched = new WeakSet<object>();

/**
 * A shopper's orders are theirs alone: when their session ends (logout, expiry, a 401, an
 * account switch, another shopper), every order entry that is not the shopper's now signed
 * in leaves the cache, loads in flight included, so the next shopper never sees them; a new
 * session of the same shopper loads theirs anew, with the new token. Started by the orders'
 * own code when first used, so that a storefront without order hooks carries none of it.
 */
export function forgetOrdersWithTheShopper(store: SessionStore, queryClient: QueryClient): void {
  if (watched.has(store)) return;
  watched.add(store);
  store.onShopperChange((previous, current) => {
    const queryKey = orderKeys.all();
    if (previous && current?.kind === previous.kind && current.id === previous.id) {
      const theirs = orderKeys.owner(current.kind, current.id);
      // Cancel first: invalidateQueries leaves a first load (no data yet) running.
      void queryClient
        .cancelQueries({ queryKey: theirs })
        .then(() => queryClient.invalidateQueries({ queryKey: theirs }));
      return;
    }
    const notCurrent = {
      queryKey,
      predicate: ({ queryKey: [, , kind, id] }: { queryKey: readonly unknown[] }) =>
        kind !== current?.kind || id !== current?.id,
    };
    void queryClient.cancelQueries(notCurrent);
    queryClient.removeQueries(notCurrent);
  });
}
