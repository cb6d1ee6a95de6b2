import type { CartCollectionResponse } from "@epcc-sdk/sdks-shopper";
import {
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseQueryOptions,
  type UseQueryResult,
} from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { useElasticPathContext, useSessionState } from "./context";
import type { ShopperKind } from "../../core/session/sessionKind";
import {
  cartListOptions,
  infiniteCartListOptions,
  type CartListParams,
  type CartListSource,
  type CartsQueryKey,
  type InfiniteCartsQueryKey,
} from "../../core/carts/cartLists";
import type { ShopperKindDescriptor } from "../../core/session/sessionKind";

/** `useQuery` options of a "My carts" page, but not what makes the list: key and function. */
export type CartListOptions<Kind extends ShopperKind> = Omit<
  UseQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    CartCollectionResponse,
    CartsQueryKey<Kind>
  >,
  "queryKey" | "queryFn"
>;
export type CartListResult = UseQueryResult<CartCollectionResponse, ElasticPathError>;

/** `useInfiniteQuery` options, but not what makes the list: key, function and paging. */
export type InfiniteCartListOptions<Kind extends ShopperKind> = Omit<
  UseInfiniteQueryOptions<
    CartCollectionResponse,
    ElasticPathError,
    InfiniteData<CartCollectionResponse, number>,
    InfiniteCartsQueryKey<Kind>,
    number
  >,
  "queryKey" | "queryFn" | "initialPageParam" | "getNextPageParam" | "getPreviousPageParam"
>;
export type InfiniteCartListResult = UseInfiniteQueryResult<
  InfiniteData<CartCollectionResponse, number>,
  ElasticPathError
>;

/**
 * Whose carts a list hook shows — the signed-in shopper's, if of this owner's kind (a 401
 * ends their session) — and the package's one retry rule: transient failures only, waiting
 * what Retry-After asks, whatever the QueryClient's defaults say; the hook's own `retry` /
 * `retryDelay` replace it, as on every hook of the package.
 */
function useCartListSource(
  hookName: string,
  owner: ShopperKindDescriptor,
  options: { retry?: unknown; retryDelay?: unknown; placeholderData?: unknown },
) {
  const { client, store } = useElasticPathContext(hookName);
  const shopper = useSessionState(store, (snapshot) => snapshot.shopper);
  const signedIn = shopper?.kind === owner.kind ? shopper : undefined;
  const source: CartListSource = {
    client,
    signedIn,
    onUnauthorized: signedIn && (() => store.signOutIfCurrent(signedIn.token)),
  };
  return {
    source,
    retry: (options.retry ?? retryTransientFailures) as typeof retryTransientFailures,
    retryDelay: (options.retryDelay ?? retryDelayFor) as typeof retryDelayFor,
    placeholderData: ownPlaceholder(owner, signedIn?.id, options.placeholderData),
  };
}

/**
 * The caller's `placeholderData`, kept to the shopper's own lists: TanStack hands a
 * placeholder function the previous key's data (`keepPreviousData`), and after a logout or
 * an account switch that is another shopper's — which must never show.
 */
function ownPlaceholder(owner: ShopperKindDescriptor, ownerId: string | undefined, given: unknown) {
  if (typeof given !== "function") return given as undefined;
  return (previousData: unknown, previousQuery?: { queryKey: readonly unknown[] }) =>
    ownerId !== undefined &&
    previousQuery?.queryKey[2] === owner.kind &&
    previousQuery.queryKey[3] === ownerId
      ? (given as (data: unknown, query: unknown) => unknown)(previousData, previousQuery)
      : undefined;
}

/** One page of the signed-in owner's carts: what `useCustomerCarts` and `useAccountCarts` share. */
export function useCartList<Kind extends ShopperKind>(
  hookName: string,
  owner: ShopperKindDescriptor<Kind>,
  params: CartListParams | undefined,
  options: CartListOptions<Kind>,
): CartListResult {
  const { source, ...policy } = useCartListSource(hookName, owner, options);
  // The caller's options, then what must not change (key and function), then the package's
  // policies (which already hold the caller's retry and placeholder, kept to the shopper).
  return useQuery({
    ...options,
    ...cartListOptions(owner, source, params),
    ...(policy as Pick<CartListOptions<Kind>, "retry" | "retryDelay" | "placeholderData">),
  });
}

/** The signed-in owner's carts page after page: what both infinite list hooks share. */
export function useInfiniteCartList<Kind extends ShopperKind>(
  hookName: string,
  owner: ShopperKindDescriptor<Kind>,
  params: Pick<CartListParams, "limit"> | undefined,
  options: InfiniteCartListOptions<Kind>,
): InfiniteCartListResult {
  const { source, ...policy } = useCartListSource(hookName, owner, options);
  return useInfiniteQuery({
    ...options,
    ...infiniteCartListOptions(owner, source, params),
    ...(policy as Pick<InfiniteCartListOptions<Kind>, "retry" | "retryDelay" | "placeholderData">),
  });
}
