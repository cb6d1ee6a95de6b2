"use client";
import { useCart, useCartId, type CartContents } from "epcc-react-hooks";

/** What this device's cart holds: `useCart`, the same query as the cart page. */
export function CartBadge() {
  const [cartId] = useCartId();
  return (
    <p className="cart-badge" aria-live="polite">
      {cartId ? <CartSummary /> : "Cart: empty"}
    </p>
  );
}

function CartSummary() {
  const cart = useCart();
  if (cart.isPending) return "Cart: loading…";
  if (cart.isError) return `Cart: unavailable (${cart.error.message})`;
  return `Cart: ${describeContents(cart.data)}`;
}

/** "2 products, $37.00": the products (promotion codes aside) and Elastic Path's total. */
export function describeContents({ cart, items }: CartContents): string {
  const products = items.filter((item) => !isPromotion(item)).length;
  return describe(products, cart.meta?.display_price?.with_tax?.formatted);
}

/** The same words for a cart of "My carts" (a list entry, without its items). */
export function describeCart(cart: {
  relationships?: { items?: { data?: unknown[] | null } };
  meta?: { display_price?: { with_tax?: { formatted?: string } } };
}): string {
  return describe(
    cart.relationships?.items?.data?.length ?? 0,
    cart.meta?.display_price?.with_tax?.formatted,
  );
}

function describe(products: number, total: string | undefined): string {
  return `${products} ${products === 1 ? "product" : "products"}${total ? `, ${total}` : ""}`;
}

/** A promotion code's line: the cart lists it among the items, but it has no quantity to change. */
export const isPromotion = (item: CartContents["items"][number]): boolean =>
  item.type === "promotion_item";
