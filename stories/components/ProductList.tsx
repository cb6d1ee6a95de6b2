import { useAddCartItem, type CartItemInput } from "../../src";
import { dollars, type CatalogProduct } from "../support/catalog";

/**
 * "Add to cart" for each product, by its id. The first add makes the cart (one
 * `POST /v2/carts`, however many clicks race for it); a refusal or a lost answer is said.
 */
export function ProductList({ products }: { products: CatalogProduct[] }) {
  const add = useAddCartItem();
  return (
    <section className="panel" aria-labelledby="product-list-heading">
      <h2 id="product-list-heading">Products</h2>
      <ul className="products">
        {products.map((product) => (
          <li key={product.id}>
            <span>
              {product.name} <span className="muted">{dollars(product.amount)}</span>
              {product.stock !== undefined && (
                <span className="muted"> · {product.stock} in stock</span>
              )}
            </span>
            <button type="button" onClick={() => add.mutate({ productId: product.id })}>
              Add<span className="visually-hidden"> {product.name}</span> to cart
            </button>
          </li>
        ))}
      </ul>
      {add.isPending && <p className="muted">Adding {nameOf(products, add.variables)}…</p>}
      {add.isError && (
        <p role="alert" className="notice notice-error">
          Adding {nameOf(products, add.variables)}: {add.error.message}
        </p>
      )}
    </section>
  );
}

function nameOf(products: CatalogProduct[], item: CartItemInput | undefined): string {
  const id = item && "productId" in item ? item.productId : undefined;
  return products.find((product) => product.id === id)?.name ?? "the item";
}
