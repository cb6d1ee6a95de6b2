"use client";
import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import {
  useQuery,
  useQueryClient,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import {
  retryDelayOrRetryAfter,
  retryOnlyTransient,
  type RetryDelaySetting,
  type RetrySetting,
} from "../errors/retryPolicy";
import { useElasticPathContext } from "../provider/context";
import { cartQueries, type CustomerCartsParams, type CustomerCartsQueryKey } from "./cartQueries";

export type UseCustomerCartsOptions = Omit<
  UseQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    CartCollectionResponse,
    CustomerCartsQueryKey
  >,
  "queryKey" | "queryFn"
>;
export type UseCustomerCartsResult = UseQueryResult<CartCollectionResponse, ElasticPathError>;

/**
 * One page of the signed-in customer's carts ("My carts"): `GET /v2/carts` with their
 * token. While signed out it sends nothing and holds no data; a 401 signs the shopper out.
 *
 * @example
 * ```tsx
 * const { data, isPending, error } = useCustomerCarts({ limit: 20 });
 * if (isPending) return <p>Loading your carts…</p>;
 * if (error) return <p role="alert">{error.message}</p>;
 * return <ul>{data.data.map((cart) => <li key={cart.id}>{cart.name}</li>)}</ul>;
 * ```
 */
export function useCustomerCarts(
  params?: CustomerCartsParams,
  options: UseCustomerCartsOptions = {},
): UseCustomerCartsResult {
  const { client, session, signOutIfCurrent } = useElasticPathContext("useCustomerCarts");
  const onUnauthorized =
    session.status === "signed-in" ? () => signOutIfCurrent(session.token) : undefined;
  const defaults = useQueryClient().getDefaultOptions().queries;
  const retry = options.retry ?? defaults?.retry;
  return useQuery({
    ...options,
    ...cartQueries.customerCarts({ client, session, onUnauthorized }, params),
    retry: retryOnlyTransient(retry as RetrySetting | undefined),
    // A retryDelay given to the hook is the caller's to keep; the app-wide default yields to
    // Elastic Path's Retry-After.
    retryDelay:
      options.retryDelay ?? retryDelayOrRetryAfter(defaults?.retryDelay as RetryDelaySetting),
  });
}
