import type { CartResponse, Client } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import {
  queryOptions,
  type DataTag,
  type UndefinedInitialDataOptions,
} from "@tanstack/react-query";
import { invalidInput, type ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { requireClient, requireObject, requireSafeId } from "../errors/validate";
import { requireAccountSession, type AccountSession } from "../session/AccountSession";
import { requireSession, type CustomerSession } from "../session/CustomerSession";
import { accountKind } from "../session/AccountSession";
import {
  cartListOptions,
  infiniteCartListOptions,
  type CartListSource,
  type CartsQueryKey,
  type CartsQueryOptions,
  type CartListParams,
  type InfiniteCartsQueryKey,
  type InfiniteCartsQueryOptions,
} from "./cartLists";
import { showCachedCart } from "./cachedCart";
import { reflectCachedCarts } from "./cartListCache";
import { cartKeys } from "../keys";
import { customerKind } from "../session/CustomerSession";

/** Paging of a customer's carts: `limit` 1–100, `offset` 0–10000. */
export type CustomerCartsParams = CartListParams;
/** Paging of an account's carts: `limit` 1–100, `offset` 0–10000. */
export type AccountCartsParams = CartListParams;

/** What `cartQueries` lists a customer's carts with: the SDK client and the customer session. */
export interface CustomerCartsSource {
  client: Client;
  session: CustomerSession;
  /** Called when Elastic Path refuses the customer token (401): the session is over. */
  onUnauthorized?: () => void;
}

/** What `cartQueries` lists an account's carts with: the SDK client and the account session. */
export interface AccountCartsSource {
  client: Client;
  session: AccountSession;
  /** Called when Elastic Path refuses the account token (401): the session is over. */
  onUnauthorized?: () => void;
}

export type CustomerCartsQueryKey = CartsQueryKey<"customer">;
export type InfiniteCustomerCartsQueryKey = InfiniteCartsQueryKey<"customer">;
export type AccountCartsQueryKey = CartsQueryKey<"account">;
export type InfiniteAccountCartsQueryKey = InfiniteCartsQueryKey<"account">;
export type CustomerCartsQueryOptions = CartsQueryOptions<"customer">;
export type InfiniteCustomerCartsQueryOptions = InfiniteCartsQueryOptions<"customer">;
export type AccountCartsQueryOptions = CartsQueryOptions<"account">;
export type InfiniteAccountCartsQueryOptions = InfiniteCartsQueryOptions<"account">;

export type CartQueryKey = readonly ["epcc", "carts", "cart", string];
export type CartQueryOptions = UndefinedInitialDataOptions<
  CartResponse,
  ElasticPathError,
  CartResponse,
  CartQueryKey
> & {
  queryKey: DataTag<CartQueryKey, CartResponse, ElasticPathError>;
};

/** A source handed in by the app, checked like any input: its session's ids go into keys, its token into a header. */
function checkSource(
  source: unknown,
  requireSessionOf: (field: string, value: unknown) => CustomerSession | AccountSession,
): CartListSource {
  const { client, session, onUnauthorized } = requireObject("source", source);
  requireClient("source.client", client);
  const checked = requireSessionOf("source.session", session);
  if (onUnauthorized !== undefined && typeof onUnauthorized !== "function") {
    throw invalidInput("source.onUnauthorized must be a function.");
  }
  return {
    client: client as Client,
    signedIn:
      checked.status === "signed-in"
        ? {
            id: "customerId" in checked ? checked.customerId : checked.accountId,
            token: checked.token,
          }
        : undefined,
    onUnauthorized: onUnauthorized as (() => void) | undefined,
  };
}

/**
 * Query keys and options for carts, shared by the hooks, prefetching and route loaders.
 * Keys go from general to specific, are scoped by customer or account id and never hold a
 * token, so two shoppers on one device never share an entry.
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
  all: () => cartKeys.all(),
  /** Every cart list of one customer (paged and infinite). */
  customerKey: (customerId: string | null) => cartKeys.owner("customer", customerId),
  /** Every cart list of one account (paged and infinite). */
  accountKey: (accountId: string | null) => cartKeys.owner("account", accountId),

  /** One page of the signed-in customer's carts (`GET /v2/carts`); skipped while signed out. */
  customerCarts(
    source: CustomerCartsSource,
    params?: CustomerCartsParams,
  ): CustomerCartsQueryOptions {
    return cartListOptions(customerKind, checkSource(source, requireSession), params);
  },

  /** The signed-in customer's carts page after page, for "load more"; skipped while signed out. */
  infiniteCustomerCarts(
    source: CustomerCartsSource,
    params?: Pick<CustomerCartsParams, "limit">,
  ): InfiniteCustomerCartsQueryOptions {
    return infiniteCartListOptions(customerKind, checkSource(source, requireSession), params);
  },

  /** One page of the selected account's carts (`GET /v2/carts`); skipped while signed out. */
  accountCarts(source: AccountCartsSource, params?: AccountCartsParams): AccountCartsQueryOptions {
    return cartListOptions(accountKind, checkSource(source, requireAccountSession), params);
  },

  /** The selected account's carts page after page, for "load more"; skipped while signed out. */
  infiniteAccountCarts(
    source: AccountCartsSource,
    params?: Pick<AccountCartsParams, "limit">,
  ): InfiniteAccountCartsQueryOptions {
    return infiniteCartListOptions(accountKind, checkSource(source, requireAccountSession), params);
  },

  /** One cart's entry. */
  cartKey(cartId: string): CartQueryKey {
    reflectCachedCarts(showCachedCart);
    return cartKeys.cart(cartId);
  },

  /** One cart (`GET /v2/carts/:id`), e.g. for a cart badge; "My carts" reuses what it holds. */
  cart(source: { client: Client }, cartId: string): CartQueryOptions {
    const client = (source as Partial<typeof source> | null | undefined)?.client;
    requireClient("client", client);
    const id = requireSafeId("cartId", cartId);
    // A cart cached here shows in "My carts" as soon as it is associated.
    reflectCachedCarts(showCachedCart);
    return queryOptions<
      CartResponse,
      ElasticPathError,
      CartResponse,
      CartQueryKey
      // eslint-disable-next-line @tanstack/query/exhaustive-deps -- a cart is the same whichever client fetched it
    >({
      queryKey: cartKeys.cart(id),
      queryFn: async ({ signal }): Promise<CartResponse> => {
        const result = await answerOf(
          "Loading the cart",
          sdk.getACart({ client, signal, path: { cartID: id } }),
        );
        return result.data!.data!;
      },
      // The package's one retry rule: a refused client id or a 4xx is not asked again.
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
    });
  },
};
