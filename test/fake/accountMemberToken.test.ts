import { getCarts } from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import {
  ACCOUNT_TOKEN_TYPE,
  createTestClient,
  loginAccountMember,
  requestAccountTokens,
  type ShopperClient,
} from "../support/sdk";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const DAY_MS = 24 * 60 * 60 * 1000;
const TEN_MINUTES_MS = 10 * 60 * 1000;

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const acme = fake.seedAccount({ name: "Acme" });
  const family = fake.seedAccount({ name: "The Lovelaces" });
  const ada = fake.seedAccountMember({
    username: "ada@example.com",
    password: "analytical",
    name: "Ada Lovelace",
    accountIds: [acme.id, family.id],
  });
  const { client } = createTestClient(fake);
  const tokens = (data: Record<string, unknown>, query?: Record<string, unknown>) =>
    requestAccountTokens(client, data, query);
  const passwordLogin = (overrides: Record<string, unknown> = {}) =>
    tokens({
      authentication_mechanism: "password",
      password_profile_id: fake.passwordProfileId,
      username: "ada@example.com",
      password: "analytical",
      ...overrides,
    });
  return { fake, acme, family, ada, client, tokens, passwordLogin };
}

function decodeJwtPayload(token: string): unknown {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
}

const tokensPage = (offset: number, limit: number) =>
  `https://useast.api.elasticpath.com/v2/account-members/tokens?page%5Boffset%5D=${offset}&page%5Blimit%5D=${limit}`;

const listWith = (client: ShopperClient, token: string, query?: Record<string, unknown>) =>
  getCarts({ client, headers: { "EP-Account-Management-Authentication-Token": token }, query });

