"use client";
import type { Client } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions } from "@tanstack/react-query";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { requireEmail, requireObject, requirePassword } from "../errors/validate";
import type { SignedInSession } from "./CustomerSession";
import { useShopperLogin } from "./useShopperLogin";
import type { MutationResultWithoutSecrets } from "./useMutationWithoutSecrets";

export interface CustomerLoginVariables {
  email: string;
  password: string;
}

/** What TanStack keeps of a login's variables (its devtools and persisters see it): the email, never the password. */
export interface CustomerLoginKeptVariables {
  email?: string;
}

export type UseCustomerLoginOptions = Omit<
  UseMutationOptions<SignedInSession, ElasticPathError, CustomerLoginKeptVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseCustomerLoginResult = MutationResultWithoutSecrets<
  SignedInSession,
  CustomerLoginVariables,
  CustomerLoginKeptVariables
>;

const keepEmailOnly = (variables: unknown): CustomerLoginKeptVariables => {
  const email = (variables as { email?: unknown } | null | undefined)?.email;
  return { email: typeof email === "string" ? email : undefined };
};

function checkCredentials(variables: unknown): CustomerLoginVariables {
  const { email, password } = requireObject("variables", variables);
  return { email: requireEmail("email", email), password: requirePassword("password", password) };
}

/** The 200 body of `POST /v2/customers/tokens` (not in the SDK; test/fake/customerToken.test.ts pins it). */
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
  return useShopperLogin(
    "useCustomerLogin",
    "customer",
    (client, variables: CustomerLoginVariables) =>
      requestCustomerToken(client, checkCredentials(variables)),
    keepEmailOnly,
    options,
  );
}
