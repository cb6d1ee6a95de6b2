"use client";
import type { MutationResultWithoutSecrets } from "../internal/useMutationWithoutSecrets";
import type { AssociateCartVariables, DisassociationResult } from "../../core/carts/associateCart";
import { customerKind } from "../../core/session/CustomerSession";
import type { AssociateCartKeptVariables } from "./useAssociateCartWithCustomer";
import {
  useCartDisassociation,
  type CartDisassociationOptions,
} from "../internal/useCartDisassociation";
import type { ListSnapshot } from "../../core/carts/optimisticEdit";

/** Which cart left which customer. */
export type DisassociateCartResult = DisassociationResult<"customer">;

export type UseDisassociateCartFromCustomerOptions = CartDisassociationOptions<
  DisassociateCartResult,
  AssociateCartKeptVariables
>;
export type UseDisassociateCartFromCustomerResult = MutationResultWithoutSecrets<
  DisassociateCartResult,
  AssociateCartVariables,
  AssociateCartKeptVariables,
  ListSnapshot
>;

/**
 * Takes a cart off a customer (`DELETE /v2/carts/:cartId/relationships/customers`). The cart
 * leaves that customer's cached lists at once; on failure they are put back, and either
 * way they are then reconciled with the server. For the signed-in customer no token is
 * needed: the session's is sent.
 *
 * @example
 * ```tsx
 * function RemoveCartButton({ cartId }: { cartId: string }) {
 *   const session = useCustomerSession();
 *   const remove = useDisassociateCartFromCustomer();
 *   if (session.status !== "signed-in") return null;
 *   return (
 *     <button onClick={() => remove.mutate({ cartId, customerId: session.customerId })}>
 *       Remove
 *     </button>
 *   );
 * }
 * ```
 */
export function useDisassociateCartFromCustomer(
  options: UseDisassociateCartFromCustomerOptions = {},
): UseDisassociateCartFromCustomerResult {
  return useCartDisassociation("useDisassociateCartFromCustomer", customerKind, options);
}