describe("POST /v2/account-members/tokens with a password", () => {
  test("201: one 24-hour token per account, in membership order, with the member's id", async () => {
    const now = Date.parse("2025-03-01T10:00:00.250Z");
    const { fake, acme, family, ada, passwordLogin } = setup({ now: () => now });
    const { data, response } = await passwordLogin();

    expect(response.status).toBe(201);
    const expires = "2025-03-02T10:00:00.250Z";
    expect(data).toEqual({
      data: [
        {
          type: ACCOUNT_TOKEN_TYPE,
          account_id: acme.id,
          account_name: "Acme",
          token: expect.stringMatching(JWT),
          expires,
        },
        {
          type: ACCOUNT_TOKEN_TYPE,
          account_id: family.id,
          account_name: "The Lovelaces",
          token: expect.stringMatching(JWT),
          expires,
        },
      ],
      meta: {
        account_member_id: ada.id,
        page: { limit: 25, offset: 0, current: 1, total: 1 },
        results: { total: 2 },
      },
      links: { current: tokensPage(0, 25), first: tokensPage(0, 25), last: tokensPage(0, 25) },
    });
    const exp = Math.floor((now + DAY_MS) / 1000);
    expect(decodeJwtPayload(data?.data?.[0]?.token ?? "")).toEqual({
      sub: ada.id,
      scope: acme.id,
      exp,
    });
    expect(decodeJwtPayload(data?.data?.[1]?.token ?? "")).toEqual({
      sub: ada.id,
      scope: family.id,
      exp,
    });
    expect(fake.requestsTo("account-member-token")).toMatchObject([
      {
        method: "POST",
        path: "/v2/account-members/tokens",
        headers: {
          authorization: expect.stringMatching(/^Bearer /),
          "content-type": "application/json",
        },
        body: {
          data: {
            type: ACCOUNT_TOKEN_TYPE,
            authentication_mechanism: "password",
            password_profile_id: fake.passwordProfileId,
            username: "ada@example.com",
          },
        },
        status: 201,
      },
    ]);
  });

  test("each token lists its own account's carts only", async () => {
    const { fake, acme, family, client } = setup();
    const [acmeCart] = fake.seedCarts(1, { accountIds: [acme.id] });
    const [familyCart] = fake.seedCarts(1, { accountIds: [family.id] });
    const answer = await loginAccountMember(client, fake, "ada@example.com", "analytical");
    const [acmeToken, familyToken] = (answer.data ?? []).map((entry) => entry.token ?? "");

    expect((await listWith(client, acmeToken ?? "")).data?.data).toEqual([acmeCart]);
    expect((await listWith(client, familyToken ?? "")).data?.data).toEqual([familyCart]);
  });

  test("usernames compare case-insensitively; two logins give distinct, valid tokens", async () => {
    const { client, passwordLogin } = setup();
    const first = await passwordLogin({ username: "ADA@example.COM" });
    const second = await passwordLogin();
    expect(first.response.status).toBe(201);
    const firstToken = first.data?.data?.[0]?.token ?? "";
    const secondToken = second.data?.data?.[0]?.token ?? "";
    expect(firstToken).not.toBe(secondToken);
    for (const token of [firstToken, secondToken]) {
      expect((await listWith(client, token)).response.status).toBe(200);
    }
  });

  test("a member of no account: 201 with data []", async () => {
    const { fake, passwordLogin } = setup();
    const loner = fake.seedAccountMember({ username: "loner", password: "solo", accountIds: [] });
    const { data, response } = await passwordLogin({ username: "loner", password: "solo" });
    expect(response.status).toBe(201);
    expect(data).toEqual({
      data: [],
      meta: {
        account_member_id: loner.id,
        page: { limit: 25, offset: 0, current: 1, total: 0 },
        results: { total: 0 },
      },
      links: { current: tokensPage(0, 25), first: tokensPage(0, 25), last: tokensPage(0, 25) },
    });
  });

  test.each([
    ["a wrong password", { password: "babbage" }],
    ["an unknown username", { username: "grace@example.com" }],
    ["another password profile", { password_profile_id: "00000000-0000-4000-8000-000000000000" }],
  ])("%s: 401 with a string status", async (_, overrides) => {
    const { fake, passwordLogin } = setup();
    const { error, response } = await passwordLogin(overrides);
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [{ status: "401", title: "Unauthorized", detail: "The credentials are not valid." }],
    });
    // A POST with a body is not sent again by the SDK after a 401.
    expect(fake.requestsTo("account-member-token")).toHaveLength(1);
  });

  test("the passwordProfileId option names the store's password profile", async () => {
    const passwordProfileId = "7e3c4bde-1f0a-4b8e-9d6c-2a5b8f1e0c3d";
    const { fake, passwordLogin } = setup({ passwordProfileId });
    expect(fake.passwordProfileId).toBe(passwordProfileId);
    expect((await passwordLogin({ password_profile_id: passwordProfileId })).response.status).toBe(
      201,
    );
  });

  test('accountTokenExpires: "epoch-seconds" sends expires as a number', async () => {
    const now = Date.parse("2025-03-01T10:00:00.250Z");
    const { passwordLogin } = setup({ now: () => now, accountTokenExpires: "epoch-seconds" });
    const { data } = await passwordLogin();
    expect(data?.data?.map((entry) => entry.expires)).toEqual([
      Math.floor((now + DAY_MS) / 1000),
      Math.floor((now + DAY_MS) / 1000),
    ]);
  });
});

