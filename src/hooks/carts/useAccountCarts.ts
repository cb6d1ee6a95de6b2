"use client";
import { useAccountSessions } from "../internal/useAccountSessions";
import type { CartListParams } from "../../core/carts/cartLists";
import { accountKind } from "../../core/session/AccountSession";
import { useCartList, type CartListOptions, type CartListResult } from "../internal/useCartList";

/** `useQuery` options, but not what makes the list: key and function. */
export type UseAccountCartsOptions = CartListOptions<"account">;
export type UseAccountCartsResult = CartListResult;

/**
 * One page of the selected account's carts ("My carts"): `GET /v2/carts` with its Account
 * Management token. While no member is signed in it sends nothing and holds no data; a 401
 * signs the member out. Switching accounts lists the new account's carts, never the old one's.
 * At a login with a guest cart, the first page asks for that cart beside the list and waits
 * for the automatic association's answer: the first carts it shows hold it (if it has room).
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
  useAccountSessions("useAccountCarts");
  return useCartList("useAccountCarts", accountKind, params, options);
}
