"use client";
import { useElasticPathContext, useSessionState } from "../internal/context";
import type { CustomerSession } from "../../core/session/CustomerSession";

/**
 * Who is shopping: `signed-out`, or `signed-in` with the customer's id, token and expiry.
 * An expired session already reads as `signed-out`.
 *
 * @example
 * ```tsx
 * const session = useCustomerSession();
 * return session.status === "signed-in" ? <AccountMenu /> : <LoginLink />;
 * ```
 */
export function useCustomerSession(): CustomerSession {
  const { store } = useElasticPathContext("useCustomerSession");
  return useSessionState(store, (snapshot) => snapshot.customer as CustomerSession);
}
