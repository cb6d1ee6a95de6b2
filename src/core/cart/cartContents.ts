import type { CartsResponse, Client } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { changeCartInLists } from "../carts/cartListEdits";
import type { CartContents, CartItem } from "../carts/cartEntry";
import { tokenHeaders } from "../carts/shopperCall";
import { cartKeys, listsOf } from "../keys";
import type { Shopper } from "../session/sessionKind";
import { showWithWishes, withWishes } from "./itemWishes";

export type { CartContents } from "../carts/cartEntry";

/** How a cart read finds its shopper (whose token it sends) and tells of a refused token. */
export interface CartReader {
  client: Client;
  /** The shopper signed in when the read is sent; none for a guest. */
  shopper: () => Shopper | undefined;
  /** The one 401 rule (`store.signOutOn401`); a server's prefetch passes its own. */
  signOutOn401: <Result>(token: string | undefined, request: Promise<Result>) => Promise<Result>;
}

/**
 * The current cart with its items in one request (`GET /v2/carts/:id?include=items`), with
 * the shopper's token while one is signed in: a cart of theirs is refused without it.
 * Quantity changes still in the air show over Elastic Path's answer (see itemWishes.ts).
 */
export function cartContentsOptions(reader: CartReader, cartId: string) {
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- a cart is the same whichever client fetched it
  return queryOptions<CartContents, ElasticPathError, CartContents, readonly string[]>({
    queryKey: cartKeys.cart(cartId),
    queryFn: async ({ signal, client: queryClient }) => {
      const shopper = reader.shopper();
      const { data } = await reader.signOutOn401(
        shopper?.token,
        answerOf(
          "Loading the cart",
          sdk.getACart({
            client: reader.client,
            signal,
            path: { cartID: cartId },
            query: { include: ["items"] },
            headers: shopper && tokenHeaders(shopper),
          }),
        ),
      );
      const contents: CartContents = {
        cart: data!.data,
        items: (data as { included?: { items?: CartItem[] } }).included?.items ?? [],
      };
      // The query writes what it returns: the wishes shown over it, and Elastic Path's copy kept.
      return withWishes(queryClient, cartId, contents);
    },
    // The package's one retry rule: a refused client id or a 4xx is not asked again.
    retry: retryTransientFailures,
    retryDelay: retryDelayFor,
  });
}

/**
 * Elastic Path's answer to an item change (the cart's items and new totals) into the cart's
 * own entry and the shopper's cached "My carts" lists: no read follows. Returns the cart as
 * now known; without a cached copy, the cart is its id and totals.
 */
export async function showItemsAnswer(
  queryClient: QueryClient,
  cartId: string,
  answer: CartsResponse,
  shopper: Shopper | undefined,
): Promise<CartContents> {
  const queryKey = cartKeys.cart(cartId);
  // A read sent before the change would answer with the cart as it was.
  await queryClient.cancelQueries({ queryKey, exact: true });
  const meta = answer.meta;
  const before = queryClient.getQueryData<CartContents>(queryKey)?.cart;
  const cart = {
    ...(before ?? { id: cartId, type: "cart" as const }),
    meta: { ...before?.meta, ...meta },
  };
  if (shopper) changeCartInLists(queryClient, listsOf(shopper), cartId, { meta: cart.meta });
  return showWithWishes(
    queryClient,
    cartId,
    {
      cart,
      items: answer.data ?? [],
    },
    before !== undefined,
  );
}
