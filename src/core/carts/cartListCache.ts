import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import type { InfiniteData, Query, QueryClient, QueryKey } from "@tanstack/react-query";
import type { Shopper } from "../session/sessionKind";
import type { AssociationCoordinator } from "./associationCoordinator";
import type { AssociationLedger } from "./associationLedger";
import { cartKeys } from "./cartOwner";
import { forgetMutationsOf } from "./forgottenWithTheShopper";
import { pagesWithAssociatedCart } from "./pendingAssociations";

export type CartListData = CartCollectionResponse | InfiniteData<CartCollectionResponse, number>;

/** A list's pages: one for a paged list, all loaded ones for an infinite list. */
export function pagesOf(data: CartListData): CartCollectionResponse[] {
  return "pages" in data ? data.pages : [data];
}

function listsCart(data: CartListData | undefined, cartId: string): boolean {
  return data !== undefined && pagesOf(data).some((page) => page.data.some((c) => c.id === cartId));
}

function withoutCart(page: CartCollectionResponse, cartId: string): CartCollectionResponse {
  const data = page.data.filter((cart) => cart.id !== cartId);
  if (data.length === page.data.length) return page;
  const total = Math.max((page.meta?.results?.total ?? data.length + 1) - 1, 0);
  return {
    ...page,
    data,
    meta: page.meta && { ...page.meta, results: { ...page.meta.results, total } },
  };
}

export function mapPages(
  data: CartListData,
  map: (page: CartCollectionResponse, index: number) => CartCollectionResponse,
): CartListData {
  return "pages" in data ? { ...data, pages: data.pages.map(map) } : map(data, 0);
}

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

/** Takes a cart off every cached list under `queryKey` (optimistic disassociation). */
export function removeCartFromLists(queryClient: QueryClient, queryKey: QueryKey, cartId: string) {
  queryClient.setQueriesData<CartListData>(
    { queryKey },
    (data) => data && mapPages(data, (page) => withoutCart(page, cartId)),
  );
}

/**
 * What the carts domain does when the shopper changes: nothing cached for a shopper whose
 * session ended can be read afterwards, nor written by a late answer; a shopper who logged in
 * again has their lists (perhaps loaded, or refused, with the old token) loaded anew.
 */
export function forgetCartsOfEndedSessions(
  queryClient: QueryClient,
  coordinator: AssociationCoordinator,
  ledger: AssociationLedger,
) {
  return (previous: Shopper | undefined, current: Shopper | undefined): void => {
    if (!previous) return;
    const queryKey = cartKeys.owner(previous.kind, previous.id);
    if (current?.kind === previous.kind && current.id === previous.id) {
      // Cancel first: invalidateQueries leaves a first load (no data yet) running.
      void queryClient
        .cancelQueries({ queryKey })
        .then(() => queryClient.invalidateQueries({ queryKey }));
      return;
    }
    void queryClient.cancelQueries({ queryKey });
    queryClient.removeQueries({ queryKey });
    forgetMutationsOf(queryClient, previous);
    coordinator.forget(queryClient, previous, ledger, current === undefined);
  };
}
