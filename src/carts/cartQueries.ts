import {
  getACart,
  getCarts,
  type CartCollectionResponse,
  type CartResponse,
  type Client,
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
import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { optionalInteger, requireClient, requireObject, requireSafeId } from "../errors/validate";
import { requireSession, type CustomerSession } from "../session/CustomerSession";

/** Elastic Path's bounds for `page[limit]` and `page[offset]` on `GET /v2/carts`. */
export const MAX_PAGE_LIMIT = 100;
export const MAX_PAGE_OFFSET = 10_000;

export interface CustomerCartsParams {
  /** Carts per page, 1–100 (Elastic Path's default when omitted). */
  limit?: number;
  /** Carts to skip, 0–10000. */
  offset?: number;
}

export interface CustomerCartsSource {
  client: Client;
  session: CustomerSession;
  /** Called when Elastic Path refuses the customer token (401): the session is over. */
  onUnauthorized?: () => void;
}

function checkSource(source: unknown): CustomerCartsSource {
  const { client, session, onUnauthorized } = requireObject("source", source);
  requireClient("source.client", client);
  requireSession("source.session", session);
  if (onUnauthorized !== undefined && typeof onUnauthorized !== "function") {
    throw invalidInput("source.onUnauthorized must be a function.");
  }
  return source as CustomerCartsSource;
}

function checkParams(params: unknown): CustomerCartsParams {
  if (params === undefined) return {};
  const { limit, offset } = requireObject("params", params);
  return {
    limit: optionalInteger("limit", limit, 1, MAX_PAGE_LIMIT),
    offset: optionalInteger("offset", offset, 0, MAX_PAGE_OFFSET),
  };
}

async function fetchCustomerCarts(
  { client, onUnauthorized }: CustomerCartsSource,
  customerToken: string,
  { limit, offset }: CustomerCartsParams,
  signal: AbortSignal,
): Promise<CartCollectionResponse> {
  const request = getCarts({
    client,
    signal,
    // The token goes in a header, never in the query key: keys are visible in devtools.
    headers: { "X-Moltin-Customer-Token": customerToken },
    query: { "page[limit]": limit, "page[offset]": offset },
  });
  const result = await answerOf("Loading the customer's carts", request).catch((error) => {
    if (error instanceof ElasticPathError && error.status === 401) onUnauthorized?.();
    throw error;
  });
  return result.data!;
}

export type CustomerCartsQueryKey = readonly [
  "epcc",
  "carts",
  "customer",
  string | null,
  "page",
  { readonly limit: number | undefined; readonly offset: number | undefined },
];
export type InfiniteCustomerCartsQueryKey = readonly [
  "epcc",
  "carts",
  "customer",
  string | null,
  "infinite",
  { readonly limit: number | undefined },
];

export type CartQueryKey = readonly ["epcc", "carts", "cart", string];

// Named option types, so declarations refer to @tanstack/react-query only (not query-core).
export type CustomerCartsQueryOptions = UndefinedInitialDataOptions<
  CartCollectionResponse,
  ElasticPathError,
  CartCollectionResponse,
  CustomerCartsQueryKey
> & { queryKey: DataTag<CustomerCartsQueryKey, CartCollectionResponse, ElasticPathError> };
export type InfiniteCustomerCartsQueryOptions = UndefinedInitialDataInfiniteOptions<
  CartCollectionResponse,
  ElasticPathError,
  InfiniteData<CartCollectionResponse, number>,
  InfiniteCustomerCartsQueryKey,
  number
> & {
  // queryOptions tags infinite keys with `InfiniteData<TData, unknown>`; match it.
  queryKey: DataTag<
    InfiniteCustomerCartsQueryKey,
    InfiniteData<CartCollectionResponse, unknown>,
    ElasticPathError
  >;
};
export type CartQueryOptions = UndefinedInitialDataOptions<
  CartResponse,
  ElasticPathError,
  CartResponse,
  CartQueryKey
> & {
  queryKey: DataTag<CartQueryKey, CartResponse, ElasticPathError>;
};

/** The next page's offset from Elastic Path's paging meta, or undefined on the last page. */
export function nextPageOffset(page: CartCollectionResponse): number | undefined {
  const meta = page.meta?.page;
  if (!meta || meta.current === undefined || meta.total === undefined) return undefined;
  if (meta.current >= meta.total) return undefined;
  return (meta.offset ?? 0) + (meta.limit ?? page.data.length);
}

/**
 * Query keys and options for the customer's carts, shared by the hooks, prefetching and
 * route loaders. Keys go from general to specific, are scoped by customer id and never
 * hold a token, so two customers on one device never share an entry.
 *
 * @example
 * ```ts
 * // Prefetch "My carts" in a route loader:
 * await queryClient.prefetchQuery(cartQueries.customerCarts({ client, session }, { limit: 20 }));
 * // Invalidate one customer's lists by hand:
 * await queryClient.invalidateQueries({ queryKey: cartQueries.customerKey(customerId) });
 * ```
 */
export const cartQueries = {
  /** Everything this package caches about carts. */
  all: () => ["epcc", "carts"] as const,
  /** Every cart list of one customer (paged and infinite). */
  customerKey: (customerId: string | null) => ["epcc", "carts", "customer", customerId] as const,

  /** One page of the signed-in customer's carts (`GET /v2/carts`); skipped while signed out. */
  customerCarts(
    source: CustomerCartsSource,
    params?: CustomerCartsParams,
  ): CustomerCartsQueryOptions {
    checkSource(source);
    const { limit, offset } = checkParams(params);
    const { session } = source;
    const customerId = session.status === "signed-in" ? session.customerId : null;
    return queryOptions<
      CartCollectionResponse,
      ElasticPathError,
      CartCollectionResponse,
      CustomerCartsQueryKey
      // eslint-disable-next-line @tanstack/query/exhaustive-deps -- tokens stay out of keys (devtools, logs); the customer id scopes them
    >({
      queryKey: [...cartQueries.customerKey(customerId), "page", { limit, offset }],
      queryFn:
        session.status === "signed-in"
          ? ({ signal }) => fetchCustomerCarts(source, session.token, { limit, offset }, signal)
          : skipToken,
    });
  },

  /** The signed-in customer's carts page after page, for "load more"; skipped while signed out. */
  infiniteCustomerCarts(
    source: CustomerCartsSource,
    params?: Pick<CustomerCartsParams, "limit">,
  ): InfiniteCustomerCartsQueryOptions {
    checkSource(source);
    const { limit } = checkParams(params);
    const { session } = source;
    const customerId = session.status === "signed-in" ? session.customerId : null;
    return infiniteQueryOptions<
      CartCollectionResponse,
      ElasticPathError,
      InfiniteData<CartCollectionResponse, number>,
      InfiniteCustomerCartsQueryKey,
      number
      // eslint-disable-next-line @tanstack/query/exhaustive-deps -- tokens stay out of keys (devtools, logs); the customer id scopes them
    >({
      queryKey: [...cartQueries.customerKey(customerId), "infinite", { limit }],
      queryFn:
        session.status === "signed-in"
          ? ({ pageParam, signal }) =>
              fetchCustomerCarts(source, session.token, { limit, offset: pageParam }, signal)
          : skipToken,
      initialPageParam: 0,
      getNextPageParam: nextPageOffset,
    });
  },

  /** One cart's entry. */
  cartKey: (cartId: string): CartQueryKey => ["epcc", "carts", "cart", cartId],

  /** One cart (`GET /v2/carts/:id`), e.g. for a cart badge; "My carts" reuses what it holds. */
  cart(source: { client: Client }, cartId: string): CartQueryOptions {
    const client = (source as Partial<typeof source> | null | undefined)?.client;
    requireClient("client", client);
    const id = requireSafeId("cartId", cartId);
    return queryOptions<
      CartResponse,
      ElasticPathError,
      CartResponse,
      CartQueryKey
      // eslint-disable-next-line @tanstack/query/exhaustive-deps -- a cart is the same whichever client fetched it
    >({
      queryKey: cartQueries.cartKey(id),
      queryFn: async ({ signal }): Promise<CartResponse> => {
        const result = await answerOf(
          "Loading the cart",
          getACart({ client, signal, path: { cartID: id } }),
        );
        return result.data!.data!;
      },
    });
  },
};
