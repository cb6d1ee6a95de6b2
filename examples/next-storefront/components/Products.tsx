"use client";
import { useAddCartItem, type CartItemInput } from "epcc-react-hooks";
import { PRODUCTS, type Product } from "@/lib/store";

const price = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** The catalog needs nothing on the store: each product is added as a custom item. */
const itemOf = (product: Product): CartItemInput => ({
  custom: { name: product.name, sku: product.sku, price: { amount: product.amount } },
});

/**
 * The product page. `useAddCartItem` makes the cart with the first add (once, however many
 * clicks race for it) and makes it this device's cart; signed in, the cart is the
 * customer's from the start.
 */
export function Products() {
  const add = useAddCartItem();
  const added = add.variables && "custom" in add.variables ? add.variables.custom.name : "";
  return (
    <section aria-labelledby="products">
      <h1 id="products">Products</h1>
      <ul className="products">
        {PRODUCTS.map((product) => (
          <li key={product.sku}>
            <span>
              {product.name} <span className="muted">{price.format(product.amount / 100)}</span>
            </span>
            <button type="button" onClick={() => add.mutate(itemOf(product))}>
              Add {product.name} to cart
            </button>
          </li>
        ))}
      </ul>
      {add.isSuccess && <p aria-live="polite">Added {added} to your cart.</p>}
      {add.isError && <p role="alert">{add.error.message}</p>}
    </section>
  );
}
