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
import type { InfiniteCustomerCartsQueryKey } from "./cartQueries";
import { customerOwner } from "./customerOwner";
import { useCartListSource } from "./useCartListSource";

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
  params?: Pick<CartListParams, "limit">,
  options: UseInfiniteCustomerCartsOptions = {},
): UseInfiniteCustomerCartsResult {
  const { source, ...retryPolicy } = useCartListSource(
    "useInfiniteCustomerCarts",
    customerOwner,
    options,
  );
  return useInfiniteQuery({
    ...options,
    ...infiniteCartListOptions(customerOwner, source, params),
    ...retryPolicy,
  });
}
