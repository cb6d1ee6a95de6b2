"use client";
import type { CartListParams } from "../../core/carts/cartLists";
import { customerKind } from "../../core/session/CustomerSession";
import { useCartList, type CartListOptions, type CartListResult } from "../internal/useCartList";

/** `useQuery` options, but not what makes the list: key and function. */
export type UseCustomerCartsOptions = CartListOptions<"customer">;
export type UseCustomerCartsResult = CartListResult;

/**
 * One page of the signed-in customer's carts ("My carts"): `GET /v2/carts` with their
 * token. While signed out it sends nothing and holds no data; a 401 signs the shopper out.
 * At a login with a guest cart, the first page asks for that cart beside the list and waits
 * for the automatic association's answer: the first carts it shows hold it (if it has room).
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
  return useCartList("useCustomerCarts", customerKind, params, options);
}
