import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  ElasticPathProvider,
  useAccountCarts,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useAssociateCartWithAccount,
  useCartId,
  useDisassociateCartFromAccount,
  useInfiniteAccountCarts,
  useSelectAccount,
  type AccountSession,
} from "../../src";
import type { FakeElasticPath, FakeElasticPathOptions } from "../../src/testing";
import { cacheKeysAndVariables, countOf, createHarness } from "../support/harness";
import { createTestClient } from "../support/sdk";
import { MEMBER, seedMember } from "../support/accounts";

function useB2bStorefront() {
  return {
    associate: useAssociateCartWithAccount({ retryDelay: 1 }),
    session: useAccountSession(),
    login: useAccountLogin(),
    logout: useAccountLogout(),
    select: useSelectAccount(),
    cart: useCartId(),
    carts: useAccountCarts(),
  };
}

function setUp({ fake, strict }: { fake?: FakeElasticPathOptions; strict?: boolean } = {}) {
  const harness = createHarness({ fake, strict });
  const seeded = seedMember(harness.fake);
  harness.fake.seedCarts(2, { accountIds: [seeded.business.id], name: "Office supplies" });
  harness.fake.seedCart({ accountIds: [seeded.family.id], name: "Groceries" });
  const guestCart = harness.fake.seedCart({
    name: "Guest",
    items: [{ name: "Socks", quantity: 1, amount: 500 }],
  });
  localStorage.setItem("_store_ep_cart", guestCart.id!);
  const login = { passwordProfileId: harness.fake.passwordProfileId, ...MEMBER };
  return { ...harness, ...seeded, guestCart: guestCart as { id: string }, login };
}

const idsOf = (carts: { data?: { data: { id?: string }[] } }) =>
  carts.data?.data.map((cart) => cart.id);

function shopperHeaders(fake: FakeElasticPath) {
  return fake.requests.map((request) => ({
    customer: request.headers["x-moltin-customer-token"],
    account: request.headers["ep-account-management-authentication-token"],
  }));
}

