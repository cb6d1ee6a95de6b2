/**
 * The fake's state: customers, accounts and their members, carts with their items, and
 * associations. Plain data and rules only; rendering to Elastic Path's JSON lives in
 * cartView.ts, HTTP in handlers/.
 */
import { ElasticPathError } from "../core/errors/ElasticPathError";
import type { StoredPromotion } from "./catalog";
import {
  MAX_DISTINCT_ITEMS,
  sameItem,
  samePromotionCode,
  sameUsername,
  STORE_CURRENCY,
} from "./inferred";

export interface StoredCustomer {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface StoredAccount {
  id: string;
  name: string;
}

export interface StoredAccountMember {
  id: string;
  username: string;
  password: string;
  name: string;
  email: string;
  /** The accounts the member belongs to, in membership order (the token answer's order). */
  accountIds: string[];
}

/** What makes a catalog product's line: the product, and where it ships from or how it is configured. */
export interface ProductLine {
  productId: string;
  location?: string;
  bundleConfiguration?: Record<string, unknown>;
  /** Whether the product's stock is managed (`manage_stock`). */
  manageStock?: boolean;
}

export interface StoredItem {
  id: string;
  /** Present for a catalog product (`cart_item`); absent for a custom item. */
  product?: ProductLine;
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

/** A promotion code applied to a cart: shown as a `promotion_item`. */
export interface StoredPromotionLine {
  /** The promotion item's id. */
  id: string;
  promotion: StoredPromotion;
  createdAt: number;
}

export interface StoredCart {
  id: string;
  name: string;
  description: string;
  contactEmail?: string;
  /** ISO 4217 code; every price in the cart is in it, in its minor unit. */
  currency: string;
  items: StoredItem[];
  /** Promotion codes applied, in the order they were. */
  promotions: StoredPromotionLine[];
  /** In association order. */
  customerIds: Set<string>;
  /** In association order. */
  accountIds: Set<string>;
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
  /** Default: the store's currency. */
  currency?: string;
  updatedAt?: number;
}

export interface NewItem {
  product?: ProductLine;
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
  private readonly accounts = new Map<string, StoredAccount>();
  private readonly accountMembers = new Map<string, StoredAccountMember>();
  private readonly carts = new Map<string, StoredCart>();
  private revision = 0;

  constructor(
    private readonly now: () => number,
    /** Elastic Path's cart setting `items.separate_items_by_location`. */
    private readonly separateItemsByLocation = false,
  ) {}

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

  // ---- accounts and account members

  addAccount(account: StoredAccount): StoredAccount {
    if (this.accounts.has(account.id)) {
      throw new ElasticPathError(`An account with id "${account.id}" is already seeded.`);
    }
    this.accounts.set(account.id, account);
    return account;
  }

  getAccount(id: string): StoredAccount | undefined {
    return this.accounts.get(id);
  }

  addAccountMember(member: StoredAccountMember): StoredAccountMember {
    if (this.accountMembers.has(member.id)) {
      throw new ElasticPathError(`An account member with id "${member.id}" is already seeded.`);
    }
    if (this.findAccountMemberByUsername(member.username)) {
      throw new ElasticPathError(
        `An account member with username "${member.username}" is already seeded.`,
      );
    }
    this.accountMembers.set(member.id, member);
    return member;
  }

  getAccountMember(id: string): StoredAccountMember | undefined {
    return this.accountMembers.get(id);
  }

