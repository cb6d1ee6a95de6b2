import type { CartCollectionResponse, CartResponse } from "@epcc-sdk/sdks-shopper";
import type { Query, QueryClient } from "@tanstack/react-query";
import { mapPages, type CartListData } from "./cartListCache";
import { cartKeys } from "./cartOwner";

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
 * A newly associated cart that a cart badge already loaded (`cartQueries.cart`) goes to the
 * top of a loaded list's first page at once — no round trip to wait for — and the list is
 * then reconciled with the server in the background: order and totals come from there.
 */
export function showCachedCart(queryClient: QueryClient, list: Query, cartId: string): boolean {
  const cart = queryClient.getQueryData<CartResponse>(cartKeys.cart(cartId));
  if (!cart || list.state.data === undefined || !isFirstPage(list)) return false;
  queryClient.setQueryData<CartListData>(
    list.queryKey,
    (current) =>
      current && mapPages(current, (page, index) => (index === 0 ? withCart(page, cart) : page)),
  );
  void queryClient.invalidateQueries({ queryKey: list.queryKey, exact: true });
  return true;
}
