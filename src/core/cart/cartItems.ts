import type { CartsResponse, Client, ManageCartsData } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { optionalInteger, requireObject, requireSafeId, requireText } from "../errors/validate";
import { outcomeUnknown } from "../carts/myCarts";
import { tokenHeaders } from "../carts/shopperCall";
import type { Shopper } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";

/**
 * The cart's item requests, each with its input checks, sent on the current cart with the
 * token of the shopper the call was made for (none for a guest). The hooks add the cache
 * work around them (cartChanges.ts).
 */

/** What `useAddCartItem` adds: a catalog product (by id or SKU), or a custom item. */
export type CartItemInput =
  | {
      productId: string;
      /** A whole number ≥ 1; default 1. */
      quantity?: number;
      /** A bundle's chosen options, as Elastic Path's `bundle_configuration`. */
      bundleConfiguration?: Record<string, unknown>;
      location?: string;
    }
  | { sku: string; quantity?: number }
  | {
      custom: {
        name: string;
        sku: string;
        /** In the currency's minor units (cents). */
        price: { amount: number; includesTax?: boolean };
        quantity?: number;
        description?: string;
      };
    };

export interface UpdateCartItemVariables {
  itemId: string;
  /** A whole number ≥ 0; 0 removes the item. */
  quantity: number;
}

export interface RemoveCartItemVariables {
  itemId: string;
}

export interface PromotionCodeVariables {
  code: string;
}

// Elastic Path's cart item quantity is an integer; beyond this it is a typing slip, not an order.
const MAX_QUANTITY = 1_000_000;
const MAX_CODE_LENGTH = 256;

const quantityOf = (field: string, value: unknown, min = 1) =>
  optionalInteger(field, value, min, MAX_QUANTITY) ?? 1;

/** The body of `POST /v2/carts/:id/items` for an item, checked before anything is sent. */
export function itemBody(input: unknown): NonNullable<ManageCartsData["body"]> {
  const item = requireObject("item", input);
  if ("custom" in item) {
    const custom = requireObject("item.custom", item.custom);
    const price = requireObject("item.custom.price", custom.price);
    const amount = optionalInteger("item.custom.price.amount", price.amount, 0, 2 ** 53 - 1);
    if (amount === undefined) throw invalidInput("item.custom.price.amount is required.");
    if (price.includesTax !== undefined && typeof price.includesTax !== "boolean") {
      throw invalidInput("item.custom.price.includesTax must be true or false.");
    }
    if (custom.description !== undefined)
      requireText("item.custom.description", custom.description, 10_000);
    return {
      data: {
        type: "custom_item",
        name: requireText("item.custom.name", custom.name, 255),
        sku: requireText("item.custom.sku", custom.sku),
        price: { amount, includes_tax: price.includesTax ?? true },
        quantity: quantityOf("item.custom.quantity", custom.quantity),
        ...(custom.description === undefined ? {} : { description: custom.description as string }),
      },
    } as NonNullable<ManageCartsData["body"]>;
  }
  const quantity = quantityOf("item.quantity", item.quantity);
  if ("sku" in item && !("productId" in item)) {
    return { data: { type: "cart_item", sku: requireText("item.sku", item.sku), quantity } };
  }
  if (!("productId" in item)) {
    throw invalidInput("item must have a productId, a sku or a custom item.");
  }
  const { bundleConfiguration, location } = item;
  if (bundleConfiguration !== undefined)
    requireObject("item.bundleConfiguration", bundleConfiguration);
  if (location !== undefined) requireText("item.location", location);
  return {
    data: {
      type: "cart_item",
      id: requireSafeId("item.productId", item.productId),
      quantity,
      ...(bundleConfiguration === undefined ? {} : { bundle_configuration: bundleConfiguration }),
      ...(location === undefined ? {} : { location: location as string }),
    },
  } as NonNullable<ManageCartsData["body"]>;
}

export function checkUpdate(variables: unknown): UpdateCartItemVariables {
  const { itemId, quantity } = requireObject("variables", variables);
  if (quantity === undefined) throw invalidInput("quantity is required.");
  return {
    itemId: requireSafeId("itemId", itemId),
    quantity: quantityOf("quantity", quantity, 0),
  };
}

