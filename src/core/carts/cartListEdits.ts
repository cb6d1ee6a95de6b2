import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { isFirstPage, withCart } from "./cachedCart";
import { mapPages, type CartListData } from "./cartListCache";

/**
 * A cart the shopper just made goes first on every loaded list that starts at the top (the
 * newest is listed first); lists further down are left for the reconciling refetch. A list
 * that already shows it (a refetch that got there first) is left alone.
 */
export function addCartToLists(queryClient: QueryClient, queryKey: QueryKey, cart: CartResponse) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey })) {
    const data = query.state.data as CartListData | undefined;
    if (!data || !isFirstPage(query)) continue;
    const pages = "pages" in data ? data.pages : [data];
    if (pages.some((page) => page.data.some((listed) => listed.id === cart.id))) continue;
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
