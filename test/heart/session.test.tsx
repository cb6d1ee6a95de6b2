import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathError,
  ElasticPathProvider,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
} from "../../src";
import { createTestClient } from "../support/sdk";
import {
  cacheKeysAndVariables,
  countOf,
  createHarness,
  OTHER_SHOPPER,
  SHOPPER,
} from "../support/harness";

function useShopper() {
  return {
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    cart: useCartId(),
  };
}

describe("useCustomerLogin", () => {
  it("logs in through POST /v2/customers/tokens and the session becomes signed-in and persists", async () => {
    const { fake, wrapper } = createHarness();
    const customer = fake.seedCustomer(SHOPPER);
    const { result } = renderHook(useShopper, { wrapper });

    const session = await act(() => result.current.login.mutateAsync(SHOPPER));

    expect(session).toMatchObject({ status: "signed-in", customerId: customer.id });
    expect(session.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(session.expiresAt).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(result.current.session).toEqual(session);
    const [login] = fake.requestsTo("customer-token");
    expect(fake.requestsTo("customer-token")).toHaveLength(1);
    expect(login?.headers.authorization).toMatch(/^Bearer /);
    expect(login?.body).toEqual({
      data: { type: "token", ...SHOPPER, authentication_mechanism: "password" },
    });
    expect(JSON.parse(localStorage.getItem("_epcc_customer_session")!)).toEqual({
      customerId: customer.id,
      token: session.token,
      expiresAt: session.expiresAt,
    });
  });

  it("keeps the session across a reload (a new provider on the same storage)", async () => {
    const first = createHarness();
    first.fake.seedCustomer(SHOPPER);
    const { result } = renderHook(useShopper, { wrapper: first.wrapper });
    const session = await act(() => result.current.login.mutateAsync(SHOPPER));

    const reloaded = createHarness({ fake: first.fake });
    const after = renderHook(useShopper, { wrapper: reloaded.wrapper });
    expect(after.result.current.session).toEqual(session);
  });

  it("answers wrong credentials with a 401 ElasticPathError and stays signed-out", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(useShopper, { wrapper });

    act(() => result.current.login.mutate({ email: SHOPPER.email, password: "wrong" }));
    await waitFor(() => expect(result.current.login.isError).toBe(true));

    const error = result.current.login.error!;
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain("wrong");
    expect(result.current.session).toEqual({ status: "signed-out" });
    expect(countOf(fake, "customer-token")).toBe(1);
  });

  it.each([
    [{ email: "", password: "x" }, "email must not be empty or whitespace."],
    [{ email: "   ", password: "x" }, "email must not be empty or whitespace."],
    [{ email: "no-at-sign", password: "x" }, "email must be an email address."],
    [{ email: "a@b.c", password: "" }, "password must be a non-empty string."],
    [
      { email: "a@b.c", password: "x".repeat(1025) },
      "password must be at most 1024 characters long.",
    ],
    [{ email: 42, password: "x" }, "email must be a string, but got a number."],
    [null, "variables must be an object, but got null."],
  ])("rejects %j before any request", async (variables, message) => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(useShopper, { wrapper });
    await expect(act(() => result.current.login.mutateAsync(variables as never))).rejects.toThrow(
      new ElasticPathError(message),
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("accepts unicode emails and long passwords", async () => {
    const { fake, wrapper } = createHarness();
    const shopper = { email: "zoë.ñandú@exämple.com", password: "пароль-🔑-".repeat(50) };
    fake.seedCustomer(shopper);
    const { result } = renderHook(useShopper, { wrapper });
    await act(() => result.current.login.mutateAsync(shopper));
    expect(result.current.session.status).toBe("signed-in");
  });
});

describe("useCustomerLogout", () => {
  it("signs out, forgets the cart id and removes the customer's cached carts", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    const customer = fake.seedCustomer(SHOPPER);
    fake.seedCarts(2, { customerIds: [customer.id] });
    localStorage.setItem("_store_ep_cart", "guest-cart");
    const { result } = renderHook(
      () => ({ ...useShopper(), carts: useCustomerCarts(undefined, { enabled: true }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(2));

    act(() => result.current.logout());

    expect(result.current.session).toEqual({ status: "signed-out" });
    expect(result.current.cart[0]).toBeUndefined();
    expect(result.current.carts.data).toBeUndefined();
    expect(
      queryClient.getQueryCache().findAll({ queryKey: ["epcc", "carts", "customer", customer.id] }),
    ).toEqual([]);
    expect(localStorage.getItem("_epcc_customer_session")).toBeNull();
  });

  it("forgets the login's result (its token) once the session is over", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(useShopper, { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    expect(result.current.login.data?.status).toBe("signed-in");

    act(() => result.current.logout());

    await waitFor(() => expect(result.current.login.data).toBeUndefined());
    expect(result.current.login.isIdle).toBe(true);
  });

  it("keeps the cart id with keepCartOnLogout", async () => {
    const { fake, wrapper } = createHarness({ provider: { keepCartOnLogout: true } });
    fake.seedCustomer(SHOPPER);
    localStorage.setItem("_store_ep_cart", "guest-cart");
    const { result } = renderHook(useShopper, { wrapper: wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    act(() => result.current.logout());
    expect(result.current.cart[0]).toBe("guest-cart");
  });

  it("follows a login and a logout in another tab (storage events)", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    const otherTab = createHarness({ fake });
    const here = renderHook(useShopper, { wrapper });
    const there = renderHook(useShopper, { wrapper: otherTab.wrapper });

    await act(() => there.result.current.login.mutateAsync(SHOPPER));
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: "_epcc_customer_session" }));
    });
    expect(here.result.current.session).toEqual(there.result.current.session);

    act(() => there.result.current.logout());
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: "_epcc_customer_session" }));
    });
    expect(here.result.current.session).toEqual({ status: "signed-out" });
  });
});

