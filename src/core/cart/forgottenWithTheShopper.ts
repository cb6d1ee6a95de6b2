import type { Scope } from "../carts/scope";
import { everyCartKey } from "../keys";

const watched = new WeakSet<object>();

/**
 * A cart's contents read or changed with a shopper's token are theirs: when their session
 * ends (logout, expiry, a 401, another shopper), every cart entry leaves the cache, and the
 * next shopper (or the guest) reads theirs with their own token. Started by the cart's own
 * code when first used, so that a storefront without it carries none of it.
 */
export function forgetCartContentsWithTheShopper({ store, queryClient }: Scope): void {
  if (watched.has(store)) return;
  watched.add(store);
  store.onShopperChange((previous, current) => {
    if (!previous || (current?.kind === previous.kind && current.id === previous.id)) return;
    void queryClient.cancelQueries({ queryKey: everyCartKey });
    queryClient.removeQueries({ queryKey: everyCartKey });
  });
}
