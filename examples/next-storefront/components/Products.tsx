"use client";
import { createACart, manageCarts, type Client } from "@epcc-sdk/sdks-shopper";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cartQueries, useCartId, useElasticPath } from "epcc-react-hooks";
import { PRODUCTS, type Product } from "@/lib/store";

const price = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

async function createGuestCart(client: Client): Promise<string> {
  const { data, response } = await createACart({ client, body: { data: { name: "Guest cart" } } });
  const id = data?.data?.id;
  if (!id) throw new Error(`Starting a cart failed (HTTP ${response.status}).`);
  return id;
}

async function addToCart(client: Client, cartId: string, product: Product): Promise<void> {
  const { response } = await manageCarts({
    client,
    path: { cartID: cartId },
    body: {
      data: {
        type: "custom_item",
        name: product.name,
        sku: product.sku,
        quantity: 1,
        price: { amount: product.amount },
      },
    },
  });
  if (!response.ok) throw new Error(`Adding ${product.name} failed (HTTP ${response.status}).`);
}

/** The product page: adding a product starts a guest cart when this device has none. */
export function Products() {
  const { client } = useElasticPath();
  const [cartId, setCartId] = useCartId();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: async (product: Product) => {
      const id = cartId ?? (await createGuestCart(client));
      await addToCart(client, id, product);
      return id;
    },
    onSuccess: async (id) => {
      // Signed in, the association hook ties a new cart to the customer by itself.
      if (id !== cartId) setCartId(id);
      await queryClient.invalidateQueries({ queryKey: cartQueries.cartKey(id) });
    },
  });
  return (
    <section aria-labelledby="products">
      <h1 id="products">Products</h1>
      <ul className="products">
        {PRODUCTS.map((product) => (
          <li key={product.sku}>
            <span>
              {product.name} <span className="muted">{price.format(product.amount / 100)}</span>
            </span>
            <button type="button" disabled={add.isPending} onClick={() => add.mutate(product)}>
              Add {product.name} to cart
            </button>
          </li>
        ))}
      </ul>
      {add.isSuccess && <p aria-live="polite">Added {add.variables.name} to your cart.</p>}
      {add.isError && <p role="alert">{add.error.message}</p>}
    </section>
  );
}
