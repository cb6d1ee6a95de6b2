import type { ReactNode } from "react";
import type { UseAssociateCartWithCustomerOptions } from "../../src";
import { Account } from "./Account";
import { AssociationStatus } from "./AssociationStatus";
import { CartBadge } from "./CartBadge";
import { MyCarts, type MyCartsProps } from "./MyCarts";
import { Products } from "./Products";

export interface StorefrontProps {
  /** Options of the banner's `useAssociateCartWithCustomer` (e.g. a short `retryDelay`). */
  association?: UseAssociateCartWithCustomerOptions;
  myCarts?: MyCartsProps;
  /** Story-specific controls, shown under the storefront. */
  children?: ReactNode;
  /** A notice in the page's flow under the heading (a toast), where it covers nothing. */
  notice?: ReactNode;
}

/** A small storefront: cart badge, products, login, the association banner and "My carts". */
export function Storefront({ association, myCarts, children, notice }: StorefrontProps) {
  return (
    <div className="storefront">
      <header className="storefront-header">
        <p className="shop-name">Demo store</p>
        <CartBadge />
      </header>
      <main>
        <h1>Your cart, your account</h1>
        <AssociationStatus options={association} />
        {notice}
        <div className="columns">
          <Account />
          <Products />
        </div>
        <MyCarts {...myCarts} />
        {children}
      </main>
    </div>
  );
}
