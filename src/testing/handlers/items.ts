/**
 * `POST /v2/carts/:cartId/items`: custom items (no catalog needed), catalog products
 * (productItems.ts), promotion codes (promotions.ts) and cart merges.
 * As Elastic Path's API reference documents it (elasticpath.dev): "Adding items" and "Merging a guest cart".
 * With an account token, a merge's target must be that account's cart.
 * Subscriptions, re-orders and bulk adds of items are not modelled.
 */
import { renderItems } from "../cartView";
import { badRequest, SAFE_ID, unsafeCartId } from "../errors";
import {
  currencyMismatch,
  itemLeftOut,
  mergeFromUnknownCart,
  mergeIntoCartOfAnotherAccount,
  mergeIntoItself,
  mergeRefusedAllOrNothing,
  STORE_CURRENCY,
  TOO_MANY_ITEMS,
  tooManyItems,
} from "../inferred";
import { json, type FakeReply } from "../reply";
import type { FakeRuntime, Route } from "../route";
import type { NewItem, StoredCart } from "../store";
import { addProductItem } from "./productItems";
import { applyPromotionCode } from "./promotions";
import {
  cartIdParam,
  invalid,
  isRecord,
  jsonBody,
  shopperOfRequest,
  type Checked,
  type Shopper,
} from "./shared";

export const addItemsRoute: Route = {
  endpoint: "add-items",
  method: "POST",
  path: "/v2/carts/:cartId/items",
  needsBearer: true,
  handle(request, runtime) {
    const cartId = cartIdParam(request);
    if (!cartId.ok) return cartId.reply;
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const body = jsonBody(request);
    if (!body.ok) return body.reply;
    const data = isRecord(body.value) ? body.value.data : undefined;

    // The contract and the spec's example send a merge as an array of `cart_items`; the
    // spec's CartMergeObjectRequest schema has a single object. Both are accepted.
    const isMerge = Array.isArray(data) || (isRecord(data) && data.type === "cart_items");
    if (isMerge) return merge(runtime, shopper.value, cartId.value, data, body.value);
    if (isRecord(data)) {
      if (data.type === "custom_item") return addCustomItem(runtime, cartId.value, data);
      if (data.type === "cart_item") return addProductItem(runtime, cartId.value, data);
      if (data.type === "promotion_item") return applyPromotionCode(runtime, cartId.value, data);
    }
    return badRequest(
      'The fake Elastic Path supports data of type "cart_item", "custom_item" or "promotion_item", or "cart_items" (one entry or an array) to merge.',
    );
  },
};

function addCustomItem(
  runtime: FakeRuntime,
  cartId: string,
  data: Record<string, unknown>,
): FakeReply {
  const item = parseCustomItem(data);
  if (!item.ok) return item.reply;
  const cart = runtime.store.ensureCart(cartId);
  const { rejected } = runtime.store.addItems(cart, [item.value]);
  if (rejected.length > 0) return tooManyItems();
  return json(201, renderItems(cart, runtime.baseUrl));
}

function parseCustomItem(data: Record<string, unknown>): Checked<NewItem> {
  const { name, sku, description, quantity, price } = data;
  if (typeof name !== "string" || name === "") return invalid("data.name is required.");
  if (sku !== undefined && typeof sku !== "string") return invalid("data.sku must be a string.");
  if (description !== undefined && typeof description !== "string") {
    return invalid("data.description must be a string.");
  }
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
    return invalid("data.quantity must be a positive integer.");
  }
  if (!isRecord(price)) return invalid("data.price is required.");
  const { amount, includes_tax: includesTax } = price;
  if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 0) {
    return invalid("data.price.amount must be an integer >= 0 (minor units).");
  }
  if (includesTax !== undefined && typeof includesTax !== "boolean") {
    return invalid("data.price.includes_tax must be a boolean.");
  }
  return {
    ok: true,
    value: {
      name,
      sku,
      description,
      quantity,
      unitAmount: amount,
      includesTax,
    },
  };
}

function merge(
  runtime: FakeRuntime,
  shopper: Shopper,
  targetId: string,
  data: unknown,
  body: unknown,
): FakeReply {
  const entries = Array.isArray(data) ? data : [data];
  const sourceIds: string[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || entry.type !== "cart_items" || typeof entry.cart_id !== "string") {
      return badRequest('Each merge entry needs type "cart_items" and a cart_id.');
    }
    if (!SAFE_ID.test(entry.cart_id)) {
      return unsafeCartId(entry.cart_id);
    }
    if (entry.cart_id === targetId) return mergeIntoItself();
    sourceIds.push(entry.cart_id);
  }
  const { store } = runtime;
  // Every check comes before any change: a refused merge creates and changes no cart.
  const existingTarget = store.getCart(targetId);
  if (shopper.kind === "account" && !existingTarget?.accountIds.has(shopper.accountId)) {
    return mergeIntoCartOfAnotherAccount();
  }
  const targetCurrency = existingTarget?.currency ?? STORE_CURRENCY;
  const options = isRecord(body) ? body.options : undefined;
  const allOrNothing = isRecord(options) && options.add_all_or_nothing === true;

  const copied: NewItem[] = [];
  for (const sourceId of sourceIds) {
    const source = store.getCart(sourceId);
    if (!source) {
      const refusal = mergeFromUnknownCart(sourceId);
      if (refusal) return refusal;
      continue;
    }
    if (source.currency !== targetCurrency) {
      return currencyMismatch({ currency: targetCurrency }, source);
    }
    // Copies: the source cart is read only and stays as it was (spec: Merging Carts).
    copied.push(...itemsOf(source));
  }
  if (allOrNothing) {
    const leftOut = store.wouldReject(existingTarget, copied);
    if (leftOut.length > 0) return mergeRefusedAllOrNothing(leftOut);
  }

  // Only items are added: the target keeps its name, description and associations, as
  // Elastic Path keeps custom attributes, custom discounts and the payment intent
  // (spec, Merging Carts).
  const target = existingTarget ?? store.ensureCart(targetId);
  const { rejected } = store.addItems(target, copied);
  const answer = renderItems(target, runtime.baseUrl);
  if (rejected.length > 0) {
    answer.errors = rejected.map((item) =>
      itemLeftOut(item, { status: TOO_MANY_ITEMS.status, detail: "was not added." }),
    );
  }
  return json(201, answer);
}

/** A source cart's items, as items to add elsewhere (a merge copies them, not its promotion codes). */
function itemsOf(cart: StoredCart): NewItem[] {
  return cart.items.map((item) => ({
    ...(item.product && { product: { ...item.product } }),
    name: item.name,
    sku: item.sku,
    description: item.description,
    quantity: item.quantity,
    unitAmount: item.unitAmount,
    includesTax: item.includesTax,
  }));
}
