import type { Query, QueryClient } from "@tanstack/react-query";
import { isFirstPage, mapPages, withCart, type CartListData } from "./cartListEdits";
import { cachedCartOf } from "./cartEntry";

/**
 * A newly associated cart that a cart badge already loaded (`cartQueries.cart`) goes to the
 * top of a loaded list's first page at once — no round trip to wait for — and the list is
 * then reconciled with the server in the background: order and totals come from there.
 */
export function showCachedCart(queryClient: QueryClient, list: Query, cartId: string): boolean {
  const cart = cachedCartOf(queryClient, cartId);
  if (!cart || list.state.data === undefined || !isFirstPage(list)) return false;
  queryClient.setQueryData<CartListData>(
    list.queryKey,
    (current) =>
      current && mapPages(current, (page, index) => (index === 0 ? withCart(page, cart) : page)),
  );
  void queryClient.invalidateQueries({ queryKey: list.queryKey, exact: true });
  return true;
}
