"use client";
import {
  useCart,
  useCartId,
  useCustomerSession,
  useRemoveCartItem,
  useUpdateCartItem,
} from "epcc-react-hooks";
import Link from "next/link";
import { describeContents, isPromotion } from "./CartBadge";

/** The cart page: what this device's cart holds, and what logging in does with it. */
export function Cart({ base }: { base: string }) {
  const [cartId] = useCartId();
  const session = useCustomerSession();
  return (
    <section aria-labelledby="cart">
      <h1 id="cart">Your cart</h1>
      {cartId ? (
        <CartDetails />
      ) : (
        <p>
          Your cart is empty. <Link href={base}>Add a product</Link>.
        </p>
      )}
      {cartId && (
        <p>
          <Link href={`${base}/checkout`}>Check out</Link>
        </p>
      )}
      {cartId && session.status === "signed-out" && (
        <p>
          <Link href={`${base}/login`}>Log in</Link> to save this cart to your account.
        </p>
      )}
    </section>
  );
}

/**
 * Quantities and removals show at once (and come back if Elastic Path refuses); the total is
 * Elastic Path's, and `isRecalculating` says when it is about to change.
 */
function CartDetails() {
  const cart = useCart();
  const update = useUpdateCartItem();
  const remove = useRemoveCartItem();
  if (cart.isPending) return <p>Loading your cart…</p>;
  if (cart.isError) return <p role="alert">{cart.error.message}</p>;
  const products = cart.data.items.filter((item) => !isPromotion(item));
  return (
    <>
      <ul className="products" aria-label="Cart items">
        {products.map((item) => (
          <li key={item.id}>
            <span>
              {item.name} × {item.quantity}
            </span>
            <span>
              <button
                type="button"
                aria-label={`One less ${item.name}`}
                disabled={(item.quantity ?? 0) <= 1}
                onClick={() => update.mutate({ itemId: item.id!, quantity: item.quantity! - 1 })}
              >
                −
              </button>{" "}
              <button
                type="button"
                aria-label={`One more ${item.name}`}
                onClick={() => update.mutate({ itemId: item.id!, quantity: item.quantity! + 1 })}
              >
                +
              </button>{" "}
              <button type="button" onClick={() => remove.mutate({ itemId: item.id! })}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p aria-busy={cart.isRecalculating}>
        {describeContents(cart.data)}
        {cart.isRecalculating && <span className="muted"> (recalculating…)</span>}
      </p>
      {update.isError && <p role="alert">{update.error.message}</p>}
      {remove.isError && <p role="alert">{remove.error.message}</p>}
    </>
  );
}