describe("POST /v2/account-members/tokens refuses", () => {
  test.each([
    ["no data", {}, "data is required."],
    [
      "a type other than account_management_authentication_token",
      { data: { type: "token", authentication_mechanism: "password" } },
      'data.type must be "account_management_authentication_token".',
    ],
    [
      "no authentication_mechanism",
      { data: { type: ACCOUNT_TOKEN_TYPE } },
      "data.authentication_mechanism is required.",
    ],
    [
      "an unknown authentication_mechanism",
      { data: { type: ACCOUNT_TOKEN_TYPE, authentication_mechanism: "magic" } },
      'authentication_mechanism must be one of password, oidc, passwordless, self_signup, account_management_authentication_token; got "magic".',
    ],
    [
      "switching accounts (not modelled)",
      {
        data: {
          type: ACCOUNT_TOKEN_TYPE,
          authentication_mechanism: "account_management_authentication_token",
        },
      },
      'The fake Elastic Path does not model authentication_mechanism "account_management_authentication_token"; use the tokens of the login answer.',
    ],
  ])("%s: 400", async (_, body, detail) => {
    const { client } = setup();
    const { error, response } = await client.post({ url: "/v2/account-members/tokens", body });
    expect(response.status).toBe(400);
    expect(error).toEqual({ errors: [{ status: "400", title: "Bad Request", detail }] });
  });

  const complete: Record<string, Record<string, string>> = {
    password: { password_profile_id: "p", username: "u", password: "x" },
    oidc: {
      oauth_authorization_code: "c",
      oauth_redirect_uri: "https://r",
      oauth_code_verifier: "v",
    },
    passwordless: { password_profile_id: "p", username: "u", one_time_password_token: "t" },
    self_signup: {
      password_profile_id: "p",
      username: "u",
      password: "x",
      name: "n",
      email: "e@example.com",
    },
  };
  const missing = Object.entries(complete).flatMap(([mechanism, fields]) =>
    Object.keys(fields).flatMap((field) => [
      [mechanism, field, "absent"] as const,
      [mechanism, field, "empty"] as const,
    ]),
  );

  test.each(missing)("%s without %s (%s): 400 naming it", async (mechanism, field, how) => {
    const { tokens } = setup();
    const fields: Record<string, string | undefined> = { ...complete[mechanism] };
    fields[field] = how === "empty" ? "" : undefined;
    const { error, response } = await tokens({ authentication_mechanism: mechanism, ...fields });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [{ status: "400", title: "Bad Request", detail: `data.${field} is required.` }],
    });
  });

  test("a body that is not JSON: 400", async () => {
    const { client } = setup();
    const { error, response } = await client.post({
      url: "/v2/account-members/tokens",
      body: "{not json",
      bodySerializer: (body: unknown) => String(body),
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      errors: [{ status: "400", detail: "The request body is not valid JSON." }],
    });
  });

  test("an invalid bearer: 401, and the SDK does not send the POST again", async () => {
    const { fake, client } = setup();
    const { error, response } = await client.post({
      url: "/v2/account-members/tokens",
      body: { data: { type: ACCOUNT_TOKEN_TYPE, authentication_mechanism: "password" } },
      headers: { Authorization: "Bearer stale" },
    });
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [{ status: "401", title: "Unable to validate access token" }],
    });
    expect(fake.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      "access-token 200",
      "account-member-token 401",
      "access-token 200",
    ]);
  });

  test.each([0, 101, "ten"])("page[limit]=%s: 400", async (limit) => {
    const { passwordLogin, tokens, fake } = setup();
    await passwordLogin();
    const { error, response } = await tokens(
      {
        authentication_mechanism: "password",
        password_profile_id: fake.passwordProfileId,
        username: "ada@example.com",
        password: "analytical",
      },
      { "page[limit]": limit },
    );
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: "400",
          title: "Bad Request",
          detail: "page[limit] must be an integer from 1 to 100.",
        },
      ],
    });
  });
});

