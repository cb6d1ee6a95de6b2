/**
 * `POST /v2/account-members/tokens`: account member login, one Account Management token
 * per account the member belongs to. As Elastic Path's API reference documents it (elasticpath.dev): "Account Management";
 * schema: Elastic Path's Accounts OpenAPI file (in the public elasticpath/elasticpath-dev repository), `post-v2-account-members-tokens`.
 *
 * Checks run in this order: body, `data.type`, mechanism, the mechanism's fields (400),
 * whether self sign-up is on (403), the credentials (401), a taken username (409).
 */
import { badRequest } from "../errors";
import {
  ACCOUNT_TOKENS_PAGE_LIMIT,
  missingAccountLoginField,
  selfSignupAccountName,
  selfSignupDisabled,
  switchingAccountsUnsupported,
  unknownAuthenticationMechanism,
  usernameTaken,
  wrongAccountCredentials,
} from "../inferred";
import { json, type FakeReply } from "../reply";
import type { FakeRequest, FakeRuntime, Route } from "../route";
import type { StoredAccountMember } from "../store";
import { isRecord, jsonBody, pageOf, type Checked } from "./shared";

const TOKEN_TYPE = "account_management_authentication_token";
const PAGE_LIMIT = { name: "page[limit]", min: 1, max: 100 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

type Fields = Record<string, unknown>;

export const accountMemberTokenRoute: Route = {
  endpoint: "account-member-token",
  method: "POST",
  path: "/v2/account-members/tokens",
  needsBearer: true,
  handle(request, runtime) {
    const body = jsonBody(request);
    if (!body.ok) return body.reply;
    const data = isRecord(body.value) ? body.value.data : undefined;
    if (!isRecord(data)) return missingAccountLoginField("data");
    if (data.type !== TOKEN_TYPE) return badRequest(`data.type must be "${TOKEN_TYPE}".`);
    const mechanism = data.authentication_mechanism;
    if (mechanism === undefined || mechanism === "") {
      return missingAccountLoginField("data.authentication_mechanism");
    }

    let member: Checked<StoredAccountMember>;
    switch (mechanism) {
      case "password":
        member = passwordLogin(data, runtime);
        break;
      case "oidc":
        member = oidcLogin(data, runtime);
        break;
      case "passwordless":
        member = passwordlessLogin(data, runtime);
        break;
      case "self_signup":
        member = selfSignup(data, runtime);
        break;
      case TOKEN_TYPE:
        return switchingAccountsUnsupported();
      default:
        return unknownAuthenticationMechanism(String(mechanism));
    }
    if (!member.ok) return member.reply;
    return tokensOf(member.value, request, runtime);
  },
};

/** The named fields as non-empty strings, or a 400 naming the first one missing. */
function requireFields<Name extends string>(
  data: Fields,
  names: readonly Name[],
): Checked<Record<Name, string>> {
  const values = {} as Record<Name, string>;
  for (const name of names) {
    const value = data[name];
    if (typeof value !== "string" || value === "") {
      return { ok: false, reply: missingAccountLoginField(`data.${name}`) };
    }
    values[name] = value;
  }
  return { ok: true, value: values };
}

const refuse = (reply: FakeReply) => ({ ok: false as const, reply });
const wrong = () => refuse(wrongAccountCredentials());

function passwordLogin(data: Fields, runtime: FakeRuntime): Checked<StoredAccountMember> {
  const fields = requireFields(data, ["password_profile_id", "username", "password"]);
  if (!fields.ok) return fields;
  const { password_profile_id: profileId, username, password } = fields.value;
  if (profileId !== runtime.passwordProfileId) return wrong();
  const member = runtime.store.findAccountMemberByUsername(username);
  if (!member || member.password !== password) return wrong();
  return { ok: true, value: member };
}

function oidcLogin(data: Fields, runtime: FakeRuntime): Checked<StoredAccountMember> {
  const fields = requireFields(data, [
    "oauth_authorization_code",
    "oauth_redirect_uri",
    "oauth_code_verifier",
  ]);
  if (!fields.ok) return fields;
  const { oauth_authorization_code, oauth_redirect_uri, oauth_code_verifier } = fields.value;
  const memberId = runtime.tokens.redeemOidcCode(
    oauth_authorization_code,
    oauth_redirect_uri,
    oauth_code_verifier,
  );
  const member = memberId === undefined ? undefined : runtime.store.getAccountMember(memberId);
  return member ? { ok: true, value: member } : wrong();
}

function passwordlessLogin(data: Fields, runtime: FakeRuntime): Checked<StoredAccountMember> {
  const fields = requireFields(data, [
    "password_profile_id",
    "username",
    "one_time_password_token",
  ]);
  if (!fields.ok) return fields;
  const { password_profile_id: profileId, username, one_time_password_token } = fields.value;
  if (profileId !== runtime.passwordProfileId) return wrong();
  const member = runtime.store.findAccountMemberByUsername(username);
  if (!member || !runtime.tokens.redeemOneTimePassword(member.id, one_time_password_token)) {
    return wrong();
  }
  return { ok: true, value: member };
}

/** Creates the member (and, with `auto_create_account_for_account_members`, an account for it). */
function selfSignup(data: Fields, runtime: FakeRuntime): Checked<StoredAccountMember> {
  const fields = requireFields(data, [
    "password_profile_id",
    "username",
    "password",
    "name",
    "email",
  ]);
  if (!fields.ok) return fields;
  const { password_profile_id: profileId, username, password, name, email } = fields.value;
  if (!EMAIL.test(email)) return refuse(badRequest("data.email must be an email address."));
  if (!runtime.selfSignup) return refuse(selfSignupDisabled());
  if (profileId !== runtime.passwordProfileId) return wrong();
  if (runtime.store.findAccountMemberByUsername(username)) return refuse(usernameTaken());

  const member = runtime.store.addAccountMember({
    id: crypto.randomUUID(),
    username,
    password,
    name,
    email,
    accountIds: [],
  });
  if (runtime.autoCreateAccountForAccountMembers) {
    const account = runtime.store.addAccount({
      id: crypto.randomUUID(),
      name: selfSignupAccountName(member),
    });
    member.accountIds.push(account.id);
  }
  return { ok: true, value: member };
}

/** The 201 answer: a token for each of the member's accounts on the page, in membership order. */
function tokensOf(
  member: StoredAccountMember,
  request: FakeRequest,
  runtime: FakeRuntime,
): FakeReply {
  // Brackets percent-encoded: the spec types these links `format: uri`, which forbids raw `[`.
  const link = (offset: number, limit: number) =>
    `${runtime.baseUrl}/v2/account-members/tokens?page%5Boffset%5D=${offset}&page%5Blimit%5D=${limit}`;
  const page = pageOf(
    member.accountIds,
    request.query,
    PAGE_LIMIT,
    ACCOUNT_TOKENS_PAGE_LIMIT,
    link,
  );
  if (!page.ok) return page.reply;

  const data = page.value.data.map((accountId) => {
    const issued = runtime.tokens.issueAccountToken(member.id, accountId);
    return {
      type: TOKEN_TYPE,
      account_id: accountId,
      account_name: runtime.store.getAccount(accountId)?.name ?? "",
      token: issued.token,
      expires:
        runtime.accountTokenExpires === "epoch-seconds"
          ? Math.floor(issued.expiresAtMs / 1000)
          : new Date(issued.expiresAtMs).toISOString(),
    };
  });
  return json(201, {
    data,
    meta: { account_member_id: member.id, ...page.value.meta },
    links: page.value.links,
  });
}
