/**
 * 5. account-login-with-guest-cart: scenario 1 for an account member (Account Management):
 * the member's account has three carts, and the guest cart goes to that account —
 * `useAccountLogin`, `useAssociateCartWithAccount` and `useAccountCarts` against the SDK's
 * `postV2AccountMembersTokens`, `createAccountCartAssociationMutation` and `getCartsOptions`
 * with the account token. In each storefront shape.
 */
import { inEveryShape, type Scenario } from "../support/results";
import { runLoginWithGuestCart } from "./loginWithGuestCart";

export const accountLoginWithGuestCart: Scenario[] = inEveryShape(
  "account-login-with-guest-cart",
  (implementation, shape) => runLoginWithGuestCart(shape, implementation, {}, "account"),
);
