"use client";
import type { MutationResultWithoutSecrets } from "../internal/useMutationWithoutSecrets";
import type {
  AssociateCartResult,
  AssociateCartVariables,
  OwnerKeptVariables,
  OwnerMergedResult,
} from "../../core/carts/associateCart";
import { customerKind } from "../../core/session/CustomerSession";
import { useCartAssociation, type CartAssociationOptions } from "../internal/useCartAssociation";

/**
 * The automatic call's result under `guestCartOnLogin="merge"`: the guest cart's items went
 * into the customer's most recently updated cart, now the current cart.
 */
export type MergedCartResult = OwnerMergedResult<"customer">;

/** What TanStack keeps of the variables: no token, even one given by hand. */
export type AssociateCartKeptVariables = OwnerKeptVariables<"customer">;

export type UseAssociateCartWithCustomerOptions = CartAssociationOptions<
  AssociateCartResult | MergedCartResult,
  AssociateCartKeptVariables
>;

export type UseAssociateCartWithCustomerResult = MutationResultWithoutSecrets<
  AssociateCartResult | MergedCartResult,
  AssociateCartVariables,
  AssociateCartKeptVariables
>;

/**
 * Ties a cart to a customer (`POST /v2/carts/:cartId/relationships/customers`), so the
 * shopper finds it on every device and in "My carts".
 *
 * - By itself on login: with `associateOnLogin` (default), the current cart and the
 *   signed-in customer are associated once per session, whichever came first; every mounted
 *   instance shows that call in its state.
 * - 200 → `{ status: "associated" }`, and the customer's cart lists (only those) are brought
 *   up to date before the mutation settles. 204 → `{ status: "already-associated" }`, a no-op.
 * - Network failures, 429 (honouring `Retry-After`) and 5xx are retried up to 3 times;
 *   400/401/403/422 never. A 401 signs the shopper out.
 * - With `guestCartOnLogin="merge"` on the provider, the automatic call may merge instead:
 *   `{ status: "merged", cartId, guestCartId, customerId, itemErrors }`.
 *
 * @example
 * ```tsx
 * function SavedCartBanner() {
 *   const { data, error, isPending } = useAssociateCartWithCustomer();
 *   if (isPending) return <p>Saving your cart…</p>;
 *   if (error) return <p role="alert">{error.message}</p>;
 *   if (data?.status === "associated") return <p>Your cart is saved to your account.</p>;
 *   if (data?.status === "already-associated") return <p>This cart was already yours.</p>;
 *   return null;
 * }
 * ```
 */
export function useAssociateCartWithCustomer(
  options: UseAssociateCartWithCustomerOptions = {},
): UseAssociateCartWithCustomerResult {
  return useCartAssociation("useAssociateCartWithCustomer", customerKind, options);
}
