/**
 * The fake store's small catalog: seeded products (a price per currency, optional stock)
 * and promotion codes. Plain data and rules; HTTP lives in handlers/.
 */
import { ElasticPathError } from "../core/errors/ElasticPathError";
import { samePromotionCode } from "./inferred";

export interface StoredPrice {
  /** Minor units. */
  amount: number;
  includesTax: boolean;
}

export interface StoredProduct {
  id: string;
  sku: string;
  name: string;
  description: string;
  /** By ISO 4217 code. */
  prices: Map<string, StoredPrice>;
  /**
   * Units in stock: one count for the product (`"any"`), or one per location. `undefined`:
   * stock is not managed (unlimited).
   */
  stock:
    | { kind: "any"; available: number }
    | { kind: "locations"; available: Map<string, number> }
    | undefined;
}

export type StoredDiscount =
  | { kind: "percent"; percent: number }
  /** Minor units off the cart, by currency; a cart in another currency is not eligible. */
  | { kind: "amount"; amounts: Map<string, number> };

export interface StoredPromotion {
  id: string;
  code: string;
  name: string;
  discount: StoredDiscount;
}

export class Catalog {
  private readonly products = new Map<string, StoredProduct>();
  private readonly promotions = new Map<string, StoredPromotion>();

  addProduct(product: StoredProduct): StoredProduct {
    if (this.products.has(product.id)) {
      throw new ElasticPathError(`A product with id "${product.id}" is already seeded.`);
    }
    if (this.findBySku(product.sku)) {
      throw new ElasticPathError(`A product with SKU "${product.sku}" is already seeded.`);
    }
    this.products.set(product.id, product);
    return product;
  }

  getProduct(id: string): StoredProduct | undefined {
    return this.products.get(id);
  }

  findBySku(sku: string): StoredProduct | undefined {
    for (const product of this.products.values()) if (product.sku === sku) return product;
    return undefined;
  }

  /** Units available at `location` (or for the product as a whole); `Infinity` when stock is not managed. */
  available(product: StoredProduct, location: string | undefined): number {
    const { stock } = product;
    if (!stock) return Infinity;
    if (stock.kind === "any") return stock.available;
    if (location !== undefined) return stock.available.get(location) ?? 0;
    let total = 0;
    for (const count of stock.available.values()) total += count;
    return total;
  }

  /** Takes `quantity` units out of stock (checkout); the caller checked {@link Catalog.available}. */
  allocate(product: StoredProduct, location: string | undefined, quantity: number): void {
    const { stock } = product;
    if (!stock) return;
    if (stock.kind === "any") {
      stock.available -= quantity;
      return;
    }
    if (location !== undefined) {
      stock.available.set(location, (stock.available.get(location) ?? 0) - quantity);
      return;
    }
    // No location given: take from the locations in the order they were seeded.
    let remaining = quantity;
    for (const [name, count] of stock.available) {
      const taken = Math.min(count, remaining);
      stock.available.set(name, count - taken);
      remaining -= taken;
    }
  }

  addPromotion(promotion: StoredPromotion): StoredPromotion {
    if (this.findPromotion(promotion.code)) {
      throw new ElasticPathError(`A promotion with code "${promotion.code}" is already seeded.`);
    }
    this.promotions.set(promotion.id, promotion);
    return promotion;
  }

  findPromotion(code: string): StoredPromotion | undefined {
    for (const promotion of this.promotions.values()) {
      if (samePromotionCode(promotion.code, code)) return promotion;
    }
    return undefined;
  }

  clear(): void {
    this.products.clear();
    this.promotions.clear();
  }
}
