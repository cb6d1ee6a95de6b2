/**
 * Orders checkout created: a copy of the cart's items and promotions at that moment, who
 * ordered, and the addresses. The cart itself stays as it was (Elastic Path: "The cart
 * remains and can be modified and checked out again"). Rendering lives in orderView.ts.
 */
import type { StoredItem, StoredPromotionLine } from "./store";

/** An address as the checkout body sent it (Elastic Path's field names), validated. */
export type StoredAddress = Record<string, string>;

export interface StoredOrderLine<T> {
  /** The order item's own id. */
  id: string;
  /** What the cart held: a copy, so later changes to the cart do not reach the order. */
  from: T;
}

export interface StoredOrder {
  id: string;
  orderNumber?: string;
  externalRef?: string;
  currency: string;
  /** A guest's or customer's details; `id` for a registered customer. */
  customer?: { id?: string; name: string; email: string };
  /** An account member's contact details. */
  contact?: { name: string; email: string };
  accountId?: string;
  accountMemberId?: string;
  billingAddress: StoredAddress;
  shippingAddress: StoredAddress;
  items: Array<StoredOrderLine<StoredItem>>;
  promotions: Array<StoredOrderLine<StoredPromotionLine>>;
  createdAt: number;
  /** Breaks `createdAt` ties (a frozen test clock): the later checkout lists first. */
  sequence: number;
}

export type NewOrder = Omit<StoredOrder, "id" | "items" | "promotions" | "createdAt" | "sequence">;

export class OrderBook {
  private readonly orders = new Map<string, StoredOrder>();
  private sequence = 0;

  constructor(private readonly now: () => number) {}

  create(
    order: NewOrder,
    cart: { items: readonly StoredItem[]; promotions: readonly StoredPromotionLine[] },
  ): StoredOrder {
    const copy = <T extends object>(from: T): StoredOrderLine<T> => ({
      id: crypto.randomUUID(),
      from: structuredClone(from),
    });
    const stored: StoredOrder = {
      ...order,
      id: crypto.randomUUID(),
      items: cart.items.map(copy),
      promotions: cart.promotions.map(copy),
      createdAt: this.now(),
      sequence: ++this.sequence,
    };
    this.orders.set(stored.id, stored);
    return stored;
  }

  get(id: string): StoredOrder | undefined {
    return this.orders.get(id);
  }

  /** Orders that `keep` accepts, newest first. */
  newestFirst(keep: (order: StoredOrder) => boolean = () => true): StoredOrder[] {
    return [...this.orders.values()]
      .filter(keep)
      .sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence);
  }

  clear(): void {
    this.orders.clear();
    this.sequence = 0;
  }
}