describe("the oidc mechanism", () => {
  const redirectUri = "https://shop.example.com/oauth2/callback";
  const codeVerifier = "0E934PurR8ExVg6Pj7T4kQewxKzWSfSFG5d15FGfww8";
  const oidc = (code: string, overrides: Record<string, unknown> = {}) => ({
    authentication_mechanism: "oidc",
    oauth_authorization_code: code,
    oauth_redirect_uri: redirectUri,
    oauth_code_verifier: codeVerifier,
    ...overrides,
  });

  test("a code from issueOidcAuthorizationCode: 201 with the member's tokens, once", async () => {
    const { fake, acme, ada, tokens } = setup();
    const code = fake.issueOidcAuthorizationCode(ada.id, { redirectUri, codeVerifier });
    expect(code).toMatch(UUID);

    const { data, response } = await tokens(oidc(code));
    expect(response.status).toBe(201);
    expect(data?.meta?.account_member_id).toBe(ada.id);
    expect(data?.data?.[0]).toMatchObject({ account_id: acme.id, account_name: "Acme" });
    expect(fake.requestsTo("account-member-token")[0]?.body).toEqual({
      data: { type: ACCOUNT_TOKEN_TYPE, ...oidc(code) },
    });

    const again = await tokens(oidc(code));
    expect(again.response.status).toBe(401);
  });

  test.each([
    ["another redirect URI", { oauth_redirect_uri: "https://evil.example.com/cb" }],
    ["another code verifier", { oauth_code_verifier: "not-the-verifier" }],
    ["an unknown code", { oauth_authorization_code: "c2490f06-6d8e-4927-99aa-4bf02b419e96" }],
  ])("%s: 401, and the code still works with the right values", async (_, overrides) => {
    const { fake, ada, tokens } = setup();
    const code = fake.issueOidcAuthorizationCode(ada.id, { redirectUri, codeVerifier });
    const { error, response } = await tokens(oidc(code, overrides));
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ errors: [{ status: "401", title: "Unauthorized" }] });
    expect((await tokens(oidc(code))).response.status).toBe(201);
  });

  test("a code expires 10 minutes after it was issued, on the fake's clock", async () => {
    let now = Date.parse("2025-03-01T10:00:00Z");
    const { fake, ada, tokens } = setup({ now: () => now });
    const late = fake.issueOidcAuthorizationCode(ada.id, { redirectUri, codeVerifier });
    const inTime = fake.issueOidcAuthorizationCode(ada.id, { redirectUri, codeVerifier });
    now += TEN_MINUTES_MS - 1;
    expect((await tokens(oidc(inTime))).response.status).toBe(201);
    now += 1;
    expect((await tokens(oidc(late))).response.status).toBe(401);
  });
});

describe("the passwordless mechanism", () => {
  const passwordless = (fakeProfile: string, token: string, username = "ada@example.com") => ({
    authentication_mechanism: "passwordless",
    password_profile_id: fakeProfile,
    username,
    one_time_password_token: token,
  });

  test("a one-time password from issueOneTimePassword: 201, once", async () => {
    const { fake, ada, family, tokens } = setup();
    const otp = fake.issueOneTimePassword(ada.id);
    expect(otp).toMatch(/^[a-z0-9]{6}$/);
    const { data, response } = await tokens(passwordless(fake.passwordProfileId, otp));
    expect(response.status).toBe(201);
    expect(data?.meta?.account_member_id).toBe(ada.id);
    expect(data?.data?.map((entry) => entry.account_id)).toContain(family.id);
    expect((await tokens(passwordless(fake.passwordProfileId, otp))).response.status).toBe(401);
  });

  test("another member's one-time password, another profile, an unknown one: 401", async () => {
    const { fake, ada, tokens } = setup();
    const grace = fake.seedAccountMember({ username: "grace", password: "cobol", accountIds: [] });
    const graceOtp = fake.issueOneTimePassword(grace.id);
    const adaOtp = fake.issueOneTimePassword(ada.id);
    const profile = fake.passwordProfileId;
    expect((await tokens(passwordless(profile, graceOtp))).response.status).toBe(401);
    expect(
      (await tokens(passwordless("00000000-0000-4000-8000-000000000000", adaOtp))).response.status,
    ).toBe(401);
    expect((await tokens(passwordless(profile, "zzzzzz"))).response.status).toBe(401);
    // None of those used up the right pairs.
    expect((await tokens(passwordless(profile, graceOtp, "grace"))).response.status).toBe(201);
    expect((await tokens(passwordless(profile, adaOtp))).response.status).toBe(201);
  });

  test("a one-time password expires after 10 minutes on the fake's clock", async () => {
    let now = Date.parse("2025-03-01T10:00:00Z");
    const { fake, ada, tokens } = setup({ now: () => now });
    const otp = fake.issueOneTimePassword(ada.id);
    now += TEN_MINUTES_MS;
    expect((await tokens(passwordless(fake.passwordProfileId, otp))).response.status).toBe(401);
  });
});

