import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";
import { listsCart, pagesOf, type CartListData } from "./cartListEdits";
import { pagesWithAssociatedCart } from "./pendingAssociations";

/**
 * Shows a cart that is itself in the cache at the top of a list at once, reconciling in the
 * background; false where it cannot (see cachedCart.ts). Only `cartQueries.cart` caches carts
 * under that key, so it installs this: an app that never uses it carries none of it.
 */
export type CachedCartReflection = (
  queryClient: QueryClient,
  list: Query,
  cartId: string,
) => boolean;
let showCachedCart: CachedCartReflection | undefined;
export function reflectCachedCarts(reflection: CachedCartReflection): void {
  showCachedCart = reflection;
}

/**
 * After a 200 association: make the owner's cached lists show the cart, as fast as what is
 * known allows (the mutation stays pending until the lists reflect it).
 * - A list fetch already in the air may have seen the association: wait for it, don't cancel it.
 * - A list that already shows the cart is left alone: no request. One that put the cart in
 *   itself (cartLists.ts) is marked stale, for its next refetch to bring the server's order.
 * - If the cart itself is cached (a cart badge loaded it with `cartQueries.cart`), it is put
 *   at the top of the first page at once and the list is reconciled in the background.
 * - Otherwise the list is refetched, and the mutation waits for it.
 */
export async function reflectAssociation(
  queryClient: QueryClient,
  queryKey: QueryKey,
  cartId: string,
): Promise<void> {
  await queryClient.refetchQueries({ queryKey, fetchStatus: "fetching" }, { cancelRefetch: false });
  await Promise.all(
    queryClient
      .getQueryCache()
      .findAll({ queryKey })
      .map((query) => {
        const data = query.state.data as CartListData | undefined;
        const list = { queryKey: query.queryKey, exact: true };
        if (data && pagesWithAssociatedCart.has(pagesOf(data)[0]!)) {
          return queryClient.invalidateQueries({ ...list, refetchType: "none" });
        }
        if (listsCart(data, cartId) || showCachedCart?.(queryClient, query, cartId)) return;
        return queryClient.invalidateQueries(list);
      }),
  );
}
