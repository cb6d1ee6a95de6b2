import type { CartCollectionResponse, CartResponse } from "@epcc-sdk/sdks-shopper";
import type { InfiniteData, Query, QueryClient } from "@tanstack/react-query";
import { cartQueries } from "./cartQueries";

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
  customerId: string,
  cartId: string,
): Promise<void> {
  const queryKey = cartQueries.customerKey(customerId);
  await queryClient.refetchQueries({ queryKey, fetchStatus: "fetching" }, { cancelRefetch: false });

  const knownCart = queryClient.getQueryData<CartResponse>(cartQueries.cartKey(cartId));
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

/** Takes a cart off every cached list of the customer (optimistic disassociation). */
export function removeCartFromLists(queryClient: QueryClient, customerId: string, cartId: string) {
  queryClient.setQueriesData<CartListData>(
    { queryKey: cartQueries.customerKey(customerId) },
    (data) => data && mapPages(data, (page) => withoutCart(page, cartId)),
  );
}