describe("the account's carts", () => {
  it("login with a guest cart: one association with the account token, and My carts shows the cart", async () => {
    const { fake, wrapper, business, guestCart, login } = setUp();
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    await waitFor(() => expect(idsOf(result.current.carts)).toContain(guestCart.id));

    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in session");
    const [request] = fake.requestsTo("associate-account");
    expect(countOf(fake, "associate-account")).toBe(1);
    expect(countOf(fake, "associate")).toBe(0);
    expect(request?.path).toBe(`/v2/carts/${guestCart.id}/relationships/accounts`);
    expect(request?.body).toEqual({ data: [{ type: "account", id: business.id }] });
    expect(request?.headers["ep-account-management-authentication-token"]).toBe(session.token);
    expect(request?.headers["x-moltin-customer-token"]).toBeUndefined();
    expect(result.current.associate.data).toEqual({
      status: "associated",
      cartId: guestCart.id,
      accountId: business.id,
    });
    expect(result.current.carts.data?.data).toHaveLength(3);
    expect(fake.accountAssociations()).toContainEqual({
      cartId: guestCart.id,
      accountId: business.id,
    });
    // What an account login with a guest cart costs: after the login, the list, the guest
    // cart and the association go out together (in no promised order), and nothing after.
    const requests = fake.requests.map((r) => `${r.method} ${r.path.replace(guestCart.id, ":id")}`);
    expect(requests.slice(0, 2)).toEqual([
      "POST /oauth/access_token",
      "POST /v2/account-members/tokens",
    ]);
    expect(requests.slice(2).sort()).toEqual([
      "GET /v2/carts",
      "GET /v2/carts/:id",
      "POST /v2/carts/:id/relationships/accounts",
    ]);
  });

  it("under StrictMode with five mounted hooks: exactly one association", async () => {
    const { fake, wrapper, login, guestCart } = setUp({ strict: true });
    function Status({ label }: { label: string }) {
      const { data } = useAssociateCartWithAccount({ retryDelay: 1 });
      return <p data-testid={label}>{data?.status ?? "-"}</p>;
    }
    function App() {
      const accountLogin = useAccountLogin();
      return (
        <>
          <button onClick={() => accountLogin.mutate(login)}>Sign in</button>
          {[1, 2, 3, 4, 5].map((n) => (
            <Status key={n} label={`status-${n}`} />
          ))}
        </>
      );
    }
    render(<App />, { wrapper });
    act(() => screen.getByRole("button").click());
    await waitFor(() =>
      [1, 2, 3, 4, 5].forEach((n) =>
        expect(screen.getByTestId(`status-${n}`).textContent).toBe("associated"),
      ),
    );
    expect(countOf(fake, "associate-account")).toBe(1);
    expect(fake.requestsTo("associate-account")[0]?.path).toContain(guestCart.id);
  });

  it("a reload in the same session sends no second association", async () => {
    const { fake, wrapper, login } = setUp();
    const first = renderHook(useB2bStorefront, { wrapper });
    await act(() => first.result.current.login.mutateAsync(login));
    await waitFor(() => expect(first.result.current.associate.data?.status).toBe("associated"));
    first.unmount();
    const reloaded = renderHook(useB2bStorefront, { wrapper });
    await waitFor(() => expect(reloaded.result.current.carts.isSuccess).toBe(true));
    expect(countOf(fake, "associate-account")).toBe(1);
  });

  it("204 (already the account's): already-associated, and no list is fetched again", async () => {
    const { fake, wrapper, business, login } = setUp();
    const owned = fake.seedCart({ accountIds: [business.id], name: "Already ours" });
    localStorage.setItem("_store_ep_cart", owned.id!);
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("already-associated"));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    expect(fake.requestsTo("associate-account").map((r) => r.status)).toEqual([204]);
    expect(countOf(fake, "list-carts")).toBe(1);
  });

  it("a cart with a contact email: a 422 ElasticPathError, not retried", async () => {
    const { fake, wrapper, login } = setUp();
    const guestCheckout = fake.seedCart({ contactEmail: "guest@example.com" });
    localStorage.setItem("_store_ep_cart", guestCheckout.id!);
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.associate.error?.status).toBe(422));
    expect(result.current.associate.error).toBeInstanceOf(ElasticPathError);
    expect(countOf(fake, "associate-account")).toBe(1);
  });

  it("retries a 503 and honours nothing else: one pair, one successful call", async () => {
    const { fake, wrapper, login } = setUp();
    fake.failNext("associate-account", 2, { status: 503 });
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    expect(fake.requestsTo("associate-account").map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("switching accounts lists the other account's carts, forgets the previous account's lists and the cart", async () => {
    const { fake, wrapper, login, business, family, queryClient } = setUp();
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(3));

    act(() => result.current.select(family.id));
    expect(result.current.cart[0]).toBeUndefined();
    await waitFor(() =>
      expect(result.current.carts.data?.data.map((cart) => cart.name)).toEqual(["Groceries"]),
    );
    expect(queryClient.getQueriesData({ queryKey: cartQueries.accountKey(business.id) })).toEqual(
      [],
    );
    const familyList = fake.requestsTo("list-carts").at(-1);
    const session = result.current.session;
    expect(familyList?.headers["ep-account-management-authentication-token"]).toBe(
      session.status === "signed-in" ? session.accounts[1]?.token : "missing",
    );
    // The guest cart went to the first account only.
    expect(countOf(fake, "associate-account")).toBe(1);
  });

  it("with keepCartOnLogout the cart stays through a switch, and is associated with the new account too", async () => {
    const harness = createHarness({ provider: { keepCartOnLogout: true } });
    const { family } = seedMember(harness.fake);
    const guestCart = harness.fake.seedCart({ name: "Guest" });
    localStorage.setItem("_store_ep_cart", guestCart.id!);
    const { result } = renderHook(useB2bStorefront, { wrapper: harness.wrapper });
    await act(() =>
      result.current.login.mutateAsync({
        passwordProfileId: harness.fake.passwordProfileId,
        ...MEMBER,
      }),
    );
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    act(() => result.current.select(family.id));
    expect(result.current.cart[0]).toBe(guestCart.id);
    await waitFor(() =>
      expect(result.current.associate.data).toMatchObject({ accountId: family.id }),
    );
    expect(countOf(harness.fake, "associate-account")).toBe(2);
  });

  it("logout during an association: nothing is written into the cache afterwards", async () => {
    const { fake, wrapper, login, queryClient, business } = setUp();
    fake.setLatency((request) => (request.endpoint === "associate-account" ? 80 : 0));
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(countOf(fake, "associate-account")).toBe(0));
    await waitFor(() => expect(result.current.associate.isPending).toBe(true));
    act(() => result.current.logout());
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(queryClient.getQueriesData({ queryKey: cartQueries.accountKey(business.id) })).toEqual(
      [],
    );
    expect(queryClient.getMutationCache().getAll()).toHaveLength(0);
    expect(result.current.carts.data).toBeUndefined();
    expect(result.current.associate.status).toBe("idle");
  });

  it("a 401 on the list ends the account session", async () => {
    const { fake, wrapper, login, member } = setUp();
    localStorage.removeItem("_store_ep_cart");
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    fake.expireAccountTokens(member.id);
    await act(() => result.current.carts.refetch());
    await waitFor(() => expect(result.current.session.status).toBe("signed-out"));
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();
  });

  it("never sends both shopper headers, and keeps the account token out of keys and variables", async () => {
    const { fake, wrapper, login, queryClient } = setUp();
    const { result } = renderHook(useB2bStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(3));
    for (const { customer, account } of shopperHeaders(fake)) {
      expect(customer === undefined || account === undefined).toBe(true);
    }
    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in session");
    expect(cacheKeysAndVariables(queryClient)).not.toContain(session.token);
  });

  it("takes a cart off the account by hand with the session's token; it leaves the list at once", async () => {
    const { fake, wrapper, login, business } = setUp();
    localStorage.removeItem("_store_ep_cart");
    const { result } = renderHook(
      () => ({ ...useB2bStorefront(), remove: useDisassociateCartFromAccount() }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(2));
    const cartId = result.current.carts.data!.data[0]!.id!;
    act(() => result.current.remove.mutate({ cartId, accountId: business.id }));
    await waitFor(() => expect(idsOf(result.current.carts)).not.toContain(cartId));
    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));
    const [request] = fake.requestsTo("disassociate-account");
    expect(request).toMatchObject({ method: "DELETE", status: 204 });
    expect(request?.body).toEqual({ data: [{ type: "account", id: business.id }] });
    const session = result.current.session;
    expect(request?.headers["ep-account-management-authentication-token"]).toBe(
      session.status === "signed-in" ? session.token : "missing",
    );
    expect(fake.cartsOfAccount(business.id).map((cart) => cart.id)).not.toContain(cartId);
  });

  it("refuses bad association input before any request", async () => {
    const { fake, wrapper } = setUp();
    localStorage.removeItem("_store_ep_cart");
    const { result } = renderHook(() => useAssociateCartWithAccount(), { wrapper });
    const error = await act(() =>
      result.current.mutateAsync({ cartId: "a b", accountId: "x" }).catch((e) => e),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error.message).toMatch(/cartId/);
    const missing = await act(() =>
      result.current.mutateAsync({ cartId: "a", accountId: " " }).catch((e) => e),
    );
    expect(missing.message).toMatch(/accountId/);
    expect(countOf(fake, "associate-account")).toBe(0);
  });

  it("loads the account's carts page after page", async () => {
    const { fake, wrapper, login, business } = setUp();
    localStorage.removeItem("_store_ep_cart");
    fake.seedCarts(23, { accountIds: [business.id] });
    const { result } = renderHook(
      () => ({ login: useAccountLogin(), carts: useInfiniteAccountCarts({ limit: 10 }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.carts.data?.pages).toHaveLength(1));
    await act(() => result.current.carts.fetchNextPage());
    await act(() => result.current.carts.fetchNextPage());
    expect(result.current.carts.data?.pages.flatMap((page) => page.data)).toHaveLength(25);
    expect(result.current.carts.hasNextPage).toBe(false);
    expect(fake.requestsTo("list-carts").map((r) => r.query["page[offset]"])).toEqual([
      "0",
      "10",
      "20",
    ]);
  });

  it("cartQueries.accountCarts prefetches the same entry the hook reads", async () => {
    const { fake, client, wrapper, queryClient, business, login } = setUp();
    localStorage.removeItem("_store_ep_cart");
    const signIn = renderHook(useAccountLogin, { wrapper });
    const session = await act(() => signIn.result.current.mutateAsync(login));
    await queryClient.prefetchQuery(cartQueries.accountCarts({ client, session }));
    expect(cartQueries.accountCarts({ client, session }).queryKey).toEqual([
      "epcc",
      "carts",
      "account",
      business.id,
      "page",
      { limit: undefined, offset: undefined },
    ]);
    const lists = countOf(fake, "list-carts");
    const { result } = renderHook(() => useAccountCarts(), { wrapper });
    expect(result.current.data?.data).toHaveLength(2);
    expect(countOf(fake, "list-carts")).toBe(lists);
    expect(() =>
      cartQueries.accountCarts({ client, session: { ...session, token: "bad\ntoken" } }),
    ).toThrow(ElasticPathError);
  });
});

