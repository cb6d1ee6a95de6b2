import type { DemoAccountMember } from "../support/b2b";
import { AccountCarts } from "./AccountCarts";
import { AccountCartStatus } from "./AccountCartStatus";
import { AccountSignIn } from "./AccountSignIn";
import { AccountSwitcher } from "./AccountSwitcher";
import { CartBadge } from "./CartBadge";
import { OtherAccountsCarts } from "./OtherAccountsCarts";

export interface B2bStorefrontProps {
  passwordProfileId: string;
  member?: DemoAccountMember;
}

/**
 * A storefront for business buyers (Account Management): sign-in, the banner saying where
 * the guest cart went, the "Buying for" switcher, the selected account's carts and the
 * member's other accounts' carts.
 */
export function B2bStorefront({ passwordProfileId, member }: B2bStorefrontProps) {
  return (
    <div className="storefront">
      <header className="storefront-header">
        <p className="shop-name">Demo store for business</p>
        <AccountSwitcher />
        <CartBadge />
      </header>
      <main>
        <h1>Buying for your accounts</h1>
        <AccountCartStatus />
        <AccountSignIn passwordProfileId={passwordProfileId} member={member} />
        <AccountCarts />
        <OtherAccountsCarts />
      </main>
    </div>
  );
}
