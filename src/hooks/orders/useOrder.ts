"use client";
import { useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import {
  orderOptions,
  type OrderQueryKey,
  type OrderWithItems,
} from "../../core/orders/orderRequests";
import { useOrderReader } from "./useOrderReader";

/** `useQuery` options, but not what makes the query: key and function. */
export type UseOrderOptions = Omit<
  UseQueryOptions<OrderWithItems, ElasticPathError, OrderWithItems, OrderQueryKey>,
  "queryKey" | "queryFn"
>;
export type UseOrderResult = UseQueryResult<OrderWithItems, ElasticPathError>;

/**
 * One of the signed-in shopper's orders with its items, `{ order, items }`, in one request:
 * `GET /v2/orders/:id?include=items` with their token. Signed out, it sends nothing; an
 * order that is not theirs fails with a 404 `ElasticPathError`, as one that does not exist.
 * An `orderId` that is not a safe id (letters, digits, `-`, `_`) throws before any request.
 *
 * @example
 * ```tsx
 * const { data, error } = useOrder(orderId);
 * if (error) return <p role="alert">{error.message}</p>;
 * if (!data) return <p>Loading the order…</p>;
 * return (
 *   <>
 *     <h1>Order {data.order.id} · {data.order.meta?.display_price?.with_tax?.formatted}</h1>
 *     <ul>{data.items.map((item) => <li key={item.id}>{item.quantity} × {item.name}</li>)}</ul>
 *   </>
 * );
 * ```
 */
export function useOrder(orderId: string, options: UseOrderOptions = {}): UseOrderResult {
  const { reader, ...policies } = useOrderReader("useOrder", options);
  return useQuery({
    ...options,
    ...orderOptions(reader, orderId),
    ...(policies as Pick<UseOrderOptions, "retry" | "retryDelay" | "placeholderData">),
  });
}
