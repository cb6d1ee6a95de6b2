"use client";
import {
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import {
  infiniteOrderListOptions,
  type InfiniteOrdersQueryKey,
  type OrderCollection,
  type OrdersParams,
} from "../../core/orders/orderRequests";
import { useOrderReader } from "./useOrderReader";

/** `useInfiniteQuery` options, but not what makes the list: key, function and paging. */
export type UseInfiniteOrdersOptions = Omit<
  UseInfiniteQueryOptions<
    OrderCollection,
    ElasticPathError,
    InfiniteData<OrderCollection, number>,
    InfiniteOrdersQueryKey,
    number
  >,
  "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam"
>;
export type UseInfiniteOrdersResult = UseInfiniteQueryResult<
  InfiniteData<OrderCollection, number>,
  ElasticPathError
>;

/**
 * The signed-in shopper's orders page after page, newest first, for a "load more" button.
 * The next page's offset comes from Elastic Path's paging meta; `hasNextPage` is false on
 * the last. Signed out, it sends nothing.
 *
 * @example
 * ```tsx
 * const orders = useInfiniteOrders({ limit: 20 });
 * const all = orders.data?.pages.flatMap((page) => page.data) ?? [];
 * {orders.hasNextPage && (
 *   <button disabled={orders.isFetchingNextPage} onClick={() => orders.fetchNextPage()}>Load more</button>
 * )}
 * ```
 */
export function useInfiniteOrders(
  params?: Pick<OrdersParams, "limit">,
  options: UseInfiniteOrdersOptions = {},
): UseInfiniteOrdersResult {
  const { reader, ...policies } = useOrderReader("useInfiniteOrders", options);
  return useInfiniteQuery({
    ...options,
    ...infiniteOrderListOptions(reader, params),
    ...(policies as Pick<UseInfiniteOrdersOptions, "retry" | "retryDelay" | "placeholderData">),
  });
}