describe("switching customers on one device", () => {
  it("never renders the first customer's carts for the second", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    const ada = fake.seedCustomer(SHOPPER);
    const grace = fake.seedCustomer(OTHER_SHOPPER);
    const adaCarts = fake.seedCarts(3, { customerIds: [ada.id], name: "Ada's" });
    fake.seedCarts(2, { customerIds: [grace.id], name: "Grace's" });
    const adaIds = new Set(adaCarts.map((cart) => cart.id));
    const leaks: string[] = [];
    const { result } = renderHook(
      () => {
        const shopper = useShopper();
        const carts = useCustomerCarts();
        const shown = carts.data?.data ?? [];
        if (shopper.session.status !== "signed-in" || shopper.session.customerId !== ada.id) {
          for (const cart of shown) if (adaIds.has(cart.id!)) leaks.push(cart.id!);
        }
        return { ...shopper, carts };
      },
      { wrapper },
    );

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(3));
    // Ada's list is being refetched when she leaves: the answer must go nowhere.
    fake.setLatency(50);
    void queryClient.invalidateQueries();
    act(() => result.current.logout());
    await act(() => result.current.login.mutateAsync(OTHER_SHOPPER));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(result.current.carts.data?.data.every((cart) => cart.name === "Grace's")).toBe(true);
    expect(leaks).toEqual([]);
    expect(cacheKeysAndVariables(queryClient)).not.toContain(ada.id);
  });
});

describe("a provider without window", () => {
  it("reads as signed out with no cart when storage is unavailable", () => {
    const { fake } = createHarness();
    const { client } = createTestClient(fake);
    const broken = { get: () => undefined, set: () => {} };
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider client={client} sessionStorage={broken} cartIdStorage={broken}>
          {children}
        </ElasticPathProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => ({ session: useCustomerSession(), cart: useCartId() }), {
      wrapper,
    });
    expect(result.current.session).toEqual({ status: "signed-out" });
    expect(result.current.cart[0]).toBeUndefined();
  });
});
