"use client";
import type { MutationResultWithoutSecrets } from "../internal/useMutationWithoutSecrets";
import { useAccountSessions } from "../internal/useAccountSessions";
import type {
  OwnerKeptVariables,
  OwnerMergedResult,
  OwnerResult,
  OwnerVariables,
} from "../../core/carts/associateCart";
import { accountKind } from "../../core/session/AccountSession";
import { useCartAssociation, type CartAssociationOptions } from "../internal/useCartAssociation";

/**
 * Which cart to tie to which account. Without `accountToken`, the selected account's token
 * is sent when `accountId` is the signed-in member's selected account; with neither, the
 * client must hold a client-credentials token, which only trusted server code may have.
 */
export type AssociateCartWithAccountVariables = OwnerVariables<"account">;

/** `associated`: Elastic Path answered 200. `already-associated`: 204, nothing changed. */
export type AssociateCartWithAccountResult = OwnerResult<"account">;

/**
 * The automatic call's result under `guestCartOnLogin="merge"`: the guest cart's items went
 * into the account's most recently updated cart, now the current cart.
 */
export type MergedAccountCartResult = OwnerMergedResult<"account">;

/** What TanStack keeps of the variables: no token, even one given by hand. */
export type AssociateCartWithAccountKeptVariables = OwnerKeptVariables<"account">;

export type UseAssociateCartWithAccountOptions = CartAssociationOptions<
  AssociateCartWithAccountResult | MergedAccountCartResult,
  AssociateCartWithAccountKeptVariables
>;
export type UseAssociateCartWithAccountResult = MutationResultWithoutSecrets<
  AssociateCartWithAccountResult | MergedAccountCartResult,
  AssociateCartWithAccountVariables,
  AssociateCartWithAccountKeptVariables
>;

/**
 * Ties a cart to an account (`POST /v2/carts/:cartId/relationships/accounts`), so every
 * member of the account finds it, on every device, in "My carts".
 *
 * - By itself on login: with `associateOnLogin` (default), the current cart and the
 *   selected account are associated once per session, whichever came first; every mounted
 *   instance shows that call in its state.
 * - 200 → `{ status: "associated" }`, and the account's cart lists (only those) are brought
 *   up to date before the mutation settles. 204 → `{ status: "already-associated" }`, a no-op.
 * - Network failures, 429 (honouring `Retry-After`) and 5xx are retried up to 3 times;
 *   400/401/403/422 never. A 401 signs the member out. A cart with a contact email (guest
 *   checkout details) is refused with a 422 `ElasticPathError`.
 * - With `guestCartOnLogin="merge"` on the provider, the automatic call may merge instead:
 *   `{ status: "merged", cartId, guestCartId, accountId, itemErrors }`.
 *
 * @example
 * ```tsx
 * function SavedCartBanner() {
 *   const { data, error, isPending } = useAssociateCartWithAccount();
 *   if (isPending) return <p>Saving your cart…</p>;
 *   if (error) return <p role="alert">{error.message}</p>;
 *   if (data?.status === "associated") return <p>Your cart is saved to the account.</p>;
 *   return null;
 * }
 * ```
 */
export function useAssociateCartWithAccount(
  options: UseAssociateCartWithAccountOptions = {},
): UseAssociateCartWithAccountResult {
  useAccountSessions("useAssociateCartWithAccount");
  return useCartAssociation("useAssociateCartWithAccount", accountKind, options);
}
