import { useQuery } from "@tanstack/react-query";
import { cartQueries, useCartId, useElasticPath } from "../../src";

/** The header's cart summary: what this device's cart holds (`GET /v2/carts/:id`). */
export function CartBadge() {
  const [cartId] = useCartId();
  return (
    <p className="cart-badge" aria-live="polite">
      {/* No id is not an empty cart: there is no cart here (none yet, or forgotten on logout). */}
      {cartId ? <CartSummary cartId={cartId} /> : "No cart on this device"}
    </p>
  );
}

function CartSummary({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  // The same key "My carts" reads, so the cart shows there at once after an association.
  const cart = useQuery(cartQueries.cart({ client }, cartId));
  if (cart.isPending) return "Cart: loading…";
  if (cart.isError) return `Cart: unavailable (${cart.error.message})`;
  const products = cart.data.items.length;
  const total = cart.data.cart.meta?.display_price?.with_tax?.formatted;
  return `Cart: ${products} ${products === 1 ? "product" : "products"}${total ? `, ${total}` : ""}`;
}
