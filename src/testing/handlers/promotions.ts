/**
 * Promotion codes: `{ data: { type: "promotion_item", code } }` on `POST
 * /v2/carts/:cartId/items`, and `DELETE /v2/carts/:cartId/discounts/:code`.
 * As carts-and-orders.yaml documents them: an unknown or ineligible code is a 404 "No
 * promotion could be found with the given code." with the code in `meta`, and leaves the
 * cart as it was; removing a code answers 204. How a code shows in the cart: inferred.ts.
 */
import { renderItems } from "../cartView";
import type { StoredPromotion } from "../catalog";
import { promotionNotFound } from "../errors";
import { removeUnappliedPromotion, STORE_CURRENCY } from "../inferred";
import { json, noContent, type FakeReply } from "../reply";
import type { FakeRuntime, Route } from "../route";
import { cartIdParam, invalid, shopperOfRequest } from "./shared";

/** A fixed amount off is only for carts in a currency it names. */
function eligible(promotion: StoredPromotion, currency: string): boolean {
  return promotion.discount.kind === "percent" || promotion.discount.amounts.has(currency);
}

export function applyPromotionCode(
  runtime: FakeRuntime,
  cartId: string,
  data: Record<string, unknown>,
): FakeReply {
  const { code } = data;
  if (typeof code !== "string" || code === "") return invalid("data.code is required.").reply;
  const { store } = runtime;
  const existing = store.getCart(cartId);
  const promotion = runtime.catalog.findPromotion(code);
  if (!promotion || !eligible(promotion, existing?.currency ?? STORE_CURRENCY)) {
    return promotionNotFound(code);
  }
  const cart = existing ?? store.ensureCart(cartId);
  store.applyPromotion(cart, promotion);
  return json(201, renderItems(cart, runtime.baseUrl));
}

export const deleteDiscountRoute: Route = {
  endpoint: "delete-discount",
  method: "DELETE",
  path: "/v2/carts/:cartId/discounts/:code",
  needsBearer: true,
  handle(request, runtime) {
    const cartId = cartIdParam(request);
    if (!cartId.ok) return cartId.reply;
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const code = request.params.code ?? "";
    const cart = runtime.store.getCart(cartId.value);
    if (!cart || !runtime.store.removePromotion(cart, code)) return removeUnappliedPromotion(code);
    return noContent();
  },
};
