"use client";
import type { OrderResponse } from "@epcc-sdk/sdks-shopper";
import { useCartId, useCheckout, useCustomerSession, type CheckoutAddress } from "epcc-react-hooks";
import Link from "next/link";
import { useState, type FormEvent } from "react";

const NO_ADDRESS: CheckoutAddress = {
  firstName: "",
  lastName: "",
  line1: "",
  city: "",
  region: "",
  postcode: "",
  country: "US",
};

const ADDRESS_FIELDS = [
  ["firstName", "First name", "given-name"],
  ["lastName", "Last name", "family-name"],
  ["line1", "Address", "address-line1"],
  ["city", "City", "address-level2"],
  ["region", "State or region", "address-level1"],
  ["postcode", "Postcode", "postal-code"],
] as const;

/**
 * The checkout page: `useCheckout` on this device's cart. A guest gives an email and a name;
 * a signed-in customer only the address (the hook sends her id with her token). One order
 * however many clicks; once it exists the cart is no longer this device's (the provider's
 * `cartAfterCheckout`, default "new"), so the badge says the cart is empty.
 */
export function Checkout({ base }: { base: string }) {
  const [cartId] = useCartId();
  const session = useCustomerSession();
  const checkout = useCheckout();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [address, setAddress] = useState(NO_ADDRESS);
  const signedIn = session.status === "signed-in";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    checkout.mutate({
      ...(signedIn ? {} : { email, name }),
      billingAddress: address,
      shippingAddress: address,
    });
  };

  if (checkout.data) return <OrderPlaced order={checkout.data} base={base} />;
  return (
    <section aria-labelledby="checkout">
      <h1 id="checkout">Checkout</h1>
      {!cartId ? (
        <p>
          Your cart is empty. <Link href={base}>Add a product</Link>.
        </p>
      ) : (
        <form onSubmit={submit} aria-label="Checkout">
          {!signedIn && (
            <>
              <label>
                Email{" "}
                <input
                  type="email"
                  autoComplete="email"
                  required
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              </label>
              <label>
                Full name{" "}
                <input
                  autoComplete="name"
                  required
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                />
              </label>
            </>
          )}
          {ADDRESS_FIELDS.map(([field, label, autoComplete]) => (
            <label key={field}>
              {label}{" "}
              <input
                autoComplete={autoComplete}
                required
                value={address[field]}
                onChange={(event) => setAddress({ ...address, [field]: event.target.value })}
              />
            </label>
          ))}
          <label>
            Country{" "}
            <select
              autoComplete="country"
              value={address.country}
              onChange={(event) => setAddress({ ...address, country: event.target.value })}
            >
              <option value="US">United States</option>
              <option value="GB">United Kingdom</option>
            </select>
          </label>
          {/* No need to disable it while pending: the hook shares a checkout in the air. */}
          <button type="submit">Place order</button>
          {checkout.isPending && <p aria-live="polite">Placing your order…</p>}
        </form>
      )}
      {checkout.isError && <p role="alert">{checkout.error.message}</p>}
    </section>
  );
}

/** Payment comes next, with the order's id (gateways differ). */
function OrderPlaced({ order, base }: { order: OrderResponse; base: string }) {
  return (
    <section aria-labelledby="order-placed">
      <h1 id="order-placed">Thank you: your order is placed</h1>
      <p>
        Order <strong>{order.id}</strong>, {order.meta?.display_price?.with_tax?.formatted}.
        Payment: {order.payment}.
      </p>
      <p>
        <Link href={base}>Continue shopping</Link>
      </p>
    </section>
  );
}
