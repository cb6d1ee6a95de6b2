/**
 * Renders stored carts and items as Elastic Path's JSON: the shapes of `CartResponse` and
 * `CartItemResponse` in Elastic Path's Carts OpenAPI file (carts-and-orders.yaml, in the public elasticpath/epcc-cli repository). Prices are in the cart's currency; the fake has no tax rates,
 * so `with_tax` and `without_tax` are equal and `tax` is zero. Promotion codes show as
 * `promotion_item`s whose negative price is their discount, as the spec's examples do.
 */
import type {
  CartItemCollectionResponse,
  CartItemResponse,
  FormattedPriceData,
} from "@epcc-sdk/sdks-shopper";
import { CART_LIFETIME_MS, PROMOTION_ITEM_DESCRIPTION } from "./inferred";
import type { StoredCart, StoredItem, StoredPromotionLine } from "./store";
import { cartTotals } from "./totals";
import type { Cart } from "./types";

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formats.set(currency, format);
  }
  return format;
}

/** `amount` in the currency's minor unit (cents for USD, yen for JPY), formatted for display. */
export function money(amount: number, currency: string): FormattedPriceData {
  const format = formatFor(currency);
  const minorUnits = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
  return { amount, currency, formatted: format.format(amount / minorUnits) };
}

/** Elastic Path's timestamps: ISO 8601 to the second, e.g. `"2025-09-10T22:28:29Z"`. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A cart's (or an order's) `meta.display_price`: its totals, formatted. */
export function displayPrice(cart: Pick<StoredCart, "items" | "promotions" | "currency">) {
  const { subtotal, discount, total } = cartTotals(cart);
  const { currency } = cart;
  return {
    with_tax: money(total, currency),
    without_tax: money(total, currency),
    tax: money(0, currency),
    discount: money(discount, currency),
    without_discount: money(subtotal, currency),
  };
}

function cartTimestamps(cart: StoredCart) {
  return {
    created_at: isoSeconds(cart.createdAt),
    updated_at: isoSeconds(cart.updatedAt),
    expires_at: isoSeconds(cart.updatedAt + CART_LIFETIME_MS),
  };
}

export function renderCart(cart: StoredCart, baseUrl: string): Cart {
  const customers = [...cart.customerIds].map((id) => ({ type: "customer", id }));
  const accounts = [...cart.accountIds].map((id) => ({ type: "account", id }));
  const rendered: Cart = {
    id: cart.id,
    type: "cart",
    name: cart.name,
    description: cart.description,
    links: { self: `${baseUrl}/v2/carts/${encodeURIComponent(cart.id)}` },
    meta: {
      display_price: displayPrice(cart),
      timestamps: cartTimestamps(cart),
    },
    relationships: {
      // An empty cart answers `data: null`; a cart without customers (accounts) `{}` (contract: Carts).
      items: { data: itemRelationships(cart) },
      customers: customers.length === 0 ? {} : { data: customers },
      accounts: accounts.length === 0 ? {} : { data: accounts },
    },
  };
  if (cart.contactEmail !== undefined) rendered.contact = { email: cart.contactEmail };
  return rendered;
}

function itemRelationships(cart: StoredCart) {
  if (cart.items.length === 0 && cart.promotions.length === 0) return null;
  return [
    ...cart.items.map((item) => ({
      type: item.product ? "cart_item" : "custom_item",
      id: item.id,
    })),
    ...cart.promotions.map((line) => ({ type: "promotion_item", id: line.id })),
  ];
}

function unitAndValue(unit: number, quantity: number, currency: string) {
  return { unit: money(unit, currency), value: money(unit * quantity, currency) };
}

/** An item's prices and timestamps, the part every kind of cart and order item shares. */
export function pricedItem(
  unitAmount: number,
  quantity: number,
  includesTax: boolean,
  currency: string,
  timestamps: { createdAt: number; updatedAt: number },
) {
  return {
    quantity,
    unit_price: { amount: unitAmount, currency, includes_tax: includesTax },
    value: { amount: unitAmount * quantity, currency, includes_tax: includesTax },
    meta: {
      display_price: {
        with_tax: unitAndValue(unitAmount, quantity, currency),
        without_tax: unitAndValue(unitAmount, quantity, currency),
        tax: unitAndValue(0, quantity, currency),
        discount: unitAndValue(0, quantity, currency),
        without_discount: unitAndValue(unitAmount, quantity, currency),
      },
      timestamps: {
        created_at: isoSeconds(timestamps.createdAt),
        updated_at: isoSeconds(timestamps.updatedAt),
      },
    },
  };
}

const NO_IMAGE = { mime_type: "", file_name: "", href: "" };

/** An item of a cart whose currency is `currency`: a catalog product or a custom item. */
export function renderItem(item: StoredItem, currency: string, baseUrl = ""): CartItemResponse {
  const { product } = item;
  return {
    id: item.id,
    type: product ? "cart_item" : "custom_item",
    ...(product && { product_id: product.productId }),
    name: item.name,
    description: item.description,
    sku: item.sku ?? "",
    slug: product ? (item.sku ?? "") : "",
    image: NO_IMAGE,
    manage_stock: product?.manageStock ?? false,
    links: product ? { product: `${baseUrl}/v2/products/${product.productId}` } : {},
    ...(product?.location !== undefined && { location: product.location }),
    ...(product?.bundleConfiguration !== undefined && {
      bundle_configuration: product.bundleConfiguration,
    }),
    ...pricedItem(item.unitAmount, item.quantity, item.includesTax, currency, item),
  };
}

/** An applied promotion code as the cart lists it: its discount as a negative price. */
export function renderPromotionItem(
  line: StoredPromotionLine,
  amount: number,
  currency: string,
): CartItemResponse {
  return {
    id: line.id,
    type: "promotion_item",
    promotion_id: line.promotion.id,
    name: line.promotion.name,
    description: PROMOTION_ITEM_DESCRIPTION,
    sku: line.promotion.code,
    slug: "",
    image: NO_IMAGE,
    manage_stock: false,
    links: {},
    ...pricedItem(amount, 1, false, currency, {
      createdAt: line.createdAt,
      updatedAt: line.createdAt,
    }),
  };
}

/** Every item of the cart, products and custom items first, then promotion items. */
export function renderCartItems(cart: StoredCart, baseUrl = ""): CartItemResponse[] {
  const { byPromotion } = cartTotals(cart);
  return [
    ...cart.items.map((item) => renderItem(item, cart.currency, baseUrl)),
    ...cart.promotions.map((line) =>
      renderPromotionItem(line, byPromotion.get(line.id) ?? 0, cart.currency),
    ),
  ];
}

/** The body of `POST`/`PUT`/`DELETE /v2/carts/:id/items...`: the cart's items and totals (`CartItemCollectionResponse`). */
export function renderItems(cart: StoredCart, baseUrl = ""): CartItemCollectionResponse {
  return {
    data: renderCartItems(cart, baseUrl),
    meta: {
      display_price: displayPrice(cart),
      timestamps: cartTimestamps(cart),
    },
  };
}
