"use client";
import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import {
  retryDelayOrRetryAfter,
  retryOnlyTransient,
  type RetryDelaySetting,
  type RetrySetting,
} from "../errors/retryPolicy";
import { useElasticPathContext } from "../provider/context";
import {
  cartQueries,
  type CustomerCartsParams,
  type InfiniteCustomerCartsQueryKey,
} from "./cartQueries";

/** `useInfiniteQuery` options, but not what makes the list: key, function and paging. */
export type UseInfiniteCustomerCartsOptions = Omit<
  UseInfiniteQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    InfiniteData<CartCollectionResponse, number>,
    InfiniteCustomerCartsQueryKey,
    number
  >,
  "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam"
>;

export type UseInfiniteCustomerCartsResult = UseInfiniteQueryResult<
  InfiniteData<CartCollectionResponse, number>,
  ElasticPathError
>;

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
  params?: Pick<CustomerCartsParams, "limit">,
  options: UseInfiniteCustomerCartsOptions = {},
): UseInfiniteCustomerCartsResult {
  const { client, session, signOutIfCurrent } = useElasticPathContext("useInfiniteCustomerCarts");
  const onUnauthorized =
    session.status === "signed-in" ? () => signOutIfCurrent(session.token) : undefined;
  const defaults = useQueryClient().getDefaultOptions().queries;
  const retry = options.retry ?? defaults?.retry;
  return useInfiniteQuery({
    ...options,
    ...cartQueries.infiniteCustomerCarts({ client, session, onUnauthorized }, params),
    retry: retryOnlyTransient(retry as RetrySetting | undefined),
    // As useCustomerCarts: the hook's retryDelay is kept, the app-wide one yields to Retry-After.
    retryDelay:
      options.retryDelay ?? retryDelayOrRetryAfter(defaults?.retryDelay as RetryDelaySetting),
  });
}
