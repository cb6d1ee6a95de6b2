import type { CartResponse, CartsResponse } from "@epcc-sdk/sdks-shopper";
import type { QueryClient } from "@tanstack/react-query";
import { cartKeys } from "../keys";

/**
 * One of a cart's items as Elastic Path lists them: a product (`cart_item`), a custom item,
 * a subscription or a promotion item — the SDK's types for each, told apart by `type`.
 */
export type CartItem = NonNullable<CartsResponse["data"]>[number];

/**
 * A cart with its items: what `useCart` and `cartQueries.cart` hold under `cartKeys.cart(id)`,
 * from one `GET /v2/carts/:id?include=items`, and what every item change answers with.
 */
export interface CartContents {
  /** The cart as Elastic Path answers it; its totals are in `cart.meta.display_price`. */
  cart: CartResponse;
  /** Its items (products, custom items, promotion items); `[]` when it is empty. */
  items: CartItem[];
}

/** The cart as cached under its own key (`cartQueries.cart`), if it is. */
export const cachedCartOf = (queryClient: QueryClient, cartId: string): CartResponse | undefined =>
  queryClient.getQueryData<CartContents>(cartKeys.cart(cartId))?.cart;

/** Changes the cached cart (its items too, when given), if it is cached. */
export function changeCachedCart(
  queryClient: QueryClient,
  cartId: string,
  change: (cart: CartResponse) => CartResponse,
  items?: CartItem[],
): void {
  queryClient.setQueryData<CartContents>(
    cartKeys.cart(cartId),
    (current) => current && { cart: change(current.cart), items: items ?? current.items },
  );
}
