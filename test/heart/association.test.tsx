import { useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  type UseAssociateCartWithCustomerOptions,
} from "../../src";
import type { FakeElasticPath } from "../../src/testing";
import { countOf, createHarness, OTHER_SHOPPER, SHOPPER } from "../support/harness";

// Retries in these tests wait 1 ms, not seconds, unless the delay itself is under test.
const fastRetries: UseAssociateCartWithCustomerOptions = { retryDelay: 1 };

function useStorefront(options: UseAssociateCartWithCustomerOptions = fastRetries) {
  return {
    associate: useAssociateCartWithCustomer(options),
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    cart: useCartId(),
    carts: useCustomerCarts(),
  };
}

function seedShopperWithGuestCart(fake: FakeElasticPath) {
  const customer = fake.seedCustomer(SHOPPER);
  const ownCarts = fake.seedCarts(2, { customerIds: [customer.id], name: "Older" });
  const guestCart = fake.seedCart({
    name: "Guest",
    items: [{ name: "Socks", quantity: 2, amount: 900 }],
  });
  return { customer, ownCarts, guestCart };
}

describe("useAssociateCartWithCustomer, by hand", () => {
  it("sends the documented request and reports 200 as associated", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false }), { wrapper });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));

    const data = await act(() =>
      result.current.associate.mutateAsync({
        cartId: guestCart.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );

    expect(data).toEqual({ status: "associated", cartId: guestCart.id, customerId: customer.id });
    const [request, ...others] = fake.requestsTo("associate");
    expect(others).toEqual([]);
    expect(request).toMatchObject({
      method: "POST",
      path: `/v2/carts/${guestCart.id}/relationships/customers`,
      body: { data: [{ type: "customer", id: customer.id }] },
      status: 200,
    });
    expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    expect(request?.headers.authorization).toMatch(/^Bearer /);
    expect(fake.associations()).toContainEqual({ cartId: guestCart.id, customerId: customer.id });
  });

  it("reports 204 as already-associated: a success, not retried, no list refetch", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, ownCarts } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false }), { wrapper });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    const listsBefore = countOf(fake, "list-carts");

    const data = await act(() =>
      result.current.associate.mutateAsync({
        cartId: ownCarts[0]!.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );

    expect(data.status).toBe("already-associated");
    expect(result.current.associate.isSuccess).toBe(true);
    expect(fake.requestsTo("associate").map((r) => r.status)).toEqual([204]);
    expect(countOf(fake, "list-carts")).toBe(listsBefore);
  });

  it("sends no customer token header when none is given (client-credentials path)", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false }), { wrapper });
    await act(() =>
      result.current.associate
        .mutateAsync({ cartId: guestCart.id, customerId: customer.id })
        .catch(() => {}),
    );
    await waitFor(() => expect(result.current.associate.isError).toBe(true));
    const [request] = fake.requestsTo("associate");
    expect(request?.headers).not.toHaveProperty("x-moltin-customer-token");
    // The shopper client holds an implicit token, which may not act for a customer.
    expect(request?.status).toBe(403);
    expect(result.current.associate.error?.status).toBe(403);
  });

  it("stays pending until the customer's list shows the cart, and refetches only that list", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(
      () => ({
        ...useStorefront({ associateOnLogin: false }),
        unrelated: useQuery({ queryKey: ["unrelated"], queryFn: () => Math.random() }),
      }),
      { wrapper },
    );
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(2));
    const unrelatedValue = result.current.unrelated.data;
    const listsBefore = countOf(fake, "list-carts");

    const cachedListWhenSettled = await act(() =>
      result.current.associate
        .mutateAsync({ cartId: guestCart.id, customerId: customer.id, customerToken: token })
        .then(() => queryClient.getQueriesData({ queryKey: cartQueries.customerKey(customer.id) })),
    );

    expect(cachedListWhenSettled).toHaveLength(1);
    expect(cachedListWhenSettled[0]?.[1]).toMatchObject({
      data: expect.arrayContaining([expect.objectContaining({ id: guestCart.id })]),
    });
    await waitFor(() =>
      expect(result.current.carts.data?.data.map((c) => c.id)).toContain(guestCart.id),
    );
    expect(countOf(fake, "list-carts")).toBe(listsBefore + 1);
    expect(result.current.unrelated.data).toBe(unrelatedValue);
  });

  it.each([
    ["a cart with a contact email", 422],
    ["another customer's token", 403],
  ])("does not retry %s (%i)", async (_, status) => {
    const { fake, wrapper } = createHarness();
    const { customer } = seedShopperWithGuestCart(fake);
    const grace = fake.seedCustomer(OTHER_SHOPPER);
    const cart = fake.seedCart(status === 422 ? { contactEmail: "guest@example.com" } : {});
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false, retryDelay: 1 }), {
      wrapper,
    });
    const token =
      status === 403 ? fake.issueCustomerToken(grace.id) : fake.issueCustomerToken(customer.id);

    await act(() =>
      result.current.associate
        .mutateAsync({ cartId: cart.id!, customerId: customer.id, customerToken: token })
        .catch(() => {}),
    );
    await waitFor(() => expect(result.current.associate.isError).toBe(true));

    expect(result.current.associate.error).toBeInstanceOf(ElasticPathError);
    expect(result.current.associate.error).toMatchObject({ status, retryable: false });
    expect(result.current.associate.error?.message).not.toContain(token);
    expect(countOf(fake, "associate")).toBe(1);
  });

  it("signs the shopper out on a 401 (expired customer token), without retrying", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false, retryDelay: 1 }), {
      wrapper,
    });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    fake.expireCustomerTokens(customer.id);

    const error = await act(() =>
      result.current.associate
        .mutateAsync({ cartId: guestCart.id, customerId: customer.id, customerToken: token })
        .catch((e: unknown) => e),
    );

    expect((error as { status?: number }).status).toBe(401);
    expect(countOf(fake, "associate")).toBe(1);
    expect(result.current.session).toEqual({ status: "signed-out" });
    // The session is over: the hook keeps nothing of that shopper's call either.
    await waitFor(() => expect(result.current.associate.status).toBe("idle"));
  });

  it.each([
    [
      "an empty cart id",
      { cartId: "", customerId: "c" },
      "cartId must not be empty or whitespace.",
    ],
    [
      "a whitespace cart id",
      { cartId: "  ", customerId: "c" },
      "cartId must not be empty or whitespace.",
    ],
    [
      "path traversal",
      { cartId: "../carts", customerId: "c" },
      'cartId may only contain letters, digits, "-" and "_".',
    ],
    [
      "a whitespace customer id",
      { cartId: "c", customerId: " \t" },
      "customerId must not be empty or whitespace.",
    ],
    ["a number", { cartId: 7, customerId: "c" }, "cartId must be a string, but got a number."],
  ])("rejects %s before any request, naming the field", async (_, variables, message) => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false }), { wrapper });
    await act(() => result.current.associate.mutateAsync(variables as never).catch(() => {}));
    await waitFor(() => expect(result.current.associate.isError).toBe(true));
    expect(result.current.associate.error).toEqual(new ElasticPathError(message));
    expect(result.current.associate.error?.status).toBeUndefined();
    expect(fake.requests).toHaveLength(0);
  });

  it("shares one request between two quick mutate calls for the same pair", async () => {
    const { fake, wrapper } = createHarness({ fake: { latencyMs: 20 } });
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false }), { wrapper });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    const variables = { cartId: guestCart.id, customerId: customer.id, customerToken: token };

    const [first, second] = await act(() =>
      Promise.all([
        result.current.associate.mutateAsync(variables),
        result.current.associate.mutateAsync(variables),
      ]),
    );

    expect(first).toEqual(second);
    expect(countOf(fake, "associate")).toBe(1);
  });

  it("runs the caller's callbacks in addition to its own cache work", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const onSuccess = vi.fn();
    const onSettled = vi.fn();
    const { result } = renderHook(
      () => useStorefront({ associateOnLogin: false, onSuccess, onSettled }),
      {
        wrapper,
      },
    );
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    await act(() =>
      result.current.associate.mutateAsync({
        cartId: guestCart.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(result.current.carts.data?.data.map((c) => c.id)).toContain(guestCart.id);
  });
});

