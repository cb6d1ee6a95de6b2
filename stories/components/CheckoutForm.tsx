import type { OrderResponse } from "@epcc-sdk/sdks-shopper";
import { useState, type FormEvent } from "react";
import {
  useCartId,
  useCheckout,
  useCustomerSession,
  useOrder,
  type CheckoutAddress,
} from "../../src";

const NO_ADDRESS: CheckoutAddress = {
  firstName: "",
  lastName: "",
  line1: "",
  city: "",
  region: "",
  postcode: "",
  country: "US",
};

/** The address fields, by the label a shopper reads. */
const ADDRESS_FIELDS = [
  ["firstName", "First name", "given-name"],
  ["lastName", "Last name", "family-name"],
  ["line1", "Address", "address-line1"],
  ["city", "City", "address-level2"],
  ["region", "Region", "address-level1"],
  ["postcode", "Postcode", "postal-code"],
] as const;

/**
 * The checkout form on `useCheckout`: a guest gives an email and a name, a signed-in customer
 * nothing but the address (the hook sends her id with her token). One address serves as
 * billing and shipping address. Once the order exists the confirmation takes the form's place.
 *
 * "Place order" stays enabled while the order is being placed, on purpose: the hook shares a
 * checkout in the air, so a double click needs no care from the page (the story checks it).
 */
export function CheckoutForm({ orderNumber }: { orderNumber?: string }) {
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
      orderNumber,
    });
  };

  let body;
  if (checkout.data) {
    body = <OrderPlaced order={checkout.data} signedIn={signedIn} />;
  } else if (!cartId) {
    body = <p>Add a product to check out.</p>;
  } else {
    body = (
      <form onSubmit={submit} aria-label="Checkout" className="login-form">
        {!signedIn && (
          <>
            <label>
              Contact email
              <input
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </label>
            <label>
              Full name
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
            {label}
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
        <button type="submit">Place order</button>
        <p className="muted" role="status">
          {checkout.isPending ? "Placing your order…" : ""}
        </p>
      </form>
    );
  }

  return (
    <section className="panel" aria-labelledby="checkout-heading">
      <h2 id="checkout-heading">Checkout</h2>
      {body}
      {/* The hook's sentence as it is: after a lost answer it says whether the order exists. */}
      {checkout.isError && (
        <p role="alert" className="notice notice-error">
          {checkout.error.message}
        </p>
      )}
    </section>
  );
}

/** What the shopper reads once Elastic Path has the order: the next step is payment. */
function OrderPlaced({ order, signedIn }: { order: OrderResponse; signedIn: boolean }) {
  return (
    <div role="status" aria-label="Order placed">
      <p className="notice">Thank you: your order is placed.</p>
      <dl>
        {order.order_number && (
          <>
            <dt>Order number</dt>
            <dd data-testid="order-number">{order.order_number}</dd>
          </>
        )}
        <dt>Order id</dt>
        <dd data-testid="order-id">{order.id}</dd>
        <dt>Total</dt>
        <dd data-testid="order-total">{order.meta?.display_price?.with_tax?.formatted}</dd>
        <dt>Payment</dt>
        <dd>{order.payment}</dd>
      </dl>
      {/* A guest cannot read orders (no token): the items are the signed-in shopper's to see. */}
      {signedIn && <OrderItems orderId={order.id!} />}
    </div>
  );
}

/** The order's items as Elastic Path keeps them: `useOrder`, one request with her token. */
function OrderItems({ orderId }: { orderId: string }) {
  const { data, error } = useOrder(orderId);
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p className="muted">Loading the order's items…</p>;
  return (
    <ul aria-label="Ordered items">
      {data.items.map((item) => (
        <li key={item.id}>
          {item.name} × {item.quantity}
        </li>
      ))}
    </ul>
  );
}
