"use client";
import type { CartListParams } from "../../core/carts/cartLists";
import { customerKind } from "../../core/session/CustomerSession";
import {
  useInfiniteCartList,
  type InfiniteCartListOptions,
  type InfiniteCartListResult,
} from "../internal/useCartList";

/** `useInfiniteQuery` options, but not what makes the list: key, function and paging. */
export type UseInfiniteCustomerCartsOptions = InfiniteCartListOptions<"customer">;
export type UseInfiniteCustomerCartsResult = InfiniteCartListResult;

/**
 * The signed-in customer's carts page after page, for a "load more" button. The next
 * page's offset comes from Elastic Path's paging meta; `hasNextPage` is false on the last.
 *
 * @example
 * ```tsx
 * const carts = useInfiniteCustomerCarts({ limit: 20 });
 * const all = carts.data?.pages.flatMap((page) => page.data) ?? [];
 * {carts.hasNextPage && (
 *   <button disabled={carts.isFetchingNextPage} onClick={() => carts.fetchNextPage()}>Load more</button>
 * )}
 * ```
 */
export function useInfiniteCustomerCarts(
  params?: Pick<CartListParams, "limit">,
  options: UseInfiniteCustomerCartsOptions = {},
): UseInfiniteCustomerCartsResult {
  return useInfiniteCartList("useInfiniteCustomerCarts", customerKind, params, options);
}
