import { useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useInfiniteCustomerCarts,
  type CustomerCartsParams,
} from "../../src";
import { cacheKeysAndVariables, countOf, createHarness, SHOPPER } from "../support/harness";

function useAccountPage(params?: CustomerCartsParams) {
  return {
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    carts: useCustomerCarts(params),
  };
}

function seedManyCarts(count: number) {
  const harness = createHarness();
  const customer = harness.fake.seedCustomer(SHOPPER);
  const carts = harness.fake.seedCarts(count, { customerIds: [customer.id] });
  return { ...harness, customer, carts };
}

describe("useCustomerCarts", () => {
  it("sends nothing and holds no data while signed out", async () => {
    const { fake, wrapper } = seedManyCarts(3);
    const { result } = renderHook(() => useAccountPage(), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.carts.data).toBeUndefined();
    expect(result.current.carts.fetchStatus).toBe("idle");
    expect(countOf(fake, "list-carts")).toBe(0);
  });

  it.each([20, 100])(
    "pages 250 carts at %i: page[limit] and page[offset] on the wire, totals from meta, newest first",
    async (limit) => {
      const { fake, wrapper, carts } = seedManyCarts(250);
      const { result, rerender } = renderHook(
        (params: CustomerCartsParams) => useAccountPage(params),
        {
          wrapper,
          initialProps: { limit, offset: 0 },
        },
      );
      const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
      await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));

      const first = result.current.carts.data!;
      expect(first.data.map((cart) => cart.id)).toEqual(
        carts.slice(0, limit).map((cart) => cart.id),
      );
      expect(first.meta?.results?.total).toBe(250);
      expect(first.meta?.page).toMatchObject({
        limit,
        offset: 0,
        current: 1,
        total: Math.ceil(250 / limit),
      });
      const [request] = fake.requestsTo("list-carts");
      expect(request?.query).toEqual({ "page[limit]": String(limit), "page[offset]": "0" });
      expect(request?.headers["x-moltin-customer-token"]).toBe(token);

      rerender({ limit, offset: limit * 2 });
      await waitFor(() => expect(result.current.carts.data?.meta?.page?.current).toBe(3));
      expect(result.current.carts.data!.data[0]?.id).toBe(carts[limit * 2]?.id);
      expect(fake.requestsTo("list-carts").at(-1)?.query).toEqual({
        "page[limit]": String(limit),
        "page[offset]": String(limit * 2),
      });
      // First page after login: one list request, nothing else but the login itself.
      expect(countOf(fake, "list-carts")).toBe(2);
    },
  );

  it("signs the shopper out when the list answers 401", async () => {
    const { fake, wrapper, customer } = seedManyCarts(2);
    const { result } = renderHook(() => useAccountPage(), { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));

    fake.expireCustomerTokens(customer.id);
    await act(() => result.current.carts.refetch());

    await waitFor(() => expect(result.current.session).toEqual({ status: "signed-out" }));
    expect(result.current.carts.data).toBeUndefined();
    // The SDK retries a GET once after a 401 with a new implicit token: its bearer handling,
    // not a retry of this package (ep-api-contract.md).
    expect(fake.requestsTo("list-carts").map((r) => r.status)).toEqual([200, 401, 401]);
  });

  it("retries a 5xx three times, whatever the QueryClient says, then reports an ElasticPathError", async () => {
    // The harness's QueryClient says `retry: false`: the package's rule is the default anyway.
    const { fake, wrapper } = seedManyCarts(2);
    fake.failNext("list-carts", 4, { status: 500 });
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), carts: useCustomerCarts(undefined, { retryDelay: 1 }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isError).toBe(true));
    expect(result.current.carts.error).toBeInstanceOf(ElasticPathError);
    expect(result.current.carts.error).toMatchObject({ status: 500, retryable: true });
    expect(fake.requestsTo("list-carts").map((r) => r.status)).toEqual([500, 500, 500, 500]);
  });

  it("lets the hook's own retry replace the rule, as on the association", async () => {
    const { fake, wrapper } = seedManyCarts(2);
    fake.failNext("list-carts", 1, { status: 503 });
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), carts: useCustomerCarts(undefined, { retry: false }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isError).toBe(true));
    expect(fake.requestsTo("list-carts").map((r) => r.status)).toEqual([503]);
  });

  it("waits what Retry-After asks on a 429, whatever the QueryClient's retryDelay says", async () => {
    const { fake, wrapper, queryClient } = seedManyCarts(2);
    queryClient.setDefaultOptions({ queries: { retry: 1, retryDelay: 0 } });
    fake.failNext("list-carts", 1, { status: 429, retryAfter: 1 });
    const { result } = renderHook(() => useAccountPage(), { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true), { timeout: 3000 });

    const [limited, retried] = fake.requestsTo("list-carts");
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    // A lower bound only: a slow machine can wait longer, never shorter.
    expect(retried!.startedAt - limited!.finishedAt).toBeGreaterThanOrEqual(950);
  });

  it("lets a retryDelay passed to the hook replace Retry-After", async () => {
    const { fake, wrapper } = seedManyCarts(2);
    fake.failNext("list-carts", 1, { status: 429, retryAfter: 30 });
    const { result } = renderHook(
      () => ({
        login: useCustomerLogin(),
        carts: useCustomerCarts(undefined, { retry: 1, retryDelay: 10 }),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    // Had it waited the 30 s asked for, this would time out.
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    expect(fake.requestsTo("list-carts").map((r) => r.status)).toEqual([429, 200]);
  });

  it("after a logout mid-fetch, the answer is nowhere to be read", async () => {
    const { fake, wrapper, queryClient, customer } = seedManyCarts(2);
    fake.setLatency((request) => (request.endpoint === "list-carts" ? 50 : 0));
    const { result } = renderHook(() => useAccountPage(), { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.fetchStatus).toBe("fetching"));

    act(() => result.current.logout());
    await new Promise((resolve) => setTimeout(resolve, 80));

    expect(result.current.carts.data).toBeUndefined();
    expect(
      queryClient.getQueryCache().findAll({ queryKey: cartQueries.customerKey(customer.id) }),
    ).toEqual([]);
  });

  it("rejects bad paging input before any request, naming the argument", async () => {
    const { fake, wrapper } = seedManyCarts(1);
    const { result } = renderHook(() => useAccountPage(), { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    for (const [params, message] of [
      [{ limit: 0 }, "limit must be a whole number from 1 to 100."],
      [{ limit: 101 }, "limit must be a whole number from 1 to 100."],
      [{ offset: -1 }, "offset must be a whole number from 0 to 10000."],
      [{ offset: 1.5 }, "offset must be a whole number from 0 to 10000."],
      [{ limit: "20" }, "limit must be a whole number from 1 to 100."],
    ] as const) {
      expect(() => renderHook(() => useCustomerCarts(params as never), { wrapper })).toThrowError(
        new ElasticPathError(message),
      );
    }
    expect(countOf(fake, "list-carts")).toBe(1);
  });
});

describe("useInfiniteCustomerCarts", () => {
  it("loads 250 carts at limit 100 to the end: three requests, no page twice, none skipped", async () => {
    const { fake, wrapper, carts, queryClient } = seedManyCarts(250);
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), carts: useInfiniteCustomerCarts({ limit: 100 }) }),
      { wrapper },
    );
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));

    while (result.current.carts.hasNextPage) {
      await act(() => result.current.carts.fetchNextPage());
    }

    const shown = result.current.carts.data!.pages.flatMap((page) =>
      page.data.map((cart) => cart.id),
    );
    expect(shown).toEqual(carts.map((cart) => cart.id));
    expect(fake.requestsTo("list-carts").map((r) => r.query["page[offset]"])).toEqual([
      "0",
      "100",
      "200",
    ]);
    expect(result.current.carts.hasNextPage).toBe(false);
    expect(cacheKeysAndVariables(queryClient)).not.toContain(token);
  });

  it("waits what Retry-After asks on a 429 before loading the next page", async () => {
    const { fake, wrapper, queryClient } = seedManyCarts(30);
    queryClient.setDefaultOptions({ queries: { retry: 1, retryDelay: 0 } });
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), carts: useInfiniteCustomerCarts({ limit: 20 }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    expect(result.current.carts.data?.pages).toHaveLength(1);

    fake.failNext("list-carts", 1, { status: 429, retryAfter: 1 });
    await act(() => result.current.carts.fetchNextPage());
    await waitFor(() => expect(result.current.carts.data?.pages).toHaveLength(2));

    const [, limited, retried] = fake.requestsTo("list-carts");
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(retried?.query["page[offset]"]).toBe("20");
    expect(retried!.startedAt - limited!.finishedAt).toBeGreaterThanOrEqual(950);
  });

  it("stops on a short list at once", async () => {
    const { fake, wrapper } = seedManyCarts(3);
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), carts: useInfiniteCustomerCarts({ limit: 20 }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    expect(result.current.carts.hasNextPage).toBe(false);
    expect(countOf(fake, "list-carts")).toBe(1);
  });
});

describe("cartQueries.cart", () => {
  it("follows the package's retry rule, whatever the QueryClient says: a 503 is asked again", async () => {
    const { fake, client, wrapper } = createHarness();
    const cart = fake.seedCart({ name: "Badge" });
    fake.failNext("get-cart", 1, { status: 503 });
    const { result } = renderHook(
      () => useQuery({ ...cartQueries.cart({ client }, cart.id), retryDelay: 1 }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.data?.cart.id).toBe(cart.id));
    expect(fake.requestsTo("get-cart").map((r) => r.status)).toEqual([503, 200]);
  });
});
