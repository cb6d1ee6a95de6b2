"use client";
import { useQuery } from "@tanstack/react-query";
import { cartQueries, useCartId, useElasticPath } from "epcc-react-hooks";

/** What this device's cart holds (`GET /v2/carts/:id`). */
export function CartBadge() {
  const [cartId] = useCartId();
  return (
    <p className="cart-badge" aria-live="polite">
      {cartId ? <CartSummary cartId={cartId} /> : "Cart: empty"}
    </p>
  );
}

function CartSummary({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  // The key "My carts" reads too: after the association the cart shows there at once.
  const cart = useQuery(cartQueries.cart({ client }, cartId));
  if (cart.isPending) return "Cart: loading…";
  if (cart.isError) return `Cart: unavailable (${cart.error.message})`;
  return `Cart: ${describeCart(cart.data)}`;
}

export function describeCart(cart: {
  relationships?: { items?: { data?: unknown[] | null } };
  meta?: { display_price?: { with_tax?: { formatted?: string } } };
}): string {
  const products = cart.relationships?.items?.data?.length ?? 0;
  const total = cart.meta?.display_price?.with_tax?.formatted;
  return `${products} ${products === 1 ? "product" : "products"}${total ? `, ${total}` : ""}`;
}
