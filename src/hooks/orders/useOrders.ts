"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import {
  orderListOptions,
  type OrderCollection,
  type OrdersParams,
  type OrdersQueryKey,
} from "../../core/orders/orderRequests";
import { useOrderReader } from "./useOrderReader";

/** `useQuery` options, but not what makes the list: key and function. */
export type UseOrdersOptions = Omit<
  UseQueryOptions<OrderCollection, ElasticPathError, OrderCollection, OrdersQueryKey>,
  "queryKey" | "queryFn"
>;
export type UseOrdersResult = UseQueryResult<OrderCollection, ElasticPathError>;

/**
 * One page of the signed-in shopper's orders, newest first: `GET /v2/orders` with their
 * token (a customer's, or an account member's for the selected account). While signed out
 * it sends nothing and holds no data; a 401 signs the shopper out; their orders leave the
 * cache when their session ends.
 *
 * @example
 * ```tsx
 * const { data, isPending, error } = useOrders({ limit: 10 });
 * if (isPending) return <p>Loading your orders…</p>;
 * if (error) return <p role="alert">{error.message}</p>;
 * return (
 *   <ul>
 *     {data.data.map((order) => (
 *       <li key={order.id}>
 *         {order.meta?.timestamps?.created_at} · {order.meta?.display_price?.with_tax?.formatted}
 *       </li>
 *     ))}
 *   </ul>
 * );
 * ```
 */
export function useOrders(params?: OrdersParams, options: UseOrdersOptions = {}): UseOrdersResult {
  const { reader, ...policies } = useOrderReader("useOrders", options);
  // The caller's options, then what must not change (key and function), then the package's
  // policies (which already hold the caller's retry and placeholder, kept to the shopper).
  return useQuery({
    ...options,
    ...orderListOptions(reader, params),
    ...(policies as Pick<UseOrdersOptions, "retry" | "retryDelay" | "placeholderData">),
  });
}
