import type {
  Client,
  OrderCollectionResponse,
  OrderItemResponse,
  OrderResponse,
} from "@epcc-sdk/sdks-shopper";
import {
  infiniteQueryOptions,
  queryOptions,
  skipToken,
  type DataTag,
  type InfiniteData,
  type UndefinedInitialDataInfiniteOptions,
  type UndefinedInitialDataOptions,
} from "@tanstack/react-query";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { optionalInteger, requireObject, requireSafeId } from "../errors/validate";
import { orderKeys } from "../keys";
import type { Shopper, ShopperKind, ShopperKindDescriptor } from "../session/sessionKind";

/** Paging of the shopper's orders: `limit` 1–100, `offset` 0–10000 (Elastic Path's bounds). */
export interface OrdersParams {
  /** Orders per page, 1–100 (Elastic Path's default, 20, when omitted). */
  limit?: number;
  /** Orders to skip, 0–10000. */
  offset?: number;
}

/** One page of orders: the SDK's order collection, its `data` always present (`[]` when none). */
export type OrderCollection = OrderCollectionResponse & { data: OrderResponse[] };

/** One order with its items: what `useOrder` and `orderQueries.order` hold. */
export interface OrderWithItems {
  /** The order as Elastic Path answers it; its totals are in `order.meta.display_price`. */
  order: OrderResponse;
  /** Its items (products, custom items, promotions as negative lines). */
  items: OrderItemResponse[];
}

/**
 * How the orders are read, for the hooks and for `orderQueries` alike: whose (the keys name
 * them), the header their kind's token travels in, and the one 401 rule.
 */
export interface OrderReader {
  client: Client;
  /** The signed-in shopper and their kind; none while signed out: nothing is sent. */
  owner: { kind: ShopperKindDescriptor; shopper: Shopper } | undefined;
  /**
   * The owner's session when a request is sent (a retry too): a new session of the same
   * shopper brings a new token; none once they are gone, and nothing is sent.
   */
  latest: () => Shopper | undefined;
  /** The one 401 rule (`store.signOutOn401`); a server's source passes its own. */
  signOutOn401: <Result>(token: string, request: Promise<Result>) => Promise<Result>;
}

/** Whose orders an entry holds: kind and id, `null` while signed out. */
type Owner = readonly ["epcc", "orders", ShopperKind | null, string | null];
export type OrdersQueryKey = readonly [
  ...Owner,
  "page",
  { readonly limit: number | undefined; readonly offset: number | undefined },
];
export type InfiniteOrdersQueryKey = readonly [
  ...Owner,
  "infinite",
  { readonly limit: number | undefined },
];
export type OrderQueryKey = readonly [...Owner, "order", string];

// Named option types, so declarations refer to @tanstack/react-query only (not query-core).
export type OrdersQueryOptions = UndefinedInitialDataOptions<
  OrderCollection,
  ElasticPathError,
  OrderCollection,
  OrdersQueryKey
> & { queryKey: DataTag<OrdersQueryKey, OrderCollection, ElasticPathError> };
export type InfiniteOrdersQueryOptions = UndefinedInitialDataInfiniteOptions<
  OrderCollection,
  ElasticPathError,
  InfiniteData<OrderCollection, number>,
  InfiniteOrdersQueryKey,
  number
> & {
  // queryOptions tags infinite keys with `InfiniteData<TData, unknown>`; match it.
  queryKey: DataTag<
    InfiniteOrdersQueryKey,
    InfiniteData<OrderCollection, unknown>,
    ElasticPathError
  >;
};
export type OrderQueryOptions = UndefinedInitialDataOptions<
  OrderWithItems,
  ElasticPathError,
  OrderWithItems,
  OrderQueryKey
> & { queryKey: DataTag<OrderQueryKey, OrderWithItems, ElasticPathError> };

export function checkParams(params: unknown): OrdersParams {
  if (params === undefined) return {};
  const { limit, offset } = requireObject("params", params);
  return {
    limit: optionalInteger("limit", limit, 1, 100),
    offset: optionalInteger("offset", offset, 0, 10_000),
  };
}

/** The SDK's order calls, loaded at the first order read (see orderCalls.ts). */
const orderCalls = () => import("./orderCalls");

