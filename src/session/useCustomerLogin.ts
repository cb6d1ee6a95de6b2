"use client";
import type { Client } from "@epcc-sdk/sdks-shopper";
import {
  useMutation,
  type QueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from "@tanstack/react-query";
import { useEffect } from "react";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { requireObject, requireText } from "../errors/validate";
import { useElasticPathContext } from "../provider/context";
import type { CustomerSession, SignedInSession } from "./CustomerSession";

export interface CustomerLoginVariables {
  email: string;
  password: string;
}

export type UseCustomerLoginOptions = Omit<
  UseMutationOptions<SignedInSession, ElasticPathError, CustomerLoginVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseCustomerLoginResult = UseMutationResult<
  SignedInSession,
  ElasticPathError,
  CustomerLoginVariables
>;

/** The login mutation's key, so the provider can find logins whose session is over. */
export const loginMutationKey = ["epcc", "session", "login"] as const;

/**
 * Removes every login but the current session's from the mutation cache: a login's data is
 * its session, token included, and must not outlive it (logout, expiry, a 401, another login).
 */
export function forgetStaleLogins(queryClient: QueryClient, current: CustomerSession): void {
  const token = current.status === "signed-in" ? current.token : undefined;
  const mutationCache = queryClient.getMutationCache();
  mutationCache
    .findAll({
      mutationKey: loginMutationKey,
      status: "success",
      predicate: (mutation) => (mutation.state.data as SignedInSession).token !== token,
    })
    .forEach((mutation) => mutationCache.remove(mutation));
}

const MAX_EMAIL_LENGTH = 320;
// Generous for passphrases, small enough that a pasted file is refused before it is sent.
const MAX_PASSWORD_LENGTH = 1024;

function checkCredentials(variables: unknown): CustomerLoginVariables {
  const { email, password } = requireObject("variables", variables);
  const checkedEmail = requireText("email", email, MAX_EMAIL_LENGTH);
  if (!checkedEmail.includes("@")) throw new ElasticPathError("email must be an email address.");
  if (typeof password !== "string" || password === "") {
    throw new ElasticPathError("password must be a non-empty string.");
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ElasticPathError(`password must be at most ${MAX_PASSWORD_LENGTH} characters long.`);
  }
  return { email: checkedEmail.trim(), password };
}

/** The 200 body of `POST /v2/customers/tokens` (not in the SDK; ep-api-contract.md). */
interface CustomerTokenResponse {
  data?: { customer_id?: unknown; token?: unknown; expires?: unknown };
}

async function requestCustomerToken(
  client: Client,
  { email, password }: CustomerLoginVariables,
): Promise<SignedInSession> {
  const action = "Logging in";
  // The SDK has no function for this endpoint; its client still adds the implicit bearer.
  const result = await answerOf(
    action,
    client.post<CustomerTokenResponse, unknown, false>({
      url: "/v2/customers/tokens",
      body: { data: { type: "token", email, password, authentication_mechanism: "password" } },
    }),
  );
  const { customer_id, token, expires } = result.data?.data ?? {};
  if (typeof customer_id !== "string" || typeof token !== "string" || typeof expires !== "number") {
    throw new ElasticPathError(
      `${action} failed: Elastic Path answered without a customer token.`,
      {
        status: result.response.status,
      },
    );
  }
  return { status: "signed-in", customerId: customer_id, token, expiresAt: expires * 1000 };
}

/**
 * Logs a customer in with email and password (`POST /v2/customers/tokens`). On success the
 * session is signed-in, and `useAssociateCartWithCustomer` ties the guest cart to them.
 * Wrong credentials fail with an `ElasticPathError` whose `status` is 401.
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
  const { client, signIn, session } = useElasticPathContext("useCustomerLogin");
  const login = useMutation({
    retry: false, // a wrong password stays wrong, and login must not be sent twice
    ...options,
    mutationKey: loginMutationKey,
    mutationFn: (variables) => requestCustomerToken(client, checkCredentials(variables)),
    onSuccess: (session, ...rest) => {
      signIn(session);
      return options.onSuccess?.(session, ...rest);
    },
  });
  // A login's data is its session, token included: once that session is over (logout,
  // expiry, another login), this hook forgets it too, like the mutation cache does.
  const currentToken = session.status === "signed-in" ? session.token : undefined;
  const { data, reset } = login;
  useEffect(() => {
    if (data !== undefined && data.token !== currentToken) reset();
  }, [data, currentToken, reset]);
  return login;
}
