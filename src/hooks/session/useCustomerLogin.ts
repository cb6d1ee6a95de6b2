"use client";
import type { UseMutationOptions } from "@tanstack/react-query";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import type { SignedInSession } from "../../core/session/CustomerSession";
import {
  customerLogin,
  type CustomerLoginKeptVariables,
  type CustomerLoginVariables,
} from "../../core/session/customerLogin";
import type { MutationResultWithoutSecrets } from "../internal/useMutationWithoutSecrets";
import { useShopperLogin } from "../internal/useShopperLogin";

export type {
  CustomerLoginKeptVariables,
  CustomerLoginVariables,
} from "../../core/session/customerLogin";

export type UseCustomerLoginOptions = Omit<
  UseMutationOptions<SignedInSession, ElasticPathError, CustomerLoginKeptVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseCustomerLoginResult = MutationResultWithoutSecrets<
  SignedInSession,
  CustomerLoginVariables,
  CustomerLoginKeptVariables
>;

/**
 * Logs a customer in with email and password (`POST /v2/customers/tokens`). On success the
 * session is signed-in, and `useAssociateCartWithCustomer` ties the guest cart to them.
 * Wrong credentials fail with an `ElasticPathError` whose `status` is 401. The password is
 * never kept: the mutation's `variables` hold the email only.
 *
 * @example
 * ```tsx
 * const login = useCustomerLogin();
 * <form onSubmit={(e) => { e.preventDefault(); login.mutate({ email, password }); }}>
 *   {login.error?.status === 401 && <p role="alert">Wrong email or password.</p>}
 * </form>
 * ```
 */
export function useCustomerLogin(options: UseCustomerLoginOptions = {}): UseCustomerLoginResult {
  return useShopperLogin("useCustomerLogin", customerLogin, options);
}
