import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathError,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useCartId,
  useCustomerLogin,
  useCustomerSession,
  useSelectAccount,
  type AccountLoginVariables,
} from "../../src";
import type { FakeElasticPathOptions } from "../../src/testing";
import { MEMBER, seedMember } from "../support/accounts";
import { cacheKeysAndVariables, countOf, createHarness, SHOPPER } from "../support/harness";

function useAccountStorefront() {
  return {
    session: useAccountSession(),
    customer: useCustomerSession(),
    login: useAccountLogin(),
    customerLogin: useCustomerLogin(),
    logout: useAccountLogout(),
    select: useSelectAccount(),
    cart: useCartId(),
  };
}

function setUp(fake?: FakeElasticPathOptions) {
  const harness = createHarness({ fake });
  const seeded = seedMember(harness.fake);
  const hook = renderHook(useAccountStorefront, { wrapper: harness.wrapper });
  const passwordLogin: AccountLoginVariables = {
    passwordProfileId: harness.fake.passwordProfileId,
    ...MEMBER,
  };
  return { ...harness, ...seeded, ...hook, passwordLogin };
}

describe("account login", () => {
  it("signs in with a password through POST /v2/account-members/tokens, keeps every account's token and selects the first", async () => {
    const { fake, result, business, family, member, passwordLogin } = setUp();
    await act(() => result.current.login.mutateAsync(passwordLogin));

    const [request] = fake.requestsTo("account-member-token");
    expect(request?.body).toEqual({
      data: {
        type: "account_management_authentication_token",
        authentication_mechanism: "password",
        password_profile_id: fake.passwordProfileId,
        username: MEMBER.username,
        password: MEMBER.password,
      },
    });
    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in session");
    expect(session).toMatchObject({
      accountMemberId: member.id,
      accountId: business.id,
      accountName: business.name,
    });
    expect(session.accounts.map((account) => account.accountId)).toEqual([business.id, family.id]);
    expect(session.token).toBe(session.accounts[0]?.token);
    expect(session.accounts[0]?.token).not.toBe(session.accounts[1]?.token);
    // 24 hours from now, parsed from Elastic Path's ISO date.
    expect(session.expiresAt - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(JSON.parse(localStorage.getItem("_epcc_account_session")!)).toMatchObject({
      accountId: business.id,
    });
  });

  it("selects the account asked for, and falls back to the first when it is not listed", async () => {
    const { result, family, business, passwordLogin, fake } = setUp();
    await act(() => result.current.login.mutateAsync({ ...passwordLogin, accountId: family.id }));
    expect(result.current.session).toMatchObject({ accountId: family.id });

    const other = fake.seedAccount({ name: "Not a member here" });
    await act(() => result.current.login.mutateAsync({ ...passwordLogin, accountId: other.id }));
    expect(result.current.session).toMatchObject({ accountId: business.id });
  });

  it("reads expires as epoch seconds too", async () => {
    const { result, passwordLogin } = setUp({ accountTokenExpires: "epoch-seconds" });
    await act(() => result.current.login.mutateAsync(passwordLogin));
    const session = result.current.session;
    expect(session.status === "signed-in" && session.expiresAt - Date.now()).toBeGreaterThan(
      23 * 3600_000,
    );
  });

  it("sends each mechanism's fields: OIDC, one-time password, self sign-up", async () => {
    const { fake, result, member } = setUp();
    const code = fake.issueOidcAuthorizationCode(member.id, {
      redirectUri: "https://shop.example/callback",
      codeVerifier: "verifier-0123456789",
    });
    await act(() =>
      result.current.login.mutateAsync({
        mechanism: "oidc",
        authorizationCode: code,
        redirectUri: "https://shop.example/callback",
        codeVerifier: "verifier-0123456789",
      }),
    );
    expect(result.current.session.status).toBe("signed-in");

    const oneTimePassword = fake.issueOneTimePassword(member.id);
    await act(() =>
      result.current.login.mutateAsync({
        mechanism: "passwordless",
        passwordProfileId: fake.passwordProfileId,
        username: MEMBER.username,
        oneTimePasswordToken: oneTimePassword,
      }),
    );
    expect(result.current.session.status).toBe("signed-in");

    await act(() =>
      result.current.login.mutateAsync({
        mechanism: "self-signup",
        passwordProfileId: fake.passwordProfileId,
        username: "grace@example.com",
        password: "another long passphrase",
        name: "Grace",
        email: "grace@example.com",
      }),
    );
    expect(result.current.session).toMatchObject({ status: "signed-in", accountName: "Grace" });

    expect(fake.requestsTo("account-member-token").map((request) => request.body)).toEqual([
      {
        data: {
          type: "account_management_authentication_token",
          authentication_mechanism: "oidc",
          oauth_authorization_code: code,
          oauth_redirect_uri: "https://shop.example/callback",
          oauth_code_verifier: "verifier-0123456789",
        },
      },
      {
        data: {
          type: "account_management_authentication_token",
          authentication_mechanism: "passwordless",
          password_profile_id: fake.passwordProfileId,
          username: MEMBER.username,
          one_time_password_token: oneTimePassword,
        },
      },
      {
        data: {
          type: "account_management_authentication_token",
          authentication_mechanism: "self_signup",
          password_profile_id: fake.passwordProfileId,
          username: "grace@example.com",
          password: "another long passphrase",
          name: "Grace",
          email: "grace@example.com",
        },
      },
    ]);
  });

  it("answers wrong credentials with a 401 ElasticPathError and stays signed out", async () => {
    const { result, passwordLogin } = setUp();
    const error = await act(() =>
      result.current.login.mutateAsync({ ...passwordLogin, password: "wrong" }).catch((e) => e),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error.status).toBe(401);
    expect(result.current.session.status).toBe("signed-out");
  });

  it("refuses a member of no account with a clear error, signed out", async () => {
    const { fake, result, passwordLogin } = setUp();
    fake.seedAccountMember({ username: "nobody@example.com", password: "x", accountIds: [] });
    const error = await act(() =>
      result.current.login
        .mutateAsync({ ...passwordLogin, username: "nobody@example.com", password: "x" })
        .catch((e) => e),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error.message).toMatch(/belongs to no account/);
    expect(result.current.session.status).toBe("signed-out");
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();
  });

  it.each([
    [{ mechanism: "magic-link", username: "a" }, /mechanism must be one of/],
    [{ passwordProfileId: "p", username: " ", password: "x" }, /username must not be empty/],
    [{ passwordProfileId: "p", username: "a", password: "" }, /password must be a non-empty/],
    [{ mechanism: "oidc", authorizationCode: "c", redirectUri: "r" }, /codeVerifier must be/],
    [
      {
        mechanism: "self-signup",
        passwordProfileId: "p",
        username: "a",
        password: "x",
        name: "A",
        email: "no-at-sign",
      },
      /email must be an email address/,
    ],
    [{ passwordProfileId: "p", username: "a", password: "x", accountId: "a/b" }, /accountId/],
  ])("refuses %j before any request", async (variables, message) => {
    const { fake, result } = setUp();
    const error = await act(() =>
      result.current.login.mutateAsync(variables as AccountLoginVariables).catch((e) => e),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error.message).toMatch(message);
    expect(countOf(fake, "account-member-token")).toBe(0);
  });
});

describe("the account session", () => {
  it("keeps the session across a reload (a new provider on the same storage)", async () => {
    const { result, passwordLogin, wrapper, business } = setUp();
    await act(() => result.current.login.mutateAsync(passwordLogin));
    const reloaded = renderHook(useAccountSession, { wrapper });
    expect(reloaded.result.current).toMatchObject({ status: "signed-in", accountId: business.id });
  });

  it("switches accounts with no request, forgetting the cart id; an unknown account throws", async () => {
    const { fake, result, passwordLogin, family } = setUp();
    await act(() => result.current.login.mutateAsync(passwordLogin));
    act(() => result.current.cart[1]("some-cart"));
    const requests = fake.requests.length;

    act(() => result.current.select(family.id));
    expect(result.current.session).toMatchObject({
      accountId: family.id,
      accountName: family.name,
    });
    const session = result.current.session;
    expect(session.status === "signed-in" && session.token).toBe(
      session.status === "signed-in" && session.accounts[1]?.token,
    );
    expect(result.current.cart[0]).toBeUndefined();
    expect(fake.requests.length).toBe(requests);
    expect(() => result.current.select("not-a-member-account")).toThrow(ElasticPathError);
  });

  it("logs out of every account, forgetting the cart id and the login's result", async () => {
    const { result, passwordLogin, queryClient } = setUp();
    await act(() => result.current.login.mutateAsync(passwordLogin));
    act(() => result.current.cart[1]("some-cart"));
    act(() => result.current.logout());
    expect(result.current.session.status).toBe("signed-out");
    expect(result.current.cart[0]).toBeUndefined();
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();
    await waitFor(() => expect(result.current.login.data).toBeUndefined());
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0);
  });

  it("one shopper at a time: a customer login ends the account session, and the other way round", async () => {
    const { fake, result, passwordLogin } = setUp();
    fake.seedCustomer(SHOPPER);
    await act(() => result.current.login.mutateAsync(passwordLogin));
    await act(() => result.current.customerLogin.mutateAsync(SHOPPER));
    expect(result.current.customer.status).toBe("signed-in");
    expect(result.current.session.status).toBe("signed-out");
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();

    await act(() => result.current.login.mutateAsync(passwordLogin));
    expect(result.current.session.status).toBe("signed-in");
    expect(result.current.customer.status).toBe("signed-out");
    expect(localStorage.getItem("_epcc_customer_session")).toBeNull();
    for (const request of fake.requests) {
      const both =
        "x-moltin-customer-token" in request.headers &&
        "ep-account-management-authentication-token" in request.headers;
      expect(both, `${request.method} ${request.path}`).toBe(false);
    }
  });

  it("signs out by itself when the selected account's token expires", async () => {
    const { result, passwordLogin } = setUp();
    await act(() => result.current.login.mutateAsync(passwordLogin));
    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in session");
    // The stored session's tokens run out (as another tab that outlived them would see):
    // it reads as signed out, and is cleared as by a logout.
    const soon = Date.now() + 50;
    const accounts = session.accounts.map((account) => ({ ...account, expiresAt: soon }));
    localStorage.setItem(
      "_epcc_account_session",
      JSON.stringify({ ...session, status: undefined, expiresAt: soon, accounts }),
    );
    window.dispatchEvent(new StorageEvent("storage", { key: "_epcc_account_session" }));
    await waitFor(() => expect(result.current.session.status).toBe("signed-out"));
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();
  });

  it("follows a login and a logout in another tab (storage events)", async () => {
    const { result, passwordLogin, wrapper } = setUp();
    const otherTab = renderHook(useAccountSession, { wrapper });
    await act(() => result.current.login.mutateAsync(passwordLogin));
    expect(otherTab.result.current.status).toBe("signed-in");
    act(() => result.current.logout());
    expect(otherTab.result.current.status).toBe("signed-out");
  });

  it("never puts an account token in a query key or in mutation variables", async () => {
    const { result, passwordLogin, queryClient } = setUp();
    await act(() => result.current.login.mutateAsync(passwordLogin));
    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in session");
    const keys = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    );
    for (const { token } of session.accounts) expect(keys).not.toContain(token);
    expect(cacheKeysAndVariables(queryClient)).not.toContain(session.token.slice(0, 40));
  });
});
