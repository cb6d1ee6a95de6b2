import type { CartsResponse, ManageCartsData } from "@epcc-sdk/sdks-shopper";
import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import type { CartContents } from "../carts/cartEntry";
import type { Scope } from "../carts/scope";
import { cartKeys } from "../keys";
import { sendAtMostOnce, type Call } from "../session/call";
import { addToCart, checkCode, removeItem, setItemQuantity, type CartRequester } from "./cartItems";
import { cartContentsOptions, showItemsAnswer, type CartReader } from "./cartContents";
import { dropWish, inCartOrder, sendWish, wishQuantity } from "./itemWishes";
import { forgetCartContentsWithTheShopper } from "./forgottenWithTheShopper";
import { currentOrNewCart } from "./lazyCart";

/**
 * What each cart hook does, React-free: the request on the current cart for the call's
 * shopper, then Elastic Path's answer into the cache (`useCart` and "My carts") — unless the
 * call's shopper has gone meanwhile, whose cache is gone too.
 */

/**
 * How the engine reads a cart: the scope's client, and the shopper signed in when the read is
 * sent — or, for the read that follows a call, that call's shopper.
 */
export function readerOf(scope: Scope, shopper = () => scope.store.latest().shopper): CartReader {
  const { client, store } = scope;
  forgetCartContentsWithTheShopper(scope);
  return {
    client,
    shopper,
    signOutOn401: (token, request) => store.signOutOn401(token, request),
  };
}

function onCurrentCart(scope: Scope, call: Call): CartRequester {
  const cartId = scope.store.latest().cartId;
  if (!cartId) throw invalidInput("There is no current cart: add an item first.");
  return { ...scope, shopper: call.shopper, cartId };
}

/** Whether what answered may be written: a guest's call, or one whose shopper is still signed in. */
const mayWrite = (scope: Scope, { shopper }: CartRequester) =>
  !shopper || scope.store.isShopper(shopper);

/**
 * Sends a request about the cart's items, in turn (see `inCartOrder`), and writes its answer,
 * unless the call's shopper has gone (their cache is gone too).
 */
async function sendAndWrite(
  scope: Scope,
  requester: CartRequester,
  send: () => Promise<CartsResponse>,
): Promise<CartContents> {
  const { queryClient } = scope;
  const { cartId, shopper } = requester;
  const answer = await inCartOrder(queryClient, cartId, send);
  if (mayWrite(scope, requester)) return showItemsAnswer(queryClient, cartId, answer, shopper);
  return {
    cart: { id: cartId, type: "cart" as const, meta: answer.meta },
    items: answer.data ?? [],
  };
}

/** The cart read once more with the call's shopper's token, and written (after a 204). */
async function readAgain(scope: Scope, requester: CartRequester): Promise<CartContents> {
  return scope.queryClient.fetchQuery({
    ...cartContentsOptions(
      readerOf(scope, () => requester.shopper),
      requester.cartId,
    ),
    staleTime: 0,
  });
}

/**
 * An item added to the current cart, the cart created first if there is none. An add whose
 * answer was lost is not sent again: the cart is read again instead, for the storefront to
 * show what Elastic Path has.
 */
export function add(
  scope: Scope,
  call: Call,
  body: NonNullable<ManageCartsData["body"]>,
): Promise<CartContents> {
  return sendAtMostOnce(
    call,
    async () => {
      const cartId = await currentOrNewCart(scope, call.shopper);
      return addOn(scope, { ...scope, shopper: call.shopper, cartId }, "Adding the item", body);
    },
    mayHaveApplied,
  );
}

/** What `addToCart` and the lazy cart throw when Elastic Path may have applied a request whose answer was lost. */
const mayHaveApplied = (error: unknown) =>
  error instanceof ElasticPathError && error.cause instanceof ElasticPathError && !error.retryable;

async function addOn(
  scope: Scope,
  requester: CartRequester,
  action: string,
  body: NonNullable<ManageCartsData["body"]>,
): Promise<CartContents> {
  try {
    return await sendAndWrite(scope, requester, () => addToCart(requester, action, body));
  } catch (error) {
    // Not sent again (addToCart): what Elastic Path has is read instead.
    if (mayHaveApplied(error) && mayWrite(scope, requester)) {
      void scope.queryClient.invalidateQueries({
        queryKey: cartKeys.cart(requester.cartId),
        exact: true,
      });
    }
    throw error;
  }
}

/** What a quantity change is, kept across its retries: which cart and item, which wish. */
interface ItemChange {
  cartId: string;
  itemId: string;
  wish: number;
}
const itemChanges = new WeakMap<object, ItemChange>();

/**
 * A quantity change (`remove`: a removal), shown at once and sent as the latest wish for the
 * item (see itemWishes.ts). `variables` is the call's own object: its retries send again.
 */
export function changeQuantity(
  scope: Scope,
  call: Call,
  variables: object,
  itemId: string,
  quantity: number,
  remove: boolean,
): Promise<CartContents> {
  const { queryClient } = scope;
  const requester = onCurrentCart(scope, call);
  let change = itemChanges.get(variables);
  if (!change) {
    change = {
      cartId: requester.cartId,
      itemId,
      wish: wishQuantity(queryClient, requester.cartId, itemId, quantity),
    };
    itemChanges.set(variables, change);
  }
  const on = { ...requester, cartId: change.cartId };
  return sendWish(queryClient, change.cartId, itemId, change.wish, () =>
    sendAndWrite(scope, on, () =>
      remove ? removeItem(on, itemId) : setItemQuantity(on, itemId, quantity),
    ),
  );
}

/** A change refused for good: Elastic Path's quantity shows again. */
export function refused(scope: Scope, variables: object): void {
  const change = itemChanges.get(variables);
  if (change) dropWish(scope.queryClient, change.cartId, change.itemId, change.wish);
}

/** A request on the current cart that Elastic Path answers with 204, then the cart read once. */
export async function thenReadAgain(
  scope: Scope,
  call: Call,
  request: (requester: CartRequester) => Promise<void>,
): Promise<CartContents> {
  const requester = onCurrentCart(scope, call);
  await request(requester);
  // Not for a shopper who has gone: the read would carry the next one's token, or none.
  if (!mayWrite(scope, requester)) {
    throw new ElasticPathError("The shopper signed out before the cart could be read again.");
  }
  return readAgain(scope, requester);
}

/**
 * A promotion code applied to the current cart (a `promotion_item`). Elastic Path's refusal
 * of an unknown code does not name it (its `meta.code` does): the message here does.
 */
export function applyCode(scope: Scope, call: Call, variables: unknown): Promise<CartContents> {
  const { code } = checkCode(variables);
  const body = { data: { type: "promotion_item", code } } as NonNullable<ManageCartsData["body"]>;
  return sendAtMostOnce(
    call,
    () => addOn(scope, onCurrentCart(scope, call), `Applying the promotion code "${code}"`, body),
    mayHaveApplied,
  );
}
