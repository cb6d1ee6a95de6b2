import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cartQueries, useCartId, useElasticPath } from "../../src";
import { addCustomItem, createGuestCart, type CustomItem } from "../support/guestCart";

const PRODUCTS: Omit<CustomItem, "quantity">[] = [
  { name: "Wool socks", sku: "socks", amount: 1200 },
  { name: "Canvas tote bag", sku: "tote", amount: 2500 },
  { name: "Enamel mug", sku: "mug", amount: 1500 },
];

const price = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** A tiny catalog: adding a product starts a guest cart (through the SDK) when there is none. */
export function Products() {
  const { client } = useElasticPath();
  const [cartId, setCartId] = useCartId();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: async (product: Omit<CustomItem, "quantity">) => {
      const id = cartId ?? (await createGuestCart(client));
      await addCustomItem(client, id, { ...product, quantity: 1 });
      return id;
    },
    onSuccess: async (id) => {
      // A new cart becomes this device's cart once it holds the item; signed in, the
      // association hook then ties it to the customer by itself.
      if (id !== cartId) setCartId(id);
      await queryClient.invalidateQueries({ queryKey: cartQueries.cartKey(id) });
    },
  });

  return (
    <section className="panel" aria-labelledby="products-heading">
      <h2 id="products-heading">Products</h2>
      <ul className="products">
        {PRODUCTS.map((product) => (
          <li key={product.sku}>
            <span>
              {product.name} <span className="muted">{price.format(product.amount / 100)}</span>
            </span>
            <button type="button" disabled={add.isPending} onClick={() => add.mutate(product)}>
              Add<span className="visually-hidden"> {product.name}</span> to cart
            </button>
          </li>
        ))}
      </ul>
      {add.isError && <p role="alert">{add.error.message}</p>}
    </section>
  );
}