describe("the self_signup mechanism", () => {
  const signup = (profile: string, overrides: Record<string, unknown> = {}) => ({
    authentication_mechanism: "self_signup",
    password_profile_id: profile,
    username: "grace@example.com",
    password: "cobol",
    name: "Grace Hopper",
    email: "grace@example.com",
    ...overrides,
  });

  test("creates the member and an account named after them: 201 with its token", async () => {
    const { fake, client, tokens } = setup();
    const { data, response } = await tokens(signup(fake.passwordProfileId));
    expect(response.status).toBe(201);
    const memberId = data?.meta?.account_member_id ?? "";
    expect(memberId).toMatch(UUID);
    expect(data?.data).toEqual([
      {
        type: ACCOUNT_TOKEN_TYPE,
        account_id: expect.stringMatching(UUID),
        account_name: "Grace Hopper",
        token: expect.stringMatching(JWT),
        expires: expect.any(String),
      },
    ]);
    const accountId = data?.data?.[0]?.account_id ?? "";
    expect(decodeJwtPayload(data?.data?.[0]?.token ?? "")).toMatchObject({
      sub: memberId,
      scope: accountId,
    });

    // The token works, and the new member logs in with a password from now on.
    expect((await listWith(client, data?.data?.[0]?.token ?? "")).data?.data).toEqual([]);
    const login = await loginAccountMember(client, fake, "grace@example.com", "cobol");
    expect(login.meta?.account_member_id).toBe(memberId);
    expect(login.data?.map((entry) => entry.account_id)).toEqual([accountId]);
    expect(fake.issueAccountToken(memberId, accountId)).toMatch(JWT);
  });

  test("autoCreateAccountForAccountMembers: false: the member only, data []", async () => {
    const { fake, client, tokens } = setup({ autoCreateAccountForAccountMembers: false });
    const { data, response } = await tokens(signup(fake.passwordProfileId));
    expect(response.status).toBe(201);
    expect(data?.data).toEqual([]);
    const login = await loginAccountMember(client, fake, "grace@example.com", "cobol");
    expect(login.meta?.account_member_id).toBe(data?.meta?.account_member_id);
    expect(login.data).toEqual([]);
  });

  test("selfSignup: false: 403, no member created", async () => {
    const { fake, client, tokens } = setup({ selfSignup: false });
    const { error, response } = await tokens(signup(fake.passwordProfileId));
    expect(response.status).toBe(403);
    expect(error).toEqual({
      errors: [
        {
          status: "403",
          title: "Forbidden",
          detail: "Self sign-up is not enabled for this store.",
        },
      ],
    });
    await expect(loginAccountMember(client, fake, "grace@example.com", "cobol")).rejects.toThrow(
      "failed with 401",
    );
  });

  test("a username already taken, whatever its case: 409", async () => {
    const { fake, client, tokens } = setup();
    const { error, response } = await tokens(
      signup(fake.passwordProfileId, { username: "ADA@example.com" }),
    );
    expect(response.status).toBe(409);
    expect(error).toEqual({
      errors: [
        {
          status: "409",
          title: "Conflict",
          detail: "An account member with this username already exists.",
        },
      ],
    });
    // Ada's password is unchanged.
    await loginAccountMember(client, fake, "ada@example.com", "analytical");
  });

  test("another password profile: 401; an email without @: 400", async () => {
    const { fake, tokens } = setup();
    const other = await tokens(signup("00000000-0000-4000-8000-000000000000"));
    expect(other.response.status).toBe(401);
    const { error, response } = await tokens(
      signup(fake.passwordProfileId, { email: "not-an-email" }),
    );
    expect(response.status).toBe(400);
    expect(error).toMatchObject({
      errors: [{ status: "400", detail: "data.email must be an email address." }],
    });
  });
});

