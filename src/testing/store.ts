/**
 * The fake's state: customers, carts with their items, and associations. Plain data and
 * rules only; rendering to Elastic Path's JSON lives in cartView.ts, HTTP in handlers/.
 */
import { ElasticPathError } from "../errors/ElasticPathError";
import { MAX_DISTINCT_ITEMS, sameItem } from "./inferred";

export interface StoredCustomer {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface StoredItem {
  id: string;
  name: string;
  sku?: string;
  description: string;
  quantity: number;
  /** Unit price, minor units. */
  unitAmount: number;
  includesTax: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface StoredCart {
  id: string;
  name: string;
  description: string;
  contactEmail?: string;
  items: StoredItem[];
  /** In association order. */
  customerIds: Set<string>;
  createdAt: number;
  updatedAt: number;
  /**
   * Bumped with every change: breaks `updatedAt` ties (a frozen test clock) so "newest
   * first" stays well defined.
   */
  revision: number;
}

export interface NewCart {
  id?: string;
  name?: string;
  description?: string;
  contactEmail?: string;
  updatedAt?: number;
}

export interface NewItem {
  name: string;
  sku?: string;
  description?: string;
  quantity: number;
  unitAmount: number;
  includesTax?: boolean;
}

/** The name Elastic Path gives carts created without one (spec: "The default cart name is Cart"). */
export const DEFAULT_CART_NAME = "Cart";

export class FakeStore {
  private readonly customers = new Map<string, StoredCustomer>();
  private readonly carts = new Map<string, StoredCart>();
  private revision = 0;

  constructor(private readonly now: () => number) {}

  // ---- customers

  addCustomer(customer: StoredCustomer): StoredCustomer {
    if (this.customers.has(customer.id)) {
      throw new ElasticPathError(`A customer with id "${customer.id}" is already seeded.`);
    }
    if (this.findCustomerByEmail(customer.email)) {
      throw new ElasticPathError(`A customer with email "${customer.email}" is already seeded.`);
    }
    this.customers.set(customer.id, customer);
    return customer;
  }

  getCustomer(id: string): StoredCustomer | undefined {
    return this.customers.get(id);
  }

  /** Emails compare case-insensitively, as logins do. */
  findCustomerByEmail(email: string): StoredCustomer | undefined {
    const wanted = email.toLowerCase();
    for (const customer of this.customers.values()) {
      if (customer.email.toLowerCase() === wanted) return customer;
    }
    return undefined;
  }

  // ---- carts

  getCart(id: string): StoredCart | undefined {
    return this.carts.get(id);
  }

  createCart(input: NewCart = {}): StoredCart {
    const id = input.id ?? crypto.randomUUID();
    if (this.carts.has(id)) throw new ElasticPathError(`A cart with id "${id}" already exists.`);
    const now = this.now();
    const updatedAt = input.updatedAt ?? now;
    const cart: StoredCart = {
      id,
      name: input.name ?? DEFAULT_CART_NAME,
      description: input.description ?? "",
      items: [],
      customerIds: new Set(),
      createdAt: Math.min(now, updatedAt),
      updatedAt,
      revision: ++this.revision,
    };
    if (input.contactEmail !== undefined) cart.contactEmail = input.contactEmail;
    this.carts.set(id, cart);
    return cart;
  }

  /** Carts exist on demand: an unknown id becomes an empty cart (`GET /v2/carts/:id`). */
  ensureCart(id: string): StoredCart {
    return this.carts.get(id) ?? this.createCart({ id });
  }

  deleteCart(id: string): void {
    this.carts.delete(id);
  }

  /** Marks a change: `updated_at` moves to now and the cart sorts first among equals. */
  touch(cart: StoredCart): void {
    cart.updatedAt = this.now();
    cart.revision = ++this.revision;
  }

  /**
   * Adds items, adding up quantities of the same product. Items that would take the cart
   * past {@link MAX_DISTINCT_ITEMS} are not added and are returned, so the caller decides
   * between refusing and a partial success.
   */
  addItems(
    cart: StoredCart,
    items: NewItem[],
    { touch = true }: { touch?: boolean } = {},
  ): { rejected: NewItem[] } {
    const rejected: NewItem[] = [];
    const now = this.now();
    for (const item of items) {
      const existing = cart.items.find((candidate) => sameItem(candidate, item));
      if (existing) {
        existing.quantity += item.quantity;
        existing.updatedAt = now;
      } else if (cart.items.length >= MAX_DISTINCT_ITEMS) {
        rejected.push(item);
      } else {
        const stored: StoredItem = {
          id: crypto.randomUUID(),
          name: item.name,
          description: item.description ?? "",
          quantity: item.quantity,
          unitAmount: item.unitAmount,
          includesTax: item.includesTax ?? true,
          createdAt: now,
          updatedAt: now,
        };
        if (item.sku !== undefined) stored.sku = item.sku;
        cart.items.push(stored);
      }
    }
    if (touch && rejected.length < items.length) this.touch(cart);
    return { rejected };
  }

  /** How many new distinct lines `items` would add to the cart. */
  countNewLines(cart: StoredCart, items: NewItem[]): number {
    const lines: Array<{ sku?: string | undefined; name: string }> = [...cart.items];
    let added = 0;
    for (const item of items) {
      if (!lines.some((line) => sameItem(line, item))) {
        lines.push(item);
        added += 1;
      }
    }
    return added;
  }

  // ---- associations

  /** @returns whether the pair is new. */
  associate(
    cart: StoredCart,
    customerId: string,
    { touch = true }: { touch?: boolean } = {},
  ): boolean {
    if (cart.customerIds.has(customerId)) return false;
    cart.customerIds.add(customerId);
    if (touch) this.touch(cart);
    return true;
  }

  /** @returns whether the pair existed. */
  disassociate(cart: StoredCart, customerId: string): boolean {
    if (!cart.customerIds.delete(customerId)) return false;
    this.touch(cart);
    return true;
  }

  associations(): Array<{ cartId: string; customerId: string }> {
    const pairs: Array<{ cartId: string; customerId: string }> = [];
    for (const cart of this.carts.values()) {
      for (const customerId of cart.customerIds) pairs.push({ cartId: cart.id, customerId });
    }
    return pairs;
  }

  /** The customer's carts, newest `updated_at` first (spec: sorted descending by update date). */
  cartsOf(customerId: string): StoredCart[] {
    return [...this.carts.values()]
      .filter((cart) => cart.customerIds.has(customerId))
      .sort((a, b) => b.updatedAt - a.updatedAt || b.revision - a.revision);
  }

  /** Whether deleting the cart would leave one of its customers without any cart ("Last cart"). */
  isLastCartOfACustomer(cart: StoredCart): boolean {
    return [...cart.customerIds].some((customerId) => this.cartsOf(customerId).length === 1);
  }

  clear(): void {
    this.customers.clear();
    this.carts.clear();
    this.revision = 0;
  }
}
