"use client";
import { useQuery } from "@tanstack/react-query";
import { cartQueries, useCartId, useCustomerSession, useElasticPath } from "epcc-react-hooks";
import Link from "next/link";
import { describeCart } from "./CartBadge";

/** The guest cart's page: what this device's cart holds, and what logging in does with it. */
export function Cart({ base }: { base: string }) {
  const [cartId] = useCartId();
  const session = useCustomerSession();
  return (
    <section aria-labelledby="cart">
      <h1 id="cart">Your cart</h1>
      {cartId ? (
        <CartDetails cartId={cartId} />
      ) : (
        <p>
          Your cart is empty. <Link href={base}>Add a product</Link>.
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

function CartDetails({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  const cart = useQuery(cartQueries.cart({ client }, cartId));
  if (cart.isPending) return <p>Loading your cart…</p>;
  if (cart.isError) return <p role="alert">{cart.error.message}</p>;
  return (
    <p>
      {cart.data.name}: {describeCart(cart.data)}
    </p>
  );
}