describe("paging of the token answer", () => {
  function memberOf(count: number) {
    const context = setup();
    const accounts = Array.from({ length: count }, (_, index) =>
      context.fake.seedAccount({ name: `Unit ${index + 1}` }),
    );
    context.fake.seedAccountMember({
      username: "busy",
      password: "many",
      accountIds: accounts.map((account) => account.id),
    });
    const login = (query?: Record<string, unknown>) =>
      context.tokens(
        {
          authentication_mechanism: "password",
          password_profile_id: context.fake.passwordProfileId,
          username: "busy",
          password: "many",
        },
        query,
      );
    return { ...context, accounts, login };
  }

  test("25 per page by default, with a next link; page[limit] and page[offset] walk the list", async () => {
    const { accounts, client, login } = memberOf(30);
    const names = accounts.map((account) => account.name);

    const first = await login();
    expect(first.data?.data?.map((entry) => entry.account_name)).toEqual(names.slice(0, 25));
    expect(first.data?.meta).toMatchObject({
      page: { limit: 25, offset: 0, current: 1, total: 2 },
      results: { total: 30 },
    });
    expect(first.data?.links).toEqual({
      current: tokensPage(0, 25),
      first: tokensPage(0, 25),
      last: tokensPage(25, 25),
      next: tokensPage(25, 25),
    });

    const middle = await login({ "page[limit]": 10, "page[offset]": 10 });
    expect(middle.data?.data?.map((entry) => entry.account_name)).toEqual(names.slice(10, 20));
    expect(middle.data?.meta?.page).toEqual({ limit: 10, offset: 10, current: 2, total: 3 });
    expect(middle.data?.links).toEqual({
      current: tokensPage(10, 10),
      first: tokensPage(0, 10),
      last: tokensPage(20, 10),
      next: tokensPage(20, 10),
      prev: tokensPage(0, 10),
    });

    const last = await login({ "page[limit]": 10, "page[offset]": 20 });
    expect(last.data?.data?.map((entry) => entry.account_name)).toEqual(names.slice(20));
    expect(last.data?.links).not.toHaveProperty("next");
    // Each token on a page works for its account.
    for (const entry of last.data?.data ?? []) {
      const { data } = await listWith(client, entry.token ?? "");
      expect(data?.data).toEqual([]);
    }
  });
});

