import type { ReactNode } from "react";
import { useCart } from "../../src";
import type { CatalogProduct } from "../support/catalog";
import { ProductList } from "./ProductList";
import { isPromotion, ShoppingCart } from "./ShoppingCart";

/** A cart page: the header's summary, the products and the cart, all on the package's cart hooks. */
export function CartPage({ products, aside }: { products: CatalogProduct[]; aside?: ReactNode }) {
  return (
    <div className="storefront">
      <header className="storefront-header">
        <p className="shop-name">Demo store</p>
        <CartSummary />
      </header>
      <main>
        <h1>Cart page</h1>
        {aside}
        <div className="columns">
          <ProductList products={products} />
          <ShoppingCart />
        </div>
      </main>
    </div>
  );
}

/** The header's count: the same `useCart` as the page, so no request of its own. */
export function CartSummary() {
  const { data } = useCart();
  const count =
    data?.items
      .filter((item) => !isPromotion(item))
      .reduce((sum, item) => sum + (item.quantity ?? 0), 0) ?? 0;
  return (
    <p className="cart-badge" aria-live="polite">
      Cart: {count} {count === 1 ? "item" : "items"}
    </p>
  );
}