/** A request with the owner's token in their kind's header: its 2xx body, or an ElasticPathError. */
async function send<Body>(
  reader: OrderReader,
  action: string,
  request: (headers: Record<string, string>) => Promise<{ data?: Body; response: Response }>,
): Promise<Body> {
  const shopper = reader.latest();
  if (!shopper) throw new ElasticPathError(`${action} stopped: the shopper signed out.`);
  // The token goes in a header, never in the query key: keys are visible in devtools.
  const headers = { [reader.owner!.kind.tokenHeader]: shopper.token };
  const { data } = await reader.signOutOn401(shopper.token, answerOf(action, request(headers)));
  return data!;
}

/**
 * One page of the shopper's orders (`GET /v2/orders` with their token: Elastic Path answers
 * with theirs only). Newest first, as Elastic Path lists them: the API takes no `sort` for
 * orders (carts-and-orders.yaml), so none is sent.
 */
async function fetchOrders(
  reader: OrderReader,
  { limit, offset }: OrdersParams,
  signal: AbortSignal,
): Promise<OrderCollection> {
  const { getCustomerOrders } = await orderCalls();
  const page = await send(reader, "Loading the orders", (headers) =>
    getCustomerOrders({
      client: reader.client,
      signal,
      headers,
      query: { "page[limit]": limit, "page[offset]": offset },
    }),
  );
  return { ...page, data: page.data ?? [] };
}

/** One order with its items in one request (`GET /v2/orders/:id?include=items`). */
async function fetchOrder(
  reader: OrderReader,
  orderId: string,
  signal: AbortSignal,
): Promise<OrderWithItems> {
  const { getAnOrder } = await orderCalls();
  const { data, included } = await send(reader, "Loading the order", (headers) =>
    getAnOrder({
      client: reader.client,
      signal,
      headers,
      path: { orderID: orderId },
      query: { include: ["items"] },
    }),
  );
  return { order: data!, items: included?.items ?? [] };
}

const ownerOf = (reader: OrderReader) => {
  const shopper = reader.owner?.shopper;
  return [shopper?.kind ?? null, shopper?.id ?? null] as const;
};

/** One page of the signed-in shopper's orders; skipped while signed out. */
export function orderListOptions(reader: OrderReader, params?: OrdersParams): OrdersQueryOptions {
  const { limit, offset } = checkParams(params);
  const paging = { limit, offset };
  return queryOptions<OrderCollection, ElasticPathError, OrderCollection, OrdersQueryKey>({
    queryKey: orderKeys.list(...ownerOf(reader), "page", paging),
    queryFn: reader.owner ? ({ signal }) => fetchOrders(reader, paging, signal) : skipToken,
    // The package's one retry rule, for prefetching and loaders too.
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
  });
}

/** The next page's offset from Elastic Path's paging meta, or undefined on the last page. */
function nextPageOffset({ data, meta }: OrderCollection): number | undefined {
  const page = meta?.page;
  if (page?.current === undefined || page.total === undefined || page.current >= page.total) {
    return undefined;
  }
  return (page.offset ?? 0) + (page.limit ?? data.length);
}

/** The signed-in shopper's orders page after page, for "load more"; skipped while signed out. */
export function infiniteOrderListOptions(
  reader: OrderReader,
  params?: Pick<OrdersParams, "limit">,
): InfiniteOrdersQueryOptions {
  const { limit } = checkParams(params);
  return infiniteQueryOptions<
    OrderCollection,
    ElasticPathError,
    InfiniteData<OrderCollection, number>,
    InfiniteOrdersQueryKey,
    number
  >({
    queryKey: orderKeys.list(...ownerOf(reader), "infinite", { limit }),
    queryFn: reader.owner
      ? ({ signal, pageParam }) => fetchOrders(reader, { limit, offset: pageParam }, signal)
      : skipToken,
    initialPageParam: 0,
    getNextPageParam: nextPageOffset,
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
  });
}

/**
 * One order of the signed-in shopper with its items, in one request
 * (`GET /v2/orders/:id?include=items`); skipped while signed out. Another shopper's order
 * answers 404, as one that does not exist.
 */
export function orderOptions(reader: OrderReader, orderId: string): OrderQueryOptions {
  const id = requireSafeId("orderId", orderId);
  return queryOptions<OrderWithItems, ElasticPathError, OrderWithItems, OrderQueryKey>({
    queryKey: orderKeys.order(...ownerOf(reader), id),
    queryFn: reader.owner ? ({ signal }) => fetchOrder(reader, id, signal) : skipToken,
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
  });
}
