"use client";
import type { MutationResultWithoutSecrets } from "../session/useMutationWithoutSecrets";
import type {
  AssociateCartResult,
  AssociateCartVariables,
  OwnerResult,
  OwnerVariables,
} from "./associateCart";
import { customerOwner } from "./customerOwner";
import { useCartAssociation, type CartAssociationOptions } from "./useCartAssociation";

/** What TanStack keeps of the variables: no token, even one given by hand. */
export type AssociateCartKeptVariables = Omit<AssociateCartVariables, "customerToken">;

export type UseAssociateCartWithCustomerOptions = CartAssociationOptions<
  AssociateCartResult,
  AssociateCartKeptVariables
>;

export type UseAssociateCartWithCustomerResult = MutationResultWithoutSecrets<
  AssociateCartResult,
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
  return useCartAssociation(
    "useAssociateCartWithCustomer",
    customerOwner,
    options as unknown as CartAssociationOptions<OwnerResult, OwnerVariables>,
  ) as unknown as UseAssociateCartWithCustomerResult;
}
