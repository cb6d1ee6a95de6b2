import type { Client } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import {
  requireEmail,
  requireObject,
  requirePassword,
  requireSafeId,
  requireText,
} from "../errors/validate";
import { requireAccountSession, type SignedInAccountSession } from "./AccountSession";
import type { ShopperLogin } from "./sessionKind";

/** The password profile's login: username and password (Elastic Path's `password` mechanism). */
export interface AccountPasswordLogin {
  mechanism?: "password";
  passwordProfileId: string;
  username: string;
  password: string;
  /** The account to shop for first; default the first one Elastic Path lists. */
  accountId?: string;
}
/** Single sign-on: the code your OpenID Connect provider redirected back with (PKCE). */
export interface AccountOidcLogin {
  mechanism: "oidc";
  authorizationCode: string;
  redirectUri: string;
  codeVerifier: string;
  accountId?: string;
}
/** A one-time password sent to the member (Elastic Path's `passwordless` mechanism). */
export interface AccountPasswordlessLogin {
  mechanism: "passwordless";
  passwordProfileId: string;
  username: string;
  oneTimePasswordToken: string;
  accountId?: string;
}
/** A new member signing themselves up, where the store allows it (`self_signup`). */
export interface AccountSelfSignupLogin {
  mechanism: "self-signup";
  passwordProfileId: string;
  username: string;
  password: string;
  name: string;
  email: string;
  accountId?: string;
}

export type AccountLoginVariables =
  AccountPasswordLogin | AccountOidcLogin | AccountPasswordlessLogin | AccountSelfSignupLogin;

/**
 * What TanStack keeps of a login's variables (its devtools and persisters see it): no
 * password, one-time password, authorization code or code verifier.
 */
export interface AccountLoginKeptVariables {
  mechanism?: string;
  username?: string;
  accountId?: string;
}

function keepNoSecrets(variables: unknown): AccountLoginKeptVariables {
  const given = (variables ?? {}) as Record<string, unknown>;
  const text = (field: string) =>
    typeof given[field] === "string" ? (given[field] as string) : undefined;
  return { mechanism: text("mechanism"), username: text("username"), accountId: text("accountId") };
}

// Generous for codes and redirect URLs; small enough that a pasted file is refused.
const MAX_FIELD_LENGTH = 4096;

/** Each mechanism: Elastic Path's name for it, and its fields (ours → the request body's). */
const MECHANISMS = {
  password: [
    "password",
    { passwordProfileId: "password_profile_id", username: "username", password: "password" },
  ],
  oidc: [
    "oidc",
    {
      authorizationCode: "oauth_authorization_code",
      redirectUri: "oauth_redirect_uri",
      codeVerifier: "oauth_code_verifier",
    },
  ],
  passwordless: [
    "passwordless",
    {
      passwordProfileId: "password_profile_id",
      username: "username",
      oneTimePasswordToken: "one_time_password_token",
    },
  ],
  "self-signup": [
    "self_signup",
    {
      passwordProfileId: "password_profile_id",
      username: "username",
      password: "password",
      name: "name",
      email: "email",
    },
  ],
} as const;

/** Fields with rules of their own; the others must be non-empty text. */
const FIELD_CHECKS: Record<string, (field: string, value: unknown) => string> = {
  password: requirePassword,
  email: requireEmail,
  passwordProfileId: requireSafeId,
};

type RequestBody = NonNullable<
  NonNullable<Parameters<typeof sdk.postV2AccountMembersTokens>[0]>["body"]
>;

/** The request body for the variables, checked field by field before anything is sent. */
function loginBody(variables: unknown): { body: RequestBody; accountId?: string } {
  const given = requireObject("variables", variables);
  // Only a missing mechanism means a password; `null` is a mistake, refused as any other.
  const mechanism = given.mechanism === undefined ? "password" : given.mechanism;
  if (typeof mechanism !== "string" || !Object.hasOwn(MECHANISMS, mechanism)) {
    throw invalidInput(
      `mechanism must be one of ${Object.keys(MECHANISMS).join(", ")} (default "password").`,
    );
  }
  const [name, fields] = MECHANISMS[mechanism as keyof typeof MECHANISMS];
  const data: Record<string, string> = {
    type: "account_management_authentication_token",
    authentication_mechanism: name,
  };
  for (const [field, bodyField] of Object.entries(fields)) {
    const check =
      FIELD_CHECKS[field] ?? ((name, value) => requireText(name, value, MAX_FIELD_LENGTH));
    data[bodyField] = check(field, given[field]);
  }
  const accountId =
    given.accountId === undefined ? undefined : requireSafeId("accountId", given.accountId);
  return { body: { data } as unknown as RequestBody, accountId };
}

/**
 * `expires` as epoch milliseconds: Elastic Path's schema says an ISO date-time, its prose
 * says epoch time, and the SDK types it as a `Date` while handing back what was sent.
 */
function expiryOf(expires: unknown): number {
  if (expires instanceof Date) return expires.getTime();
  if (typeof expires === "number") return expires * 1000;
  if (typeof expires !== "string" || expires.trim() === "") return NaN;
  const seconds = Number(expires);
  return Number.isFinite(seconds) ? seconds * 1000 : Date.parse(expires);
}

async function requestAccountTokens(
  client: Client,
  variables: AccountLoginVariables,
): Promise<SignedInAccountSession> {
  const action = "Signing in";
  const { body, accountId } = loginBody(variables);
  const result = await answerOf(action, sdk.postV2AccountMembersTokens({ client, body }));
  const { data, meta } = result.data ?? {};
  const status = result.response.status;
  if (Array.isArray(data) && data.length === 0) {
    throw new ElasticPathError(
      `${action} failed: the account member belongs to no account, so there is nothing to shop for.`,
      { status },
    );
  }
  const accounts = Array.isArray(data)
    ? data.map((entry) => ({
        accountId: entry?.account_id,
        accountName: entry?.account_name,
        token: entry?.token,
        expiresAt: expiryOf(entry?.expires),
      }))
    : [];
  const first = accounts[0];
  const selected = accounts.find((account) => account.accountId === accountId) ?? first;
  try {
    return requireAccountSession("session", {
      status: "signed-in",
      accountMemberId: meta?.account_member_id,
      ...selected,
      accounts,
    }) as SignedInAccountSession;
  } catch (cause) {
    throw new ElasticPathError(
      `${action} failed: Elastic Path answered without a usable account token.`,
      { status, cause },
    );
  }
}

/** How an account member signs in: `POST /v2/account-members/tokens`, keeping no secret. */
export const accountLogin: ShopperLogin<
  "account",
  SignedInAccountSession,
  AccountLoginVariables,
  AccountLoginKeptVariables
> = {
  kind: "account",
  request: requestAccountTokens,
  withoutSecrets: keepNoSecrets,
};
