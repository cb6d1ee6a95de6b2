/**
 * What TanStack's caches hold — what devtools, a cache persister or an error reporter that
 * serialises mutation state would see — never holds a password or a one-time secret, and no
 * token beyond the current session's login data.
 */
import type { QueryClient } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountLogin,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCustomerLogin,
  useCustomerSession,
  useDisassociateCartFromAccount,
  useDisassociateCartFromCustomer,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { createHarness, SHOPPER } from "../support/harness";

/** Everything the query and mutation caches keep, as a persister would write it. */
function serialisedCaches(queryClient: QueryClient): string {
  const errorAsText = (_key: string, value: unknown) =>
    value instanceof Error ? { message: value.message, cause: String(value.cause) } : value;
  return JSON.stringify(
    {
      queries: queryClient
        .getQueryCache()
        .getAll()
        .map((query) => ({ key: query.queryKey, state: query.state })),
      mutations: queryClient
        .getMutationCache()
        .getAll()
        .map((mutation) => ({ key: mutation.options.mutationKey, state: mutation.state })),
    },
    errorAsText,
  );
}

const setUp = () => {
  const harness = createHarness();
  harness.fake.seedCustomer(SHOPPER);
  return harness;
};

describe("no password at rest in TanStack's caches", () => {
  it("after a successful customer login the mutation keeps the email only", async () => {
    const { wrapper, queryClient } = setUp();
    const { result } = renderHook(useCustomerLogin, { wrapper });
    await act(() => result.current.mutateAsync(SHOPPER));
    expect(serialisedCaches(queryClient)).not.toContain(SHOPPER.password);
    expect(result.current.variables).toEqual({ email: SHOPPER.email });
    expect(queryClient.getMutationCache().getAll()[0]?.state.variables).toEqual({
      email: SHOPPER.email,
    });
  });

  it("after a refused login (401) and one refused before sending", async () => {
    const { wrapper, queryClient, fake } = setUp();
    const { result } = renderHook(useCustomerLogin, { wrapper });
    const wrong = { email: SHOPPER.email, password: "a wrong but secret passphrase" };
    await act(() => result.current.mutateAsync(wrong).catch(() => {}));
    expect(result.current.error?.status).toBe(401);
    const badEmail = { email: "not-an-email", password: "another secret passphrase" };
    await act(() => result.current.mutateAsync(badEmail).catch(() => {}));
    expect(result.current.error?.message).toMatch(/email/);
    expect(fake.requestsTo("customer-token")).toHaveLength(1);
    const caches = serialisedCaches(queryClient);
    expect(caches).not.toContain(wrong.password);
    expect(caches).not.toContain(badEmail.password);
  });

  it("for every account login mechanism: no password, one-time password, code or verifier", async () => {
    const { wrapper, queryClient, fake } = setUp();
    const { member } = seedMember(fake);
    const { result } = renderHook(useAccountLogin, { wrapper });
    const code = fake.issueOidcAuthorizationCode(member.id, {
      redirectUri: "https://shop.example/cb",
      codeVerifier: "a-secret-code-verifier",
    });
    const oneTimePassword = fake.issueOneTimePassword(member.id);
    const logins = [
      { passwordProfileId: fake.passwordProfileId, ...MEMBER },
      {
        mechanism: "oidc" as const,
        authorizationCode: code,
        redirectUri: "https://shop.example/cb",
        codeVerifier: "a-secret-code-verifier",
      },
      {
        mechanism: "passwordless" as const,
        passwordProfileId: fake.passwordProfileId,
        username: MEMBER.username,
        oneTimePasswordToken: oneTimePassword,
      },
      {
        mechanism: "self-signup" as const,
        passwordProfileId: fake.passwordProfileId,
        username: "grace@example.com",
        password: "self signed-up secret",
        name: "Grace",
        email: "grace@example.com",
      },
      { passwordProfileId: fake.passwordProfileId, username: MEMBER.username, password: "wrong!" },
    ];
    for (const login of logins) await act(() => result.current.mutateAsync(login).catch(() => {}));
    expect(fake.requestsTo("account-member-token").map((r) => r.status)).toEqual([
      201, 201, 201, 201, 401,
    ]);
    const caches = serialisedCaches(queryClient);
    for (const secret of [
      MEMBER.password,
      code,
      "a-secret-code-verifier",
      oneTimePassword,
      "self signed-up secret",
      "wrong!",
    ]) {
      expect(caches).not.toContain(secret);
    }
    expect(result.current.variables).toEqual({
      mechanism: undefined,
      username: MEMBER.username,
      accountId: undefined,
    });
  });
});

