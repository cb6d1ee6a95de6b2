"use client";
import { useCartId, useCustomerCarts, useCustomerSession } from "epcc-react-hooks";
import Link from "next/link";
import { describeCart } from "./CartBadge";

/** "My carts": the customer's carts, as the server prefetched them or as loaded here. */
export function MyCarts({ base }: { base: string }) {
  const session = useCustomerSession();
  const [cartId] = useCartId();
  const carts = useCustomerCarts({ limit: 20 });
  let body;
  if (session.status === "signed-out") {
    body = (
      <p>
        <Link href={`${base}/login`}>Log in</Link> to see the carts saved to your account.
      </p>
    );
  } else if (carts.isPending) {
    body = <p>Loading your carts…</p>;
  } else if (carts.isError) {
    body = <p role="alert">{carts.error.message}</p>;
  } else if (carts.data.data.length === 0) {
    body = <p>No carts saved to your account yet.</p>;
  } else {
    body = (
      <ul aria-label="Saved carts">
        {carts.data.data.map((cart) => (
          <li key={cart.id}>
            {cart.name}: {describeCart(cart)}
            {cart.id === cartId && " (this device's cart)"}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section aria-labelledby="my-carts">
      <h1 id="my-carts">My carts</h1>
      {body}
    </section>
  );
}
