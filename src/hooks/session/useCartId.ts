"use client";
import { useElasticPathContext, useSessionState } from "../internal/context";

/**
 * The current cart id, like `useState`. Setting it persists it (in `localStorage`, unless
 * the provider's `cartId` is controlled) and every hook sees it at once. An id outside
 * letters, digits, `-` and `_` is refused with an `ElasticPathError`.
 *
 * @example
 * ```tsx
 * const [cartId, setCartId] = useCartId();
 * const startCart = async () => {
 *   const { data } = await createACart({ client, body: { data: { name: "Cart" } } });
 *   setCartId(data?.data?.id);
 * };
 * ```
 */
export function useCartId(): [
  cartId: string | undefined,
  setCartId: (cartId: string | undefined) => void,
] {
  const { store } = useElasticPathContext("useCartId");
  return [useSessionState(store, (snapshot) => snapshot.cartId), store.setCartId];
}