describe("retries", () => {
  it.each([
    ["a 503", { status: 503 } as const],
    ["a network error", { network: true } as const],
    ["a 500", { status: 500 } as const],
  ])("retries after %s and then succeeds", async (_, fault) => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false, retryDelay: 1 }), {
      wrapper,
    });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    fake.failNext("associate", 1, fault);

    const data = await act(() =>
      result.current.associate.mutateAsync({
        cartId: guestCart.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );

    expect(data.status).toBe("associated");
    expect(fake.requestsTo("associate").map((r) => r.status)).toEqual([
      "network" in fault ? "network-error" : fault.status,
      200,
    ]);
  });

  it("gives up after three retries and reports a retryable ElasticPathError", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false, retryDelay: 1 }), {
      wrapper,
    });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    fake.failNext("associate", 10, { status: 503 });

    await act(() =>
      result.current.associate
        .mutateAsync({ cartId: guestCart.id, customerId: customer.id, customerToken: token })
        .catch(() => {}),
    );
    await waitFor(() => expect(result.current.associate.isError).toBe(true));

    expect(countOf(fake, "associate")).toBe(4);
    expect(result.current.associate.error).toMatchObject({ status: 503, retryable: true });
  });

  it("waits what Retry-After asks on a 429, whatever the QueryClient's defaults say", async () => {
    const { fake, wrapper } = createHarness(); // its QueryClient says mutations: { retry: false }
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(
      () => useStorefront({ associateOnLogin: false, retryDelay: undefined }),
      {
        wrapper,
      },
    );
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    fake.failNext("associate", 1, { status: 429, retryAfter: 1 });

    await act(() =>
      result.current.associate.mutateAsync({
        cartId: guestCart.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );

    const [limited, retried] = fake.requestsTo("associate");
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    // A lower bound only: a slow machine can wait longer, never shorter.
    expect(retried!.startedAt - limited!.finishedAt).toBeGreaterThanOrEqual(950);
  });

  it("lets the caller's retry option replace the policy", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seedShopperWithGuestCart(fake);
    const { result } = renderHook(() => useStorefront({ associateOnLogin: false, retry: 0 }), {
      wrapper,
    });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    fake.failNext("associate", 1, { status: 503 });
    await act(() =>
      result.current.associate
        .mutateAsync({ cartId: guestCart.id, customerId: customer.id, customerToken: token })
        .catch(() => {}),
    );
    await waitFor(() => expect(result.current.associate.isError).toBe(true));
    expect(countOf(fake, "associate")).toBe(1);
  });
});
