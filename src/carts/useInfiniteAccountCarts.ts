"use client";
import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import {
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { infiniteCartListOptions, type CartListParams } from "./cartLists";
import type { InfiniteAccountCartsQueryKey } from "./cartQueries";
import { registerAccountSessions } from "../session/AccountSession";
import { accountOwner } from "./accountOwner";
import { useCartListSource } from "./useCartListSource";

/** `useInfiniteQuery` options, but not what makes the list: key, function and paging. */
export type UseInfiniteAccountCartsOptions = Omit<
  UseInfiniteQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    InfiniteData<CartCollectionResponse, number>,
    InfiniteAccountCartsQueryKey,
    number
  >,
  "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam"
>;

export type UseInfiniteAccountCartsResult = UseInfiniteQueryResult<
  InfiniteData<CartCollectionResponse, number>,
  ElasticPathError
>;

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
  registerAccountSessions();
  const { source, ...retryPolicy } = useCartListSource(
    "useInfiniteAccountCarts",
    accountOwner,
    options,
  );
  return useInfiniteQuery({
    ...options,
    ...infiniteCartListOptions(accountOwner, source, params),
    ...retryPolicy,
  });
}
