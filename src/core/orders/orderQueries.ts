import type { Client } from "@epcc-sdk/sdks-shopper";
import { invalidInput } from "../errors/ElasticPathError";
import { requireClient, requireObject } from "../errors/validate";
import { orderKeys } from "../keys";
import { accountKind, type AccountSession } from "../session/AccountSession";
import { customerKind, type CustomerSession } from "../session/CustomerSession";
import type { ShopperKindDescriptor } from "../session/sessionKind";
import {
  infiniteOrderListOptions,
  orderListOptions,
  orderOptions,
  type InfiniteOrdersQueryOptions,
  type OrderQueryOptions,
  type OrderReader,
  type OrdersParams,
  type OrdersQueryOptions,
} from "./orderRequests";

/** What `orderQueries` reads a shopper's orders with: the SDK client and their session. */
export interface OrdersSource {
  client: Client;
  /** The customer's or the account member's session: its ids go into keys, its token into a header. */
  session: CustomerSession | AccountSession;
  /** Called when Elastic Path refuses the session's token (401): the session is over. */
  onUnauthorized?: () => void;
}

/** A source handed in by the app, checked like any input. */
function readerOf(source: unknown): OrderReader {
  const { client, session, onUnauthorized } = requireObject("source", source);
  requireClient("source.client", client);
  const kind: ShopperKindDescriptor =
    "accountId" in requireObject("source.session", session) ? accountKind : customerKind;
  const checked = kind.check("source.session", session);
  if (onUnauthorized !== undefined && typeof onUnauthorized !== "function") {
    throw invalidInput("source.onUnauthorized must be a function.");
  }
  const shopper = checked.status === "signed-in" ? kind.shopperOf(checked) : undefined;
  return {
    client: client as Client,
    owner: shopper && { kind, shopper },
    latest: () => shopper,
    signOutOn401: (_token, request) =>
      request.catch((error: unknown) => {
        if ((error as { status?: unknown }).status === 401) {
          (onUnauthorized as (() => void) | undefined)?.();
        }
        throw error;
      }),
  };
}

/**
 * Query keys and options for the shopper's orders, shared by the hooks, prefetching and
 * route loaders; the same rules as `cartQueries`. Keys go from general to specific
 * (`["epcc", "orders", kind, id, …]`), are scoped by customer or account id and never hold
 * a token; the token travels in its kind's header (`X-Moltin-Customer-Token` or
 * `EP-Account-Management-Authentication-Token`). While the session is signed out, the
 * options send nothing.
 *
 * @example
 * ```ts
 * // Prefetch the order history on a server, for useOrders({ limit: 10 }) to hydrate:
 * await queryClient.prefetchQuery(orderQueries.orders({ client, session }, { limit: 10 }));
 * // One order with its items, for useOrder(orderId):
 * await queryClient.prefetchQuery(orderQueries.order({ client, session }, orderId));
 * // Everything cached of one customer's orders:
 * await queryClient.invalidateQueries({ queryKey: orderQueries.customerKey(customerId) });
 * ```
 */
export const orderQueries = {
  /** Everything this package caches about orders. */
  all: () => orderKeys.all(),
  /** Every order entry of one customer (lists and single orders). */
  customerKey: (customerId: string) => orderKeys.owner("customer", customerId),
  /** Every order entry of one account (lists and single orders). */
  accountKey: (accountId: string) => orderKeys.owner("account", accountId),

  /** One page of the shopper's orders, newest first (`GET /v2/orders`). */
  orders(source: OrdersSource, params?: OrdersParams): OrdersQueryOptions {
    return orderListOptions(readerOf(source), params);
  },

  /** The shopper's orders page after page, for "load more". */
  infiniteOrders(
    source: OrdersSource,
    params?: Pick<OrdersParams, "limit">,
  ): InfiniteOrdersQueryOptions {
    return infiniteOrderListOptions(readerOf(source), params);
  },

  /** One of the shopper's orders with its items (`GET /v2/orders/:id?include=items`). */
  order(source: OrdersSource, orderId: string): OrderQueryOptions {
    return orderOptions(readerOf(source), orderId);
  },
};
