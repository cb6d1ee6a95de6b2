"use client";
import type { UseMutationOptions } from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import type { SignedInAccountSession } from "../../core/session/AccountSession";
import {
  accountLogin,
  type AccountLoginKeptVariables,
  type AccountLoginVariables,
} from "../../core/session/accountLogin";
import { useAccountSessions } from "../internal/useAccountSessions";
import type { MutationResultWithoutSecrets } from "../internal/useMutationWithoutSecrets";
import { useShopperLogin } from "../internal/useShopperLogin";

export type {
  AccountLoginKeptVariables,
  AccountLoginVariables,
  AccountOidcLogin,
  AccountPasswordLogin,
  AccountPasswordlessLogin,
  AccountSelfSignupLogin,
} from "../../core/session/accountLogin";

export type UseAccountLoginOptions = Omit<
  UseMutationOptions<SignedInAccountSession, ElasticPathError, AccountLoginKeptVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseAccountLoginResult = MutationResultWithoutSecrets<
  SignedInAccountSession,
  AccountLoginVariables,
  AccountLoginKeptVariables
>;

/**
 * Signs an account member in (`POST /v2/account-members/tokens`) with a password, single
 * sign-on (OpenID Connect), a one-time password, or by signing up. Elastic Path answers with
 * one token per account the member may act for: the session keeps them all and selects
 * `accountId` if given and listed, else the first; `useSelectAccount` switches later. A
 * customer session ends: one shopper at a time. Wrong credentials fail with an
 * `ElasticPathError` whose `status` is 401; a member of no account stays signed out. No
 * secret (password, one-time password, code) is kept in the mutation's `variables`.
 *
 * @example
 * ```tsx
 * function SignIn({ passwordProfileId }: { passwordProfileId: string }) {
 *   const login = useAccountLogin();
 *   return (
 *     <form
 *       onSubmit={(event) => {
 *         event.preventDefault();
 *         const form = new FormData(event.currentTarget);
 *         login.mutate({
 *           passwordProfileId,
 *           username: String(form.get("username")),
 *           password: String(form.get("password")),
 *         });
 *       }}
 *     >
 *       <input name="username" aria-label="Username" />
 *       <input name="password" type="password" aria-label="Password" />
 *       <button disabled={login.isPending}>Sign in</button>
 *       {login.error && <p role="alert">{login.error.message}</p>}
 *     </form>
 *   );
 * }
 * ```
 */
export function useAccountLogin(options: UseAccountLoginOptions = {}): UseAccountLoginResult {
  useAccountSessions("useAccountLogin");
  return useShopperLogin("useAccountLogin", accountLogin, options);
}
