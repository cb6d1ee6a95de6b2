import type { ReactNode } from "react";
import type { CatalogProduct } from "../support/catalog";
import { CartSummary } from "./CartPage";
import { CheckoutForm } from "./CheckoutForm";
import { ProductList } from "./ProductList";
import { ShoppingCart } from "./ShoppingCart";

/** The cart page with a checkout beside it: the header's count, products, cart and checkout. */
export function CheckoutPage({
  products,
  orderNumber,
  aside,
}: {
  products: CatalogProduct[];
  /** The storefront's own order number, kept on the order. */
  orderNumber?: string;
  aside?: ReactNode;
}) {
  return (
    <div className="storefront">
      <header className="storefront-header">
        <p className="shop-name">Demo store</p>
        <CartSummary />
      </header>
      <main>
        <h1>Checkout</h1>
        {aside}
        <div className="columns">
          <ProductList products={products} />
          <ShoppingCart />
        </div>
        <CheckoutForm orderNumber={orderNumber} />
      </main>
    </div>
  );
}
