import type { Client } from "@epcc-sdk/sdks-shopper";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { requireEmail, requireObject, requirePassword } from "../errors/validate";
import type { SignedInSession } from "./CustomerSession";
import type { ShopperLogin } from "./sessionKind";

export interface CustomerLoginVariables {
  email: string;
  password: string;
}

/** What TanStack keeps of a login's variables (its devtools and persisters see it): the email, never the password. */
export interface CustomerLoginKeptVariables {
  email?: string;
}

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

/** How a customer logs in: `POST /v2/customers/tokens`, keeping nothing of it but the email. */
export const customerLogin: ShopperLogin<
  "customer",
  SignedInSession,
  CustomerLoginVariables,
  CustomerLoginKeptVariables
> = {
  kind: "customer",
  request: (client, variables) => requestCustomerToken(client, checkCredentials(variables)),
  withoutSecrets: keepEmailOnly,
};
