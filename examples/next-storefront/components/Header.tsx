"use client";
import {
  useAssociateCartWithCustomer,
  useCustomerLogout,
  useCustomerSession,
} from "epcc-react-hooks";
import Link from "next/link";
import { CartBadge } from "./CartBadge";

/** Each storefront's header: where to go, the cart, who is signed in, and the association. */
export function Header({ base, title }: { base: string; title: string }) {
  const session = useCustomerSession();
  const logout = useCustomerLogout();
  return (
    <header className="store-header">
      <p className="store-title">{title}</p>
      <nav aria-label="Storefront">
        <Link href={base}>Products</Link>
        <Link href={`${base}/cart`}>Cart</Link>
        <Link href={`${base}/my-carts`}>My carts</Link>
        {session.status === "signed-in" ? (
          <button type="button" onClick={logout}>
            Log out
          </button>
        ) : (
          <Link href={`${base}/login`}>Log in</Link>
        )}
      </nav>
      <p className="session-status">
        {session.status === "signed-in" ? "Signed in" : "Signed out"}
      </p>
      <CartBadge />
      <AssociationNotice />
    </header>
  );
}

/** Mounted on every page: on login, the hook ties this device's cart to the customer by itself. */
function AssociationNotice() {
  const association = useAssociateCartWithCustomer();
  if (association.isPending) return <p aria-live="polite">Saving your cart to your account…</p>;
  if (association.isError) return <p role="alert">{association.error.message}</p>;
  if (association.data) return <p aria-live="polite">Your cart is saved to your account.</p>;
  return null;
}