export function checkRemoval(variables: unknown): RemoveCartItemVariables {
  return { itemId: requireSafeId("itemId", requireObject("variables", variables).itemId) };
}

export function checkCode(variables: unknown): PromotionCodeVariables {
  return {
    code: requireText("code", requireObject("variables", variables).code, MAX_CODE_LENGTH).trim(),
  };
}

/** Who sends, on which cart: the client, the store its 401 rule and session checks live in. */
export interface CartRequester {
  client: Client;
  store: SessionStore;
  /** The shopper the call was made for; undefined for a guest. */
  shopper: Shopper | undefined;
  cartId: string;
}

/**
 * One request about the cart: refused before sending if the call's session has ended (it
 * would carry a token that is no longer the shopper's), with the one 401 rule around it.
 */
async function cartRequest<Result extends { response: Response }>(
  { store, shopper }: CartRequester,
  action: string,
  request: () => Promise<Result>,
): Promise<Result> {
  if (shopper && !store.isCurrent(shopper)) {
    throw new ElasticPathError(`${action} was not sent: the shopper signed out first.`);
  }
  return store.signOutOn401(shopper?.token, answerOf(action, request()));
}

const headersOf = (shopper: Shopper | undefined) => shopper && tokenHeaders(shopper);

/**
 * An item or a promotion code added (`POST /v2/carts/:id/items`). Not idempotent: after a
 * network failure or a 5xx Elastic Path may have added it, and a second one would add the
 * quantity twice, so the error says so and is final (`retryable: false`).
 */
export async function addToCart(
  requester: CartRequester,
  action: string,
  body: NonNullable<ManageCartsData["body"]>,
): Promise<CartsResponse> {
  const { client, cartId, shopper } = requester;
  try {
    const { data } = await cartRequest(requester, action, () =>
      sdk.manageCarts({ client, path: { cartID: cartId }, body, headers: headersOf(shopper) }),
    );
    return data!;
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const failure = error as ElasticPathError;
    throw new ElasticPathError(
      `${failure.message.replace(/\.$/, "")}, and Elastic Path may have applied it all the same: it was not sent again (a second one could add it twice), and the cart is read again.`,
      { status: failure.status, errors: failure.errors, retryable: false, cause: failure },
    );
  }
}

/** `PUT /v2/carts/:id/items/:itemId`: sets a quantity, so it may be sent again. */
export async function setItemQuantity(
  requester: CartRequester,
  itemId: string,
  quantity: number,
): Promise<CartsResponse> {
  const { client, cartId, shopper } = requester;
  const { data } = await cartRequest(requester, "Changing the item's quantity", () =>
    sdk.updateACartItem({
      client,
      path: { cartID: cartId, cartitemID: itemId },
      body: { data: { id: itemId, quantity } },
      headers: headersOf(shopper),
    }),
  );
  return data!;
}

/** `DELETE /v2/carts/:id/items/:itemId`. */
export async function removeItem(requester: CartRequester, itemId: string): Promise<CartsResponse> {
  const { client, cartId, shopper } = requester;
  const { data } = await cartRequest(requester, "Removing the item", () =>
    sdk.deleteACartItem({
      client,
      path: { cartID: cartId, cartitemID: itemId },
      headers: headersOf(shopper),
    }),
  );
  return data!;
}

/** `DELETE /v2/carts/:id/items`: Elastic Path answers 204, so the cart is read after. */
export async function clearItems(requester: CartRequester): Promise<void> {
  const { client, cartId, shopper } = requester;
  await cartRequest(requester, "Clearing the cart", () =>
    sdk.deleteAllCartItems({ client, path: { cartID: cartId }, headers: headersOf(shopper) }),
  );
}

/** `DELETE /v2/carts/:id/discounts/:code`: 204 too. */
export async function removePromotionCode(requester: CartRequester, code: string): Promise<void> {
  const { client, cartId, shopper } = requester;
  await cartRequest(requester, `Removing the promotion code "${code}"`, () =>
    sdk.deleteAPromotionViaPromotionCode({
      client,
      path: { cartID: cartId, promoCode: code },
      headers: headersOf(shopper),
    }),
  );
}
