"use client";
import type { MutationResultWithoutSecrets } from "../internal/useMutationWithoutSecrets";
import { useAccountSessions } from "../internal/useAccountSessions";
import type { DisassociationResult } from "../../core/carts/associateCart";
import { accountKind } from "../../core/session/AccountSession";
import type {
  AssociateCartWithAccountKeptVariables,
  AssociateCartWithAccountVariables,
} from "./useAssociateCartWithAccount";
import {
  useCartDisassociation,
  type CartDisassociationOptions,
} from "../internal/useCartDisassociation";
import type { ListSnapshot } from "../../core/carts/optimisticEdit";

/** Which cart left which account. */
export type DisassociateCartFromAccountResult = DisassociationResult<"account">;

export type UseDisassociateCartFromAccountOptions = CartDisassociationOptions<
  DisassociateCartFromAccountResult,
  AssociateCartWithAccountKeptVariables
>;
export type UseDisassociateCartFromAccountResult = MutationResultWithoutSecrets<
  DisassociateCartFromAccountResult,
  AssociateCartWithAccountVariables,
  AssociateCartWithAccountKeptVariables,
  ListSnapshot
>;

/**
 * Takes a cart off an account (`DELETE /v2/carts/:cartId/relationships/accounts`). The cart
 * leaves that account's cached lists at once; on failure they are put back, and either way
 * they are then reconciled with the server. For the selected account no token is needed.
 *
 * @example
 * ```tsx
 * function RemoveCartButton({ cartId }: { cartId: string }) {
 *   const session = useAccountSession();
 *   const remove = useDisassociateCartFromAccount();
 *   if (session.status !== "signed-in") return null;
 *   return (
 *     <button onClick={() => remove.mutate({ cartId, accountId: session.accountId })}>
 *       Remove from {session.accountName}
 *     </button>
 *   );
 * }
 * ```
 */
export function useDisassociateCartFromAccount(
  options: UseDisassociateCartFromAccountOptions = {},
): UseDisassociateCartFromAccountResult {
  useAccountSessions("useDisassociateCartFromAccount");
  return useCartDisassociation("useDisassociateCartFromAccount", accountKind, options);
}
