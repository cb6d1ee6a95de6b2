"use client";
import { useAccountSessions } from "../internal/useAccountSessions";
import type { CartListParams } from "../../core/carts/cartLists";
import { accountKind } from "../../core/session/AccountSession";
import {
  useInfiniteCartList,
  type InfiniteCartListOptions,
  type InfiniteCartListResult,
} from "../internal/useCartList";

/** `useInfiniteQuery` options, but not what makes the list: key, function and paging. */
export type UseInfiniteAccountCartsOptions = InfiniteCartListOptions<"account">;
export type UseInfiniteAccountCartsResult = InfiniteCartListResult;

/**
 * The selected account's carts page after page, for a "load more" button. The next
 * page's offset comes from Elastic Path's paging meta; `hasNextPage` is false on the last.
 *
 * @example
 * ```tsx
 * const carts = useInfiniteAccountCarts({ limit: 20 });
 * const all = carts.data?.pages.flatMap((page) => page.data) ?? [];
 * {carts.hasNextPage && (
 *   <button disabled={carts.isFetchingNextPage} onClick={() => carts.fetchNextPage()}>Load more</button>
 * )}
 * ```
 */
export function useInfiniteAccountCarts(
  params?: Pick<CartListParams, "limit">,
  options: UseInfiniteAccountCartsOptions = {},
): UseInfiniteAccountCartsResult {
  useAccountSessions("useInfiniteAccountCarts");
  return useInfiniteCartList("useInfiniteAccountCarts", accountKind, params, options);
}
