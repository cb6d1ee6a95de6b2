import type { CartCollectionResponse, CartResponse } from "@epcc-sdk/sdks-shopper";
import type { InfiniteData, Query, QueryClient, QueryKey } from "@tanstack/react-query";
import { cartKeys } from "../keys";
import type { CartContents } from "./cartEntry";

/**
 * Every edit of the cached "My carts" lists, paged and infinite alike: what the hooks show at
 * once (a new cart, a rename, a removal) before the server is asked again.
 */

export type CartListData = CartCollectionResponse | InfiniteData<CartCollectionResponse, number>;

/** A list's pages: one for a paged list, all loaded ones for an infinite list. */
export function pagesOf(data: CartListData): CartCollectionResponse[] {
  return "pages" in data ? data.pages : [data];
}

export function listsCart(data: CartListData | undefined, cartId: string | undefined): boolean {
  return data !== undefined && pagesOf(data).some((page) => page.data.some((c) => c.id === cartId));
}

export function withoutCart(page: CartCollectionResponse, cartId: string): CartCollectionResponse {
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

/** Whether a list starts at the top, where a newly associated (newest) cart belongs. */
export function isFirstPage(query: Query): boolean {
  const params = query.queryKey[5] as { offset?: number } | undefined;
  return query.queryKey[4] === "infinite" || !params?.offset;
}

/** The page with `cart` first, one more in its total. */
export function withCart(page: CartCollectionResponse, cart: CartResponse): CartCollectionResponse {
  const total = (page.meta?.results?.total ?? page.data.length) + 1;
  return {
    ...page,
    data: [cart, ...page.data],
    meta: page.meta && { ...page.meta, results: { ...page.meta.results, total } },
  };
}

/**
 * A cart the shopper just made goes first on every loaded list that starts at the top (the
 * newest is listed first); lists further down are left for the reconciling refetch. A list
 * that already shows it (a refetch that got there first) is left alone.
 */
export function addCartToLists(queryClient: QueryClient, queryKey: QueryKey, cart: CartResponse) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey })) {
    const data = query.state.data as CartListData | undefined;
    if (!data || !isFirstPage(query)) continue;
    if (listsCart(data, cart.id)) continue;
    queryClient.setQueryData<CartListData>(
      query.queryKey,
      (current) =>
        current && mapPages(current, (page, index) => (index === 0 ? withCart(page, cart) : page)),
    );
  }
}

/** The cart, wherever a cached list shows it, with `change` applied (a rename at once). */
export function changeCartInLists(
  queryClient: QueryClient,
  queryKey: QueryKey,
  cartId: string,
  change: Partial<CartResponse>,
) {
  queryClient.setQueriesData<CartListData>(
    { queryKey },
    (data) =>
      data &&
      mapPages(data, (page) =>
        page.data.some((cart) => cart.id === cartId)
          ? {
              ...page,
              data: page.data.map((cart) => (cart.id === cartId ? { ...cart, ...change } : cart)),
            }
          : page,
      ),
  );
}

/** Takes a cart off every cached list under `queryKey` (optimistic disassociation). */
export function removeCartFromLists(queryClient: QueryClient, queryKey: QueryKey, cartId: string) {
  queryClient.setQueriesData<CartListData>(
    { queryKey },
    (data) => data && mapPages(data, (page) => withoutCart(page, cartId)),
  );
}

/** A change to one cart (a rename at once, then Elastic Path's answer): in the lists under `queryKey` and in its own entry. */
export function changeCart(
  queryClient: QueryClient,
  queryKey: QueryKey,
  cartId: string,
  change: Partial<CartResponse>,
) {
  changeCartInLists(queryClient, queryKey, cartId, change);
  queryClient.setQueryData<CartContents>(
    cartKeys.cart(cartId),
    (current) => current && { ...current, cart: { ...current.cart, ...change } },
  );
}
