import type { Client } from "@epcc-sdk/sdks-shopper";
import { createContext, useContext } from "react";
import { ElasticPathError } from "../errors/ElasticPathError";
import type { AssociationCoordinator } from "../carts/associationCoordinator";
import type { CustomerSession, SignedInSession } from "../session/CustomerSession";

/** What the provider shares with the package's hooks. Internal: users reach it through hooks. */
export interface ElasticPathContextValue {
  client: Client;
  /** Live session: an expired one is already `signed-out` here. */
  session: CustomerSession;
  cartId: string | undefined;
  setCartId(cartId: string | undefined): void;
  /** Starts a session after login. */
  signIn(session: SignedInSession): void;
  /** Ends the session (logout, expiry, a 401 on a customer-token request) and forgets its data. */
  signOut(): void;
  /**
   * Ends the session only if it is still the one `customerToken` belongs to: a late 401 for
   * an older token (async callers) must not end the customer's next session.
   */
  signOutIfCurrent(customerToken: string): void;
  /** The latest session, also between renders (for callbacks that outlive one). */
  currentSession(): CustomerSession;
  associations: AssociationCoordinator;
}

export const ElasticPathContext = createContext<ElasticPathContextValue | undefined>(undefined);

/** The provider's value; throws a sentence naming the provider when there is none. */
export function useElasticPathContext(hookName: string): ElasticPathContextValue {
  const value = useContext(ElasticPathContext);
  if (value === undefined) {
    throw new ElasticPathError(`${hookName} must be used inside <ElasticPathProvider>.`);
  }
  return value;
}
