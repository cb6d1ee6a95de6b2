"use client";
import { useElasticPathContext, useSessionState } from "../internal/context";
import type { AccountSession } from "../../core/session/AccountSession";
import { useAccountSessions } from "../internal/useAccountSessions";

/**
 * Who is shopping, on Account Management: `signed-out`, or `signed-in` with the member's
 * id, the selected account (id, name, token, expiry) and every account they may act for.
 * An expired session already reads as `signed-out`.
 *
 * @example
 * ```tsx
 * function AccountBadge() {
 *   const session = useAccountSession();
 *   if (session.status !== "signed-in") return <a href="/login">Sign in</a>;
 *   return <span>Buying for {session.accountName}</span>;
 * }
 * ```
 */
export function useAccountSession(): AccountSession {
  useAccountSessions("useAccountSession");
  const { store } = useElasticPathContext("useAccountSession");
  return useSessionState(store, (snapshot) => snapshot.account as AccountSession);
}
