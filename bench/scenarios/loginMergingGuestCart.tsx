/**
 * 6. login-merging-guest-cart: scenario 1 with `guestCartOnLogin="merge"` on this package's
 * provider: the guest cart's items go into the newest of the customer's three carts, which
 * becomes the current cart, and "My carts" shows the three. The baseline is scenario 1's SDK
 * storefront, which associates: the budget is its requests plus the merge request itself,
 * within the same round trips. In each storefront shape.
 */
import { inEveryShape, type Scenario } from "../support/results";
import { runLoginWithGuestCart } from "./loginWithGuestCart";

export const loginMergingGuestCart: Scenario[] = inEveryShape(
  "login-merging-guest-cart",
  (implementation, shape) =>
    runLoginWithGuestCart(shape, implementation, { guestCartOnLogin: "merge" }),
);
