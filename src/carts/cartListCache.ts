import type { CartCollectionResponse, CartResponse } from "@epcc-sdk/sdks-shopper";
import type { InfiniteData, Query, QueryClient, QueryKey } from "@tanstack/react-query";
import type { Shopper } from "../session/sessionKind";
import type { AssociationCoordinator } from "./associationCoordinator";
import { cartKeys } from "./cartOwner";

type CartListData = CartCollectionResponse | InfiniteData<CartCollectionResponse, number>;

function pagesOf(data: CartListData): CartCollectionResponse[] {
  return "pages" in data ? data.pages : [data];
}

function listsCart(data: CartListData | undefined, cartId: string): boolean {
  return data !== undefined && pagesOf(data).some((page) => page.data.some((c) => c.id === cartId));
}

/** Whether a list starts at the top, where a newly associated (newest) cart belongs. */
function isFirstPage(query: Query): boolean {
  const params = query.queryKey[5] as { offset?: number } | undefined;
  return query.queryKey[4] === "infinite" || !params?.offset;
}

function withCart(page: CartCollectionResponse, cart: CartResponse): CartCollectionResponse {
  const total = (page.meta?.results?.total ?? page.data.length) + 1;
  return {
    ...page,
    data: [cart, ...page.data],
    meta: page.meta && { ...page.meta, results: { ...page.meta.results, total } },
  };
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

function mapPages(
  data: CartListData,
  map: (page: CartCollectionResponse, index: number) => CartCollectionResponse,
): CartListData {
  return "pages" in data ? { ...data, pages: data.pages.map(map) } : map(data, 0);
}

/**
 * After a 200 association: make the customer's cached lists show the cart, as fast as what
 * is known allows (public-api.md: pending until the lists reflect it).
 * - A list fetch already in the air may have seen the association: wait for it, don't cancel it.
 * - A list that already shows the cart is left alone: no request.
 * - If the cart itself is cached (a cart badge loaded it), it is put at the top of the first
 *   page at once and the list is reconciled with the server in the background.
 * - Otherwise the list is refetched, and the mutation waits for it.
 */
export async function reflectAssociation(
  queryClient: QueryClient,
  queryKey: QueryKey,
  cartId: string,
): Promise<void> {
  await queryClient.refetchQueries({ queryKey, fetchStatus: "fetching" }, { cancelRefetch: false });

  const knownCart = queryClient.getQueryData<CartResponse>(cartKeys.cart(cartId));
  const stale: Query[] = [];
  for (const query of queryClient.getQueryCache().findAll({ queryKey })) {
    const data = query.state.data as CartListData | undefined;
    if (listsCart(data, cartId)) continue;
    if (data !== undefined && knownCart && isFirstPage(query)) {
      queryClient.setQueryData<CartListData>(
        query.queryKey,
        (current) =>
          current &&
          mapPages(current, (page, index) => (index === 0 ? withCart(page, knownCart) : page)),
      );
      // Reconcile in the background: order and totals come from the server.
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    stale.push(query);
  }
  await Promise.all(
    stale.map((query) => queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true })),
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
    coordinator.endSession(queryClient, previous);
  };
}
