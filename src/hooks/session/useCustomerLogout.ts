"use client";
import { useCallback } from "react";
import { useElasticPathContext } from "../internal/context";

/**
 * A function that signs the customer out. Afterwards nothing cached for that customer can be
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
  const { store } = useElasticPathContext("useCustomerLogout");
  return useCallback(() => store.logOut("customer"), [store]);
}
