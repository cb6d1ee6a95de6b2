"use client";
import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { cartListOptions, type CartListParams } from "./cartLists";
import type { CustomerCartsQueryKey } from "./cartQueries";
import { customerOwner } from "./customerOwner";
import { useCartListSource } from "./useCartListSource";

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
  params?: CartListParams,
  options: UseCustomerCartsOptions = {},
): UseCustomerCartsResult {
  const { source, ...retryPolicy } = useCartListSource("useCustomerCarts", customerOwner, options);
  return useQuery({
    ...options,
    ...cartListOptions(customerOwner, source, params),
    ...retryPolicy,
  });
}
