"use client";
import { useCallback } from "react";
import { ElasticPathError } from "../../core/errors/ElasticPathError";
import { requireSafeId } from "../../core/errors/validate";
import { useElasticPathContext } from "../internal/context";
import { selectAccount, type AccountSession } from "../../core/session/AccountSession";
import { useAccountSessions } from "../internal/useAccountSessions";

/**
 * A function that switches the signed-in member to another of their accounts, with no
 * request: each account's token came with the login. The previous account's cached lists
 * are forgotten, and so is the current cart id, as on logout (unless the provider has
 * `keepCartOnLogout`). An id that is not one of the member's accounts throws an
 * `ElasticPathError`, as does switching while signed out.
 *
 * @example
 * ```tsx
 * function AccountSwitcher() {
 *   const session = useAccountSession();
 *   const selectAccount = useSelectAccount();
 *   if (session.status !== "signed-in") return null;
 *   return (
 *     <select value={session.accountId} onChange={(event) => selectAccount(event.target.value)}>
 *       {session.accounts.map((account) => (
 *         <option key={account.accountId} value={account.accountId}>
 *           {account.accountName}
 *         </option>
 *       ))}
 *     </select>
 *   );
 * }
 * ```
 */
export function useSelectAccount(): (accountId: string) => void {
  useAccountSessions("useSelectAccount");
  const { store } = useElasticPathContext("useSelectAccount");
  return useCallback(
    (accountId: string) => {
      const id = requireSafeId("accountId", accountId);
      const session = store.latest().account as AccountSession;
      if (session.status !== "signed-in") {
        throw new ElasticPathError("An account can only be selected while a member is signed in.");
      }
      if (session.accountId === id) return;
      const next = selectAccount(session, id);
      // Switching to a token that has run out would sign the member out of every account.
      if (next.expiresAt <= Date.now()) {
        throw new ElasticPathError(
          `The session for account "${id}" has expired: sign in again to shop for it.`,
        );
      }
      store.switchAccount(next);
    },
    [store],
  );
}
