/**
 * Renders stored orders as Elastic Path's JSON: `OrderResponse` and `OrderItemResponse` in
 * carts-and-orders.yaml. Totals are the cart's at checkout; nothing is paid yet, so the
 * balance owing is the total.
 */
import { isoSeconds, money, pricedItem } from "./cartView";
import { NEW_ORDER_STATUS } from "./inferred";
import type { StoredOrder } from "./orders";
import { cartTotals } from "./totals";
import type { FakeOrder, FakeOrderItem } from "./types";

function orderTotals(order: StoredOrder) {
  return cartTotals({
    currency: order.currency,
    items: order.items.map((line) => line.from),
    promotions: order.promotions.map((line) => line.from),
  });
}

export function renderOrder(order: StoredOrder, baseUrl: string): FakeOrder {
  const { subtotal, discount, total } = orderTotals(order);
  const { currency } = order;
  const relationship = (type: string, id: string | undefined) =>
    id === undefined ? {} : { [type]: { data: { type, id } } };
  return {
    type: "order",
    id: order.id,
    ...(order.orderNumber !== undefined && { order_number: order.orderNumber }),
    ...(order.externalRef !== undefined && { external_ref: order.externalRef }),
    ...NEW_ORDER_STATUS,
    anonymized: false,
    links: { self: `${baseUrl}/v2/orders/${order.id}` },
    meta: {
      display_price: {
        with_tax: money(total, currency),
        without_tax: money(total, currency),
        tax: money(0, currency),
        discount: money(discount, currency),
        balance_owing: money(total, currency),
        paid: money(0, currency),
        authorized: money(0, currency),
        without_discount: money(subtotal, currency),
      },
      timestamps: {
        created_at: isoSeconds(order.createdAt),
        updated_at: isoSeconds(order.createdAt),
      },
    },
    billing_address: order.billingAddress as FakeOrder["billing_address"],
    shipping_address: order.shippingAddress as FakeOrder["shipping_address"],
    ...(order.customer && { customer: order.customer }),
    ...(order.contact && { contact: order.contact }),
    relationships: {
      items: {
        data: [...order.items, ...order.promotions].map((line) => ({ type: "item", id: line.id })),
      },
      ...relationship("customer", order.customer?.id),
      ...relationship("account", order.accountId),
      ...relationship("account_member", order.accountMemberId),
    },
  };
}

/** The order's items: products and custom items, then its promotions (as negative lines). */
export function renderOrderItems(order: StoredOrder): FakeOrderItem[] {
  const { byPromotion } = orderTotals(order);
  const { currency } = order;
  const at = { createdAt: order.createdAt, updatedAt: order.createdAt };
  const items = order.items.map(({ id, from: item }): FakeOrderItem => {
    return {
      type: "order_item",
      id,
      ...(item.product && { product_id: item.product.productId }),
      ...(item.product?.location !== undefined && { location: item.product.location }),
      name: item.name,
      sku: item.sku ?? "",
      ...pricedItem(item.unitAmount, item.quantity, item.includesTax, currency, at),
      links: {},
      relationships: {
        cart_item: { data: { type: item.product ? "cart_item" : "custom_item", id: item.id } },
      },
    };
  });
  const promotions = order.promotions.map(({ id, from: line }): FakeOrderItem => {
    return {
      type: "order_item",
      id,
      name: line.promotion.name,
      sku: line.promotion.code,
      ...pricedItem(byPromotion.get(line.id) ?? 0, 1, false, currency, at),
      links: {},
      relationships: { cart_item: { data: { type: "promotion_item", id: line.id } } },
    };
  });
  return [...items, ...promotions];
}