describe("EP-Account-Management-Authentication-Token checks", () => {
  test("a token expires 24 hours after login on the fake's clock: 401", async () => {
    let now = Date.parse("2025-03-01T10:00:00.250Z");
    const { fake, client } = setup({ now: () => now });
    const answer = await loginAccountMember(client, fake, "ada@example.com", "analytical");
    const token = answer.data?.[0]?.token ?? "";
    expect(Date.parse(String(answer.data?.[0]?.expires))).toBe(now + DAY_MS);

    now += DAY_MS - 1;
    expect((await listWith(client, token)).response.status).toBe(200);
    now += 1;
    const { error, response } = await listWith(client, token);
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [
        {
          status: 401,
          title: "Unauthorized",
          detail: "The account management authentication token has expired.",
        },
      ],
    });
  });

  test("expireAccountTokens: every token issued so far to the member answers 401; a new login works", async () => {
    const { fake, acme, family, ada, client } = setup();
    const grace = fake.seedAccountMember({
      username: "grace",
      password: "cobol",
      accountIds: [acme.id],
    });
    const login = await loginAccountMember(client, fake, "ada@example.com", "analytical");
    const adaTokens = [
      ...(login.data ?? []).map((entry) => entry.token ?? ""),
      fake.issueAccountToken(ada.id, family.id),
    ];
    const graceToken = fake.issueAccountToken(grace.id, acme.id);

    fake.expireAccountTokens(ada.id);
    for (const token of adaTokens) {
      expect((await listWith(client, token)).response.status).toBe(401);
    }
    expect((await listWith(client, graceToken)).response.status).toBe(200);
    const fresh = await loginAccountMember(client, fake, "ada@example.com", "analytical");
    expect((await listWith(client, fresh.data?.[0]?.token ?? "")).response.status).toBe(200);
  });

  test("a garbled token: 401, and the SDK's GET retry shows on the wire", async () => {
    const { fake, client } = setup();
    const { error, response } = await listWith(client, "garbled.token.value");
    expect(response.status).toBe(401);
    expect(error).toEqual({
      errors: [
        {
          status: 401,
          title: "Unauthorized",
          detail: "The account management authentication token is not valid.",
        },
      ],
    });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "POST /oauth/access_token 200",
      "GET /v2/carts 401",
      "POST /oauth/access_token 200",
      "GET /v2/carts 401",
    ]);
  });

  test("issueAccountToken gives a working token without a login request", async () => {
    const { fake, acme, ada, client } = setup();
    const token = fake.issueAccountToken(ada.id, acme.id);
    expect(decodeJwtPayload(token)).toMatchObject({ sub: ada.id, scope: acme.id });
    expect((await listWith(client, token)).response.status).toBe(200);
    expect(fake.requestsTo("account-member-token")).toEqual([]);
  });
});

describe("customer and account tokens together", () => {
  test("are refused with 400 on every endpoint, before anything else", async () => {
    const { fake, acme, ada, client } = setup();
    const customer = fake.seedCustomer({ email: "ada@example.com", password: "analytical" });
    const headers = {
      "X-Moltin-Customer-Token": fake.issueCustomerToken(customer.id),
      "EP-Account-Management-Authentication-Token": fake.issueAccountToken(ada.id, acme.id),
    };
    const cartId = fake.seedCart().id ?? "";
    const urls = [
      ["GET", "/v2/carts"],
      ["POST", "/v2/carts"],
      ["GET", `/v2/carts/${cartId}`],
      ["DELETE", `/v2/carts/${cartId}`],
      ["POST", `/v2/carts/${cartId}/items`],
      ["POST", `/v2/carts/${cartId}/relationships/customers`],
      ["DELETE", `/v2/carts/${cartId}/relationships/customers`],
      ["POST", `/v2/carts/${cartId}/relationships/accounts`],
      ["DELETE", `/v2/carts/${cartId}/relationships/accounts`],
    ] as const;
    for (const [method, url] of urls) {
      const { error, response } = await client.request({
        method,
        url,
        headers,
        body: method === "GET" ? undefined : { data: [{ type: "account", id: acme.id }] },
      });
      expect(response.status, `${method} ${url}`).toBe(400);
      expect(error).toEqual({
        errors: [
          {
            status: 400,
            title: "Conflicting shopper tokens",
            detail:
              "Send either X-Moltin-Customer-Token or EP-Account-Management-Authentication-Token, not both.",
          },
        ],
      });
    }
    // The auth endpoints refuse too, with their string statuses.
    const login = await client.post({
      url: "/v2/account-members/tokens",
      headers,
      body: { data: { type: ACCOUNT_TOKEN_TYPE, authentication_mechanism: "password" } },
    });
    expect(login.response.status).toBe(400);
    expect(login.error).toMatchObject({
      errors: [{ status: "400", title: "Conflicting shopper tokens" }],
    });
    // Nothing changed.
    expect(fake.getCart(cartId)?.relationships).toMatchObject({ customers: {}, accounts: {} });
    expect(fake.accountAssociations()).toEqual([]);
  });
});
