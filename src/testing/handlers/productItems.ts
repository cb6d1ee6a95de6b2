/**
 * Catalog products in a cart: `{ data: { type: "cart_item", id | sku, quantity,
 * bundle_configuration?, location? } }` on `POST /v2/carts/:cartId/items`, and the stock
 * and price rules every change of a product's quantity follows (add, update, checkout).
 * As carts-and-orders.yaml documents them: 404 "Product not found", 400 "Insufficient
 * stock", 400 without a price in the cart's currency. A refusal changes nothing.
 */
import { renderItems } from "../cartView";
import type { StoredProduct } from "../catalog";
import { insufficientStock, productNotFound } from "../errors";
import { noPriceInCurrency, STORE_CURRENCY, tooManyItems } from "../inferred";
import { json, type FakeReply } from "../reply";
import type { FakeRuntime } from "../route";
import type { NewItem, ProductLine } from "../store";
import { invalid, isRecord, type Checked } from "./shared";

interface ProductItemRequest {
  reference: { id: string } | { sku: string };
  quantity: number;
  location?: string;
  bundleConfiguration?: Record<string, unknown>;
}

function parseProductItem(data: Record<string, unknown>): Checked<ProductItemRequest> {
  const { id, sku, quantity, location, bundle_configuration: bundle } = data;
  let reference: ProductItemRequest["reference"];
  if (typeof id === "string" && id !== "") reference = { id };
  else if (typeof sku === "string" && sku !== "") reference = { sku };
  else return invalid("data.id (a product id) or data.sku is required.");
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
    return invalid("data.quantity must be a positive integer.");
  }
  if (location !== undefined && (typeof location !== "string" || location === "")) {
    return invalid("data.location must be a location slug.");
  }
  if (bundle !== undefined && !isRecord(bundle)) {
    return invalid("data.bundle_configuration must be an object.");
  }
  const request: ProductItemRequest = { reference, quantity };
  if (location !== undefined) request.location = location;
  if (bundle !== undefined) request.bundleConfiguration = bundle;
  return { ok: true, value: request };
}

/**
 * The refusal, if any, of holding `quantity` units of `product` from `location` in the
 * cart: not enough stock there.
 */
export function stockRefusal(
  runtime: FakeRuntime,
  product: StoredProduct,
  location: string | undefined,
  quantity: number,
): FakeReply | undefined {
  return quantity > runtime.catalog.available(product, location)
    ? insufficientStock(product)
    : undefined;
}

/** The seeded product behind a cart line; a line always names a seeded product. */
export function productOf(runtime: FakeRuntime, line: ProductLine): StoredProduct {
  const product = runtime.catalog.getProduct(line.productId);
  if (!product) throw new Error(`The cart holds product ${line.productId}, which is not seeded.`);
  return product;
}

export function addProductItem(
  runtime: FakeRuntime,
  cartId: string,
  data: Record<string, unknown>,
): FakeReply {
  const request = parseProductItem(data);
  if (!request.ok) return request.reply;
  const { reference, quantity, location, bundleConfiguration } = request.value;
  const { catalog, store } = runtime;
  const product =
    "id" in reference ? catalog.getProduct(reference.id) : catalog.findBySku(reference.sku);
  if (!product) return productNotFound(reference);

  // Every check comes before any change: a refused add creates and changes no cart.
  const existing = store.getCart(cartId);
  const currency = existing?.currency ?? STORE_CURRENCY;
  const price = product.prices.get(currency);
  if (!price) return noPriceInCurrency(product, currency);
  const item: NewItem = {
    product: {
      productId: product.id,
      ...(location !== undefined && { location }),
      ...(bundleConfiguration !== undefined && { bundleConfiguration }),
      manageStock: product.stock !== undefined,
    },
    name: product.name,
    sku: product.sku,
    description: product.description,
    quantity,
    unitAmount: price.amount,
    includesTax: price.includesTax,
  };
  const line = existing && store.lineFor(existing, item);
  const refusal = stockRefusal(runtime, product, location, (line?.quantity ?? 0) + quantity);
  if (refusal) return refusal;

  const cart = existing ?? store.ensureCart(cartId);
  const { rejected } = store.addItems(cart, [item]);
  if (rejected.length > 0) return tooManyItems();
  return json(201, renderItems(cart, runtime.baseUrl));
}
