"use client";
import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { cartListOptions, type CartListParams } from "./cartLists";
import type { AccountCartsQueryKey } from "./cartQueries";
import { registerAccountSessions } from "../session/AccountSession";
import { accountOwner } from "./accountOwner";
import { useCartListSource } from "./useCartListSource";

export type UseAccountCartsOptions = Omit<
  UseQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    CartCollectionResponse,
    AccountCartsQueryKey
  >,
  "queryKey" | "queryFn"
>;
export type UseAccountCartsResult = UseQueryResult<CartCollectionResponse, ElasticPathError>;

/**
 * One page of the selected account's carts ("My carts"): `GET /v2/carts` with its Account
 * Management token. While no member is signed in it sends nothing and holds no data; a 401
 * signs the member out. Switching accounts lists the new account's carts, never the old one's.
 *
 * @example
 * ```tsx
 * const { data, isPending, error } = useAccountCarts({ limit: 20 });
 * if (isPending) return <p>Loading your carts…</p>;
 * if (error) return <p role="alert">{error.message}</p>;
 * return <ul>{data.data.map((cart) => <li key={cart.id}>{cart.name}</li>)}</ul>;
 * ```
 */
export function useAccountCarts(
  params?: CartListParams,
  options: UseAccountCartsOptions = {},
): UseAccountCartsResult {
  registerAccountSessions();
  const { source, ...retryPolicy } = useCartListSource("useAccountCarts", accountOwner, options);
  return useQuery({
    ...options,
    ...cartListOptions(accountOwner, source, params),
    ...retryPolicy,
  });
}
