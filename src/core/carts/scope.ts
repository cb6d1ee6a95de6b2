import type { Client } from "@epcc-sdk/sdks-shopper";
import type { QueryClient } from "@tanstack/react-query";
import type { SessionStore } from "../session/sessionStore";
import type { GuestCartOnLogin } from "./associateCart";
import type { AssociationLedger } from "./associationLedger";

/**
 * Where the engine runs: one provider's SDK client, QueryClient, session store, association
 * ledger and guest-cart policy. The provider makes one (`startEngine`), the hooks read it from
 * context, and every engine function that needs more than one of them takes it whole.
 */
export interface Scope {
  client: Client;
  queryClient: QueryClient;
  /** The shopper's session and the current cart id. */
  store: SessionStore;
  /** The (cart, shopper) pairs associated in the session, where the app's storage choice keeps them. */
  ledger: AssociationLedger;
  /** What the automatic call does with a guest cart at login. */
  guestCartOnLogin: GuestCartOnLogin;
  /** Whether the cart stays current once it is ordered; default `"new"`: it does not. */
  cartAfterCheckout?: "new" | "keep";
}
