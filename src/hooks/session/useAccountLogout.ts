"use client";
import { useCallback } from "react";
import { useElasticPathContext } from "../internal/context";
import { useAccountSessions } from "../internal/useAccountSessions";

/**
 * A function that signs the account member out, of every account. Afterwards nothing cached
 * for them can be read, an association still in the air cannot write into the next
 * session's cache, and the current cart id is forgotten (unless the provider has
 * `keepCartOnLogout`).
 *
 * @example
 * ```tsx
 * const logout = useAccountLogout();
 * return <button onClick={logout}>Sign out</button>;
 * ```
 */
export function useAccountLogout(): () => void {
  useAccountSessions("useAccountLogout");
  const { store } = useElasticPathContext("useAccountLogout");
  return useCallback(() => store.logOut("account"), [store]);
}
