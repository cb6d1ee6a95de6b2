/**
 * Renders stored carts and items as Elastic Path's JSON: the shapes of `CartResponse` and
 * `CartItemResponse` in Elastic Path's Carts OpenAPI file (carts-and-orders.yaml, in the public elasticpath/epcc-cli repository). Prices are in the cart's currency; custom items carry no tax,
 * so `with_tax` and `without_tax` are equal and `tax` is zero.
 */
import type {
  CartItemCollectionResponse,
  CartItemResponse,
  FormattedPriceData,
} from "@epcc-sdk/sdks-shopper";
import { CART_LIFETIME_MS } from "./inferred";
import type { StoredCart, StoredItem } from "./store";
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

function cartTotal(cart: StoredCart): number {
  return cart.items.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
}

function displayPrice(total: number, currency: string) {
  return {
    with_tax: money(total, currency),
    without_tax: money(total, currency),
    tax: money(0, currency),
    discount: money(0, currency),
    without_discount: money(total, currency),
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
      display_price: displayPrice(cartTotal(cart), cart.currency),
      timestamps: cartTimestamps(cart),
    },
    relationships: {
      // An empty cart answers `data: null`; a cart without customers (accounts) `{}` (contract: Carts).
      items: {
        data:
          cart.items.length === 0
            ? null
            : cart.items.map((item) => ({ type: "custom_item", id: item.id })),
      },
      customers: customers.length === 0 ? {} : { data: customers },
      accounts: accounts.length === 0 ? {} : { data: accounts },
    },
  };
  if (cart.contactEmail !== undefined) rendered.contact = { email: cart.contactEmail };
  return rendered;
}

function unitAndValue(unit: number, quantity: number, currency: string) {
  return { unit: money(unit, currency), value: money(unit * quantity, currency) };
}

/** An item of a cart whose currency is `currency`. */
export function renderItem(item: StoredItem, currency: string): CartItemResponse {
  return {
    id: item.id,
    type: "custom_item",
    name: item.name,
    description: item.description,
    sku: item.sku ?? "",
    slug: "",
    image: { mime_type: "", file_name: "", href: "" },
    quantity: item.quantity,
    manage_stock: false,
    unit_price: { amount: item.unitAmount, currency, includes_tax: item.includesTax },
    value: {
      amount: item.unitAmount * item.quantity,
      currency,
      includes_tax: item.includesTax,
    },
    links: {},
    meta: {
      display_price: {
        with_tax: unitAndValue(item.unitAmount, item.quantity, currency),
        without_tax: unitAndValue(item.unitAmount, item.quantity, currency),
        tax: unitAndValue(0, item.quantity, currency),
        discount: unitAndValue(0, item.quantity, currency),
        without_discount: unitAndValue(item.unitAmount, item.quantity, currency),
      },
      timestamps: {
        created_at: isoSeconds(item.createdAt),
        updated_at: isoSeconds(item.updatedAt),
      },
    },
  };
}

/** The 201 body of `POST /v2/carts/:id/items`: the cart's items and totals (`CartItemCollectionResponse`). */
export function renderItems(cart: StoredCart): CartItemCollectionResponse {
  return {
    data: cart.items.map((item) => renderItem(item, cart.currency)),
    meta: {
      display_price: displayPrice(cartTotal(cart), cart.currency),
      timestamps: cartTimestamps(cart),
    },
  };
}
