/**
 * Changing what a cart holds: `PUT` and `DELETE /v2/carts/:cartId/items/:itemId`, and
 * `DELETE /v2/carts/:cartId/items` (empty the cart). As carts-and-orders.yaml documents
 * them ("Update a Cart Item", "Delete a Cart Item", "Delete all Cart Items"): an update or
 * a removal answers 200 with the cart's items and totals, emptying answers 204 and keeps
 * the cart, its name and its associations. Like adding items, these take a shopper token
 * (a bad one is a 401) but need none.
 */
import { renderItems } from "../cartView";
import { cartItemNotFound, deleteUnknownItem, QUANTITY_ZERO_REMOVES } from "../inferred";
import { json, noContent } from "../reply";
import type { FakeRequest, FakeRuntime, Route } from "../route";
import type { StoredCart } from "../store";
import { productOf, stockRefusal } from "./productItems";
import { cartIdParam, invalid, isRecord, jsonBody, shopperOfRequest, type Checked } from "./shared";

/** The cart of `:cartId` (created on demand, as `GET` does) once the id and the shopper token check out. */
function cartOfRequest(request: FakeRequest, runtime: FakeRuntime): Checked<StoredCart> {
  const cartId = cartIdParam(request);
  if (!cartId.ok) return cartId;
  const shopper = shopperOfRequest(request, runtime);
  if (!shopper.ok) return shopper;
  return { ok: true, value: runtime.store.ensureCart(cartId.value) };
}

/** `data.quantity` of an update: `undefined` when absent (only other fields change). */
function quantityOf(request: FakeRequest): Checked<number | undefined> {
  const body = jsonBody(request);
  if (!body.ok) return body;
  const data = isRecord(body.value) ? body.value.data : undefined;
  if (!isRecord(data)) return invalid("data must be an object.");
  const { quantity } = data;
  if (quantity === undefined) return { ok: true, value: undefined };
  const least = QUANTITY_ZERO_REMOVES ? 0 : 1;
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < least) {
    return invalid(`data.quantity must be an integer >= ${least}.`);
  }
  return { ok: true, value: quantity };
}

export const updateItemRoute: Route = {
  endpoint: "update-item",
  method: "PUT",
  path: "/v2/carts/:cartId/items/:itemId",
  needsBearer: true,
  handle(request, runtime) {
    const cart = cartOfRequest(request, runtime);
    if (!cart.ok) return cart.reply;
    const quantity = quantityOf(request);
    if (!quantity.ok) return quantity.reply;
    const itemId = request.params.itemId ?? "";
    const item = cart.value.items.find((candidate) => candidate.id === itemId);
    if (!item) return cartItemNotFound(itemId);
    if (quantity.value !== undefined) {
      if (item.product && quantity.value > item.quantity) {
        const product = productOf(runtime, item.product);
        const refusal = stockRefusal(runtime, product, item.product.location, quantity.value);
        if (refusal) return refusal;
      }
      runtime.store.setQuantity(cart.value, itemId, quantity.value);
    }
    return json(200, renderItems(cart.value, runtime.baseUrl));
  },
};

export const deleteItemRoute: Route = {
  endpoint: "delete-item",
  method: "DELETE",
  path: "/v2/carts/:cartId/items/:itemId",
  needsBearer: true,
  handle(request, runtime) {
    const cart = cartOfRequest(request, runtime);
    if (!cart.ok) return cart.reply;
    const itemId = request.params.itemId ?? "";
    if (!runtime.store.removeItem(cart.value, itemId)) {
      const refusal = deleteUnknownItem(itemId);
      if (refusal) return refusal;
    }
    return json(200, renderItems(cart.value, runtime.baseUrl));
  },
};

export const clearItemsRoute: Route = {
  endpoint: "clear-items",
  method: "DELETE",
  path: "/v2/carts/:cartId/items",
  needsBearer: true,
  handle(request, runtime) {
    const cart = cartOfRequest(request, runtime);
    if (!cart.ok) return cart.reply;
    runtime.store.clearItems(cart.value);
    return noContent();
  },
};
