import type { CartCollectionResponse, Client } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import {
  infiniteQueryOptions,
  queryOptions,
  skipToken,
  type DataTag,
  type InfiniteData,
  type QueryClient,
  type UndefinedInitialDataInfiniteOptions,
  type UndefinedInitialDataOptions,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { optionalInteger, requireObject } from "../errors/validate";
import type { ShopperKind } from "../session/sessionKind";
import { withCart } from "./cartListEdits";
import type { CartContents } from "./cartEntry";
import type { ShopperKindDescriptor } from "../session/sessionKind";
import { cartKeys } from "../keys";
import { associationPending, pagesWithAssociatedCart } from "./pendingAssociations";

/** Elastic Path's bounds for `page[limit]` and `page[offset]` on `GET /v2/carts`. */
export const MAX_PAGE_LIMIT = 100;
export const MAX_PAGE_OFFSET = 10_000;

export interface CartListParams {
  /** Carts per page, 1–100 (Elastic Path's default when omitted). */
  limit?: number;
  /** Carts to skip, 0–10000. */
  offset?: number;
}

export type CartsQueryKey<Kind extends ShopperKind> = readonly [
  "epcc",
  "carts",
  Kind,
  string | null,
  "page",
  { readonly limit: number | undefined; readonly offset: number | undefined },
];
export type InfiniteCartsQueryKey<Kind extends ShopperKind> = readonly [
  "epcc",
  "carts",
  Kind,
  string | null,
  "infinite",
  { readonly limit: number | undefined },
];

// Named option types, so declarations refer to @tanstack/react-query only (not query-core).
export type CartsQueryOptions<Kind extends ShopperKind> = UndefinedInitialDataOptions<
  CartCollectionResponse,
  ElasticPathError,
  CartCollectionResponse,
  CartsQueryKey<Kind>
> & { queryKey: DataTag<CartsQueryKey<Kind>, CartCollectionResponse, ElasticPathError> };
export type InfiniteCartsQueryOptions<Kind extends ShopperKind> =
  UndefinedInitialDataInfiniteOptions<
    CartCollectionResponse,
    ElasticPathError,
    InfiniteData<CartCollectionResponse, number>,
    InfiniteCartsQueryKey<Kind>,
    number
  > & {
    // queryOptions tags infinite keys with `InfiniteData<TData, unknown>`; match it.
    queryKey: DataTag<
      InfiniteCartsQueryKey<Kind>,
      InfiniteData<CartCollectionResponse, unknown>,
      ElasticPathError
    >;
  };

/** Whose carts to list: the signed-in owner's id and token, or nobody (the query is skipped). */
export interface CartListSource {
  client: Client;
  signedIn: { id: string; token: string } | undefined;
  /** Called when Elastic Path refuses the token (401): the session is over. */
  onUnauthorized?: () => void;
}

export function checkParams(params: unknown): CartListParams {
  if (params === undefined) return {};
  const { limit, offset } = requireObject("params", params);
  return {
    limit: optionalInteger("limit", limit, 1, MAX_PAGE_LIMIT),
    offset: optionalInteger("offset", offset, 0, MAX_PAGE_OFFSET),
  };
}

/** What TanStack hands a list's query function: the QueryClient it runs in, and its signal. */
interface ListFetch {
  client: QueryClient;
  signal: AbortSignal;
}

/**
 * One page of the owner's carts. While the owner's automatic association is awaiting its
 * answer (a login with a guest cart), the first page shows the cart as soon as that answer
 * says it is theirs: the list is asked for at once, beside the association, and so is the
 * cart (unless `cartQueries.cart` holds it); Elastic Path promises no order between two
 * requests in flight, so the list's answer may or may not hold the cart yet. Put in by hand
 * only when the page holds all the owner's carts with room for one more, where its place
 * cannot change what the page shows; else the association's own refetch brings it.
 */
async function fetchCarts(
  owner: ShopperKindDescriptor,
  { client, onUnauthorized }: CartListSource,
  token: string,
  { limit, offset }: CartListParams,
  { client: queryClient, signal }: ListFetch,
): Promise<CartCollectionResponse> {
  const request = sdk.getCarts({
    client,
    signal,
    // The token goes in a header, never in the query key: keys are visible in devtools.
    headers: { [owner.tokenHeader]: token },
    query: { "page[limit]": limit, "page[offset]": offset },
  });
  const page = answerOf(`Loading the ${owner.kind}'s carts`, request).then(
    (result) => result.data!,
    (error) => {
      if ((error as ElasticPathError).status === 401) onUnauthorized?.();
      throw error;
    },
  );
  if (offset) return page;
  // Effects run in tree order: the association hook's may come just after this list's.
  await null;
  const association = associationPending(client, token);
  if (!association) return page;
  const { cartId } = association;
  const cart =
    queryClient.getQueryData<CartContents>(cartKeys.cart(cartId))?.cart ??
    sdk.getACart({ client, signal, path: { cartID: cartId } }).then(
      (result) => result.data?.data,
      () => undefined, // the association's refetch still brings it
    );
  const [carts, associated, guestCart] = await Promise.all([page, association.answer, cart]);
  if (
    !associated ||
    !guestCart ||
    carts.data.some((listed) => listed.id === cartId) ||
    carts.data.length >= (carts.meta?.page?.limit ?? 0)
  ) {
    return carts;
  }
  const withGuestCart = withCart(carts, guestCart);
  pagesWithAssociatedCart.add(withGuestCart);
  return withGuestCart;
}

/** One page of the signed-in owner's carts (`GET /v2/carts`); skipped while nobody is signed in. */
export function cartListOptions<Kind extends ShopperKind>(
  owner: ShopperKindDescriptor<Kind>,
  source: CartListSource,
  params?: CartListParams,
): CartsQueryOptions<Kind> {
  const { limit, offset } = checkParams(params);
  const { signedIn } = source;
  return queryOptions<
    CartCollectionResponse,
    ElasticPathError,
    CartCollectionResponse,
    CartsQueryKey<Kind>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- tokens stay out of keys (devtools, logs); the owner id scopes them
  >({
    queryKey: cartKeys.list(owner.kind, signedIn?.id ?? null, "page", { limit, offset }),
    queryFn: signedIn
      ? (context) => fetchCarts(owner, source, signedIn.token, { limit, offset }, context)
      : skipToken,
    // The package's one retry rule, for prefetching and loaders too.
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
  });
}

/** The next page's offset from Elastic Path's paging meta, or undefined on the last page. */
export function nextPageOffset(page: CartCollectionResponse): number | undefined {
  const meta = page.meta?.page;
  if (!meta || meta.current === undefined || meta.total === undefined) return undefined;
  if (meta.current >= meta.total) return undefined;
  return (meta.offset ?? 0) + (meta.limit ?? page.data.length);
}

/** The signed-in owner's carts page after page, for "load more"; skipped while nobody is signed in. */
export function infiniteCartListOptions<Kind extends ShopperKind>(
  owner: ShopperKindDescriptor<Kind>,
  source: CartListSource,
  params?: Pick<CartListParams, "limit">,
): InfiniteCartsQueryOptions<Kind> {
  const { limit } = checkParams(params);
  const { signedIn } = source;
  return infiniteQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    InfiniteData<CartCollectionResponse, number>,
    InfiniteCartsQueryKey<Kind>,
    number
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- tokens stay out of keys (devtools, logs); the owner id scopes them
  >({
    queryKey: cartKeys.list(owner.kind, signedIn?.id ?? null, "infinite", { limit }),
    queryFn: signedIn
      ? (context) =>
          fetchCarts(owner, source, signedIn.token, { limit, offset: context.pageParam }, context)
      : skipToken,
    initialPageParam: 0,
    getNextPageParam: nextPageOffset,
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
  });
}