describe("controlled account session", () => {
  it("reports login, switch and logout to the app, which passes them back down", async () => {
    const harness = createHarness();
    const { family } = seedMember(harness.fake);
    const { client } = createTestClient(harness.fake);
    const reported: string[] = [];
    function App({ children }: { children: React.ReactNode }) {
      const [session, setSession] = useState<AccountSession>({ status: "signed-out" });
      return (
        <QueryClientProvider client={harness.queryClient}>
          <ElasticPathProvider
            client={client}
            accountSession={session}
            onAccountSessionChange={(next) => {
              reported.push(next.status === "signed-in" ? next.accountId : next.status);
              setSession(next);
            }}
          >
            {children}
          </ElasticPathProvider>
        </QueryClientProvider>
      );
    }
    const { result } = renderHook(
      () => ({
        session: useAccountSession(),
        login: useAccountLogin(),
        select: useSelectAccount(),
        logout: useAccountLogout(),
      }),
      { wrapper: App },
    );
    await act(() =>
      result.current.login.mutateAsync({
        passwordProfileId: harness.fake.passwordProfileId,
        ...MEMBER,
      }),
    );
    expect(result.current.session.status).toBe("signed-in");
    act(() => result.current.select(family.id));
    expect(result.current.session).toMatchObject({ accountId: family.id });
    act(() => result.current.logout());
    expect(result.current.session.status).toBe("signed-out");
    expect(reported.slice(-2)).toEqual([family.id, "signed-out"]);
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();
  });

  it("refuses a controlled session whose token is not the selected account's", () => {
    const harness = createHarness();
    const { client } = createTestClient(harness.fake);
    const bad: AccountSession = {
      status: "signed-in",
      accountMemberId: "m",
      accountId: "a",
      accountName: "A",
      token: "t1",
      expiresAt: Date.now() + 1000,
      accounts: [{ accountId: "a", accountName: "A", token: "t2", expiresAt: Date.now() + 1000 }],
    };
    expect(() =>
      renderHook(useAccountSession, {
        wrapper: ({ children }) => (
          <QueryClientProvider client={harness.queryClient}>
            <ElasticPathProvider client={client} accountSession={bad}>
              {children}
            </ElasticPathProvider>
          </QueryClientProvider>
        ),
      }),
    ).toThrow(/accountSession.token must be the selected account's token/);
  });
});
