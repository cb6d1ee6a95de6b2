/**
 * The cart page's catalog: products seeded into the story's fake with fixed ids, so the
 * page can add them by id (`useAddCartItem({ productId })`) and play functions can find
 * them in the request log. Amounts are cents (USD on the fake).
 */
import type { FakeElasticPath } from "../../src/testing";

export interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  amount: number;
  /** Units Elastic Path holds; unmanaged stock when left out. */
  stock?: number;
}

export const MUG: CatalogProduct = {
  id: "3f2b7d52-6a0e-4c1f-9b7e-0d8c6a1e4f01",
  sku: "enamel-mug",
  name: "Enamel mug",
  amount: 1500,
};

export const SOCKS: CatalogProduct = {
  id: "3f2b7d52-6a0e-4c1f-9b7e-0d8c6a1e4f02",
  sku: "wool-socks",
  name: "Wool socks",
  amount: 1200,
};

/** Two left in the warehouse: a third is refused. */
export const LANTERN: CatalogProduct = {
  id: "3f2b7d52-6a0e-4c1f-9b7e-0d8c6a1e4f03",
  sku: "storm-lantern",
  name: "Storm lantern",
  amount: 4000,
  stock: 2,
};

export const CATALOG = [MUG, SOCKS, LANTERN];

/** A code the fake store accepts: 10% off the cart. */
export const PROMOTION_CODE = "SAVE10";

/** Puts the catalog and the promotion code into the story's fake (no requests). */
export function seedCatalog(fake: FakeElasticPath): void {
  for (const { id, sku, name, amount, stock } of CATALOG) {
    fake.seedProduct({ id, sku, name, prices: { USD: { amount } }, stock });
  }
  fake.seedPromotion({ code: PROMOTION_CODE, percentOff: 10 });
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** `1500` is "$15.00": how the page and the play functions write a product's price. */
export const dollars = (cents: number): string => usd.format(cents / 100);
