"use client";
import { useElasticPathContext } from "../provider/context";

/**
 * A function that signs the shopper out. Afterwards nothing cached for that customer can be
 * read, an association still in the air cannot write into the next session's cache, and
 * the current cart id is forgotten (unless the provider has `keepCartOnLogout`).
 *
 * @example
 * ```tsx
 * const logout = useCustomerLogout();
 * return <button onClick={logout}>Log out</button>;
 * ```
 */
export function useCustomerLogout(): () => void {
  return useElasticPathContext("useCustomerLogout").signOut;
}