describe("no token in association variables", () => {
  it("a customer token passed by hand is sent, and kept nowhere in the caches", async () => {
    const { wrapper, queryClient, fake } = setUp();
    const cart = { id: fake.seedCart({ name: "By hand" }).id! };
    const customer = fake.seedCustomer({ email: "grace@example.com", password: "x" });
    const token = fake.issueCustomerToken(customer.id);
    const { result } = renderHook(
      () => ({
        associate: useAssociateCartWithCustomer({ associateOnLogin: false }),
        remove: useDisassociateCartFromCustomer(),
      }),
      { wrapper },
    );
    await act(() =>
      result.current.associate.mutateAsync({
        cartId: cart.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );
    await act(() =>
      result.current.remove.mutateAsync({
        cartId: cart.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );
    expect(fake.requestsTo("associate")[0]?.headers["x-moltin-customer-token"]).toBe(token);
    expect(fake.requestsTo("disassociate")[0]?.headers["x-moltin-customer-token"]).toBe(token);
    expect(result.current.associate.variables).toEqual({
      cartId: cart.id,
      customerId: customer.id,
    });
    expect(result.current.remove.variables).toEqual({ cartId: cart.id, customerId: customer.id });
    expect(serialisedCaches(queryClient)).not.toContain(token);
  });

  it("an account token passed by hand is sent, and kept nowhere in the caches", async () => {
    const { wrapper, queryClient, fake } = setUp();
    const { member, family } = seedMember(fake);
    const cart = { id: fake.seedCart({ name: "By hand" }).id! };
    const token = fake.issueAccountToken(member.id, family.id);
    const { result } = renderHook(
      () => ({
        associate: useAssociateCartWithAccount({ associateOnLogin: false }),
        remove: useDisassociateCartFromAccount(),
      }),
      { wrapper },
    );
    const variables = { cartId: cart.id, accountId: family.id, accountToken: token };
    await act(() => result.current.associate.mutateAsync(variables));
    await act(() => result.current.remove.mutateAsync(variables));
    expect(
      fake.requestsTo("associate-account")[0]?.headers[
        "ep-account-management-authentication-token"
      ],
    ).toBe(token);
    expect(fake.requestsTo("disassociate-account")[0]?.status).toBe(204);
    expect(serialisedCaches(queryClient)).not.toContain(token);
  });

  it("by hand for the signed-in customer, no token is needed: the session's is sent", async () => {
    const { wrapper, queryClient, fake } = setUp();
    const cart = { id: fake.seedCart({ name: "Mine" }).id! };
    const { result } = renderHook(
      () => ({
        login: useCustomerLogin(),
        session: useCustomerSession(),
        associate: useAssociateCartWithCustomer({ associateOnLogin: false }),
      }),
      { wrapper },
    );
    const session = await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() =>
      result.current.associate.mutateAsync({ cartId: cart.id, customerId: session.customerId }),
    );
    expect(fake.requestsTo("associate")[0]?.headers["x-moltin-customer-token"]).toBe(session.token);
    // The login's data is the one place the token may rest, while its session lasts.
    const mutations = queryClient.getMutationCache().getAll();
    const withToken = mutations.filter((m) => JSON.stringify(m.state).includes(session.token));
    expect(withToken.map((m) => m.options.mutationKey)).toEqual([
      ["epcc", "session", "login", "customer"],
    ]);
    await waitFor(() => expect(result.current.associate.isSuccess).toBe(true));
  });
});