  findAccountMemberByUsername(username: string): StoredAccountMember | undefined {
    for (const member of this.accountMembers.values()) {
      if (sameUsername(member.username, username)) return member;
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
      currency: input.currency ?? STORE_CURRENCY,
      items: [],
      promotions: [],
      customerIds: new Set(),
      accountIds: new Set(),
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

  /** Changes the fields given (`PUT /v2/carts/:id`); a change moves `updated_at`. */
  updateCart(
    cart: StoredCart,
    fields: Pick<NewCart, "name" | "description" | "contactEmail">,
  ): void {
    if (fields.name !== undefined) cart.name = fields.name;
    if (fields.description !== undefined) cart.description = fields.description;
    if (fields.contactEmail !== undefined) cart.contactEmail = fields.contactEmail;
    this.touch(cart);
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
      const existing = this.lineFor(cart, item);
      if (existing) {
        existing.quantity += item.quantity;
        existing.updatedAt = now;
        if (existing.product && item.product) existing.product.location = item.product.location;
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
        if (item.product !== undefined) stored.product = { ...item.product };
        cart.items.push(stored);
      }
    }
    if (touch && rejected.length < items.length) this.touch(cart);
    return { rejected };
  }

  /**
   * The items {@link FakeStore.addItems} would refuse, without adding any: for an
   * all-or-nothing request, checked before anything changes. `cart` may not exist yet.
   */
  wouldReject(cart: StoredCart | undefined, items: NewItem[]): NewItem[] {
    const lines: Array<Pick<NewItem, "sku" | "name" | "product">> = [...(cart?.items ?? [])];
    const rejected: NewItem[] = [];
    for (const item of items) {
      if (lines.some((line) => sameItem(line, item, this.separateItemsByLocation))) continue;
      if (lines.length >= MAX_DISTINCT_ITEMS) rejected.push(item);
      else lines.push(item);
    }
    return rejected;
  }

  /** The line of `cart` that `item` would add to, if any. */
  lineFor(cart: StoredCart, item: NewItem): StoredItem | undefined {
    return cart.items.find((candidate) => sameItem(candidate, item, this.separateItemsByLocation));
  }

  /** Sets an item's quantity (`PUT .../items/:id`); 0 removes it. @returns whether the item exists. */
  setQuantity(cart: StoredCart, itemId: string, quantity: number): boolean {
    const item = cart.items.find((candidate) => candidate.id === itemId);
    if (!item) return false;
    if (quantity === 0) return this.removeItem(cart, itemId);
    item.quantity = quantity;
    item.updatedAt = this.now();
    this.touch(cart);
    return true;
  }

  /** Removes an item or an applied promotion by its item id. @returns whether it existed. */
  removeItem(cart: StoredCart, itemId: string): boolean {
    const before = cart.items.length + cart.promotions.length;
    cart.items = cart.items.filter((item) => item.id !== itemId);
    cart.promotions = cart.promotions.filter((line) => line.id !== itemId);
    if (cart.items.length + cart.promotions.length === before) return false;
    this.touch(cart);
    return true;
  }

  /** Empties the cart of items and promotions; its name, description and associations stay. */
  clearItems(cart: StoredCart): void {
    cart.items = [];
    cart.promotions = [];
    this.touch(cart);
  }

  /** Applies a promotion; a code already applied stays as it was. */
  applyPromotion(cart: StoredCart, promotion: StoredPromotion): void {
    if (cart.promotions.some((line) => line.promotion.id === promotion.id)) return;
    cart.promotions.push({ id: crypto.randomUUID(), promotion, createdAt: this.now() });
    this.touch(cart);
  }

  /** @returns whether the code was applied to the cart. */
  removePromotion(cart: StoredCart, code: string): boolean {
    const line = cart.promotions.find((candidate) =>
      samePromotionCode(candidate.promotion.code, code),
    );
    return line ? this.removeItem(cart, line.id) : false;
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

  /** @returns whether the pair is new. */
  associateAccount(
    cart: StoredCart,
    accountId: string,
    { touch = true }: { touch?: boolean } = {},
  ): boolean {
    if (cart.accountIds.has(accountId)) return false;
    cart.accountIds.add(accountId);
    if (touch) this.touch(cart);
    return true;
  }

  /** @returns whether the pair existed. */
  disassociateAccount(cart: StoredCart, accountId: string): boolean {
    if (!cart.accountIds.delete(accountId)) return false;
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

  accountAssociations(): Array<{ cartId: string; accountId: string }> {
    const pairs: Array<{ cartId: string; accountId: string }> = [];
    for (const cart of this.carts.values()) {
      for (const accountId of cart.accountIds) pairs.push({ cartId: cart.id, accountId });
    }
    return pairs;
  }

  /** The customer's carts, newest `updated_at` first (spec: sorted descending by update date). */
  cartsOf(customerId: string): StoredCart[] {
    return this.newestFirst((cart) => cart.customerIds.has(customerId));
  }

  /** The account's carts, newest `updated_at` first, as for customers. */
  cartsOfAccount(accountId: string): StoredCart[] {
    return this.newestFirst((cart) => cart.accountIds.has(accountId));
  }

  private newestFirst(keep: (cart: StoredCart) => boolean): StoredCart[] {
    return [...this.carts.values()]
      .filter(keep)
      .sort((a, b) => b.updatedAt - a.updatedAt || b.revision - a.revision);
  }

  /** Whether deleting the cart would leave one of its customers without any cart ("Last cart"). */
  isLastCartOfACustomer(cart: StoredCart): boolean {
    return [...cart.customerIds].some((customerId) => this.cartsOf(customerId).length === 1);
  }

  /** Whether deleting the cart would leave one of its accounts without any cart. */
  isLastCartOfAnAccount(cart: StoredCart): boolean {
    return [...cart.accountIds].some((accountId) => this.cartsOfAccount(accountId).length === 1);
  }

  clear(): void {
    this.customers.clear();
    this.accounts.clear();
    this.accountMembers.clear();
    this.carts.clear();
    this.revision = 0;
  }
}
