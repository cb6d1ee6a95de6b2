import type { Client } from "@epcc-sdk/sdks-shopper";
import { type DataTag, type UndefinedInitialDataOptions } from "@tanstack/react-query";
import { invalidInput, type ElasticPathError } from "../errors/ElasticPathError";
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
import type { Shopper } from "../session/sessionKind";
import { cartContentsOptions, type CartContents } from "../cart/cartContents";
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

/** What `cartQueries.cart` reads a cart with: the SDK client and, for a shopper's cart, their session. */
export interface CartSource {
  client: Client;
  /** The customer's or account member's session; leave it out for a guest's cart. */
  session?: CustomerSession | AccountSession;
  /** Called when Elastic Path refuses the session's token (401): the session is over. */
  onUnauthorized?: () => void;
}

export type CartQueryKey = readonly ["epcc", "carts", "cart", string];
export type CartQueryOptions = UndefinedInitialDataOptions<
  CartContents,
  ElasticPathError,
  CartContents,
  CartQueryKey
> & {
  queryKey: DataTag<CartQueryKey, CartContents, ElasticPathError>;
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

  /**
   * The cart with its items (`GET /v2/carts/:id?include=items`), the query behind `useCart`;
   * "My carts" reuses what it holds. A signed-in shopper's cart needs their session: its
   * token goes into the header (never the key).
   */
  cart(source: CartSource, cartId: string): CartQueryOptions {
    const { client, session, onUnauthorized } = (source ?? {}) as Partial<CartSource>;
    requireClient("client", client);
    const id = requireSafeId("cartId", cartId);
    let shopper: Shopper | undefined;
    if (session !== undefined) {
      const checked =
        "accountId" in requireObject("source.session", session)
          ? requireAccountSession("source.session", session)
          : requireSession("source.session", session);
      if (checked.status === "signed-in") {
        shopper =
          "accountId" in checked ? accountKind.shopperOf(checked) : customerKind.shopperOf(checked);
      }
    }
    if (onUnauthorized !== undefined && typeof onUnauthorized !== "function") {
      throw invalidInput("source.onUnauthorized must be a function.");
    }
    // A cart cached here shows in "My carts" as soon as it is associated.
    reflectCachedCarts(showCachedCart);
    return cartContentsOptions(
      {
        client: client as Client,
        shopper: () => shopper,
        signOutOn401: (token, request) =>
          request.catch((error: unknown) => {
            if (token && (error as { status?: unknown }).status === 401) {
              (onUnauthorized as (() => void) | undefined)?.();
            }
            throw error;
          }),
      },
      id,
    ) as CartQueryOptions;
  },
};
