/**
 * A cart's totals, from its items and the promotion codes applied to it, in the cart's
 * currency (minor units). The fake has no tax rates: tax is zero, so with and without
 * tax are equal. Shared by carts and the orders checkout makes from them.
 */
import { percentOff } from "./inferred";
import type { StoredCart, StoredPromotionLine } from "./store";

export interface CartTotals {
  /** Items' values before discounts. */
  subtotal: number;
  /** Zero or negative: what the promotions take off. */
  discount: number;
  /** `subtotal + discount`, never below zero. */
  total: number;
  /** Each applied promotion's share of `discount` (zero or negative), by promotion item id. */
  byPromotion: Map<string, number>;
}

export function cartTotals(
  cart: Pick<StoredCart, "items" | "promotions" | "currency">,
): CartTotals {
  const subtotal = cart.items.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  const byPromotion = new Map<string, number>();
  let left = subtotal;
  for (const line of cart.promotions) {
    // Promotions stack in the order applied; none takes the total below zero.
    const off = Math.min(left, wanted(line, subtotal, cart.currency));
    left -= off;
    byPromotion.set(line.id, -off);
  }
  return { subtotal, discount: left - subtotal, total: left, byPromotion };
}

function wanted(line: StoredPromotionLine, subtotal: number, currency: string): number {
  const { discount } = line.promotion;
  return discount.kind === "percent"
    ? percentOff(subtotal, discount.percent)
    : (discount.amounts.get(currency) ?? 0);
}
