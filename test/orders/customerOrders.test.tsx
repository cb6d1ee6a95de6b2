import { keepPreviousData } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathError,
  orderQueries,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useInfiniteOrders,
  useOrder,
  useOrders,
  type OrdersParams,
} from "../../src";
import {
  cacheKeysAndVariables,
  countOf,
  createHarness,
  OTHER_SHOPPER,
  SHOPPER,
} from "../support/harness";
import { newestFirst, numbersOf, orderClock, placeOrders } from "./placeOrders";

async function setUp({ ada = 3, grace = 2 } = {}) {
  const clock = orderClock();
  const harness = createHarness({ fake: { now: clock.now } });
  const { fake, client } = harness;
  const adaCustomer = fake.seedCustomer(SHOPPER);
  const graceCustomer = fake.seedCustomer(OTHER_SHOPPER);
  const adaOrders = await placeOrders(
    fake,
    client,
    clock,
    { kind: "customer", customerId: adaCustomer.id },
    ada,
    "ada",
  );
  // Grace ordered last: the newest orders in the store are not Ada's.
  const graceOrders = await placeOrders(
    fake,
    client,
    clock,
    { kind: "customer", customerId: graceCustomer.id },
    grace,
    "grace",
  );
  return { ...harness, clock, adaCustomer, graceCustomer, adaOrders, graceOrders };
}

function useOrdersPage(params?: OrdersParams, orderId = "none") {
  return {
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    orders: useOrders(params, { placeholderData: keepPreviousData }),
    infinite: useInfiniteOrders({ limit: params?.limit }),
    order: useOrder(orderId),
  };
}

describe("useOrders for a customer", () => {
  it("sends nothing and holds no data while signed out (all three hooks)", async () => {
    const { fake, wrapper, adaOrders } = await setUp();
    const { result } = renderHook(() => useOrdersPage(undefined, adaOrders[0]!.id), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const query of [result.current.orders, result.current.infinite, result.current.order]) {
      expect(query.data).toBeUndefined();
      expect(query.fetchStatus).toBe("idle");
    }
    expect(countOf(fake, "list-orders") + countOf(fake, "get-order")).toBe(0);
  });

  it("lists the customer's own orders, newest first, with their token in the header and not in any key", async () => {
    const { fake, client, wrapper, queryClient, adaCustomer, adaOrders } = await setUp();
    const { result } = renderHook(() => useOrdersPage(), { wrapper });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));

    expect(numbersOf(result.current.orders.data)).toEqual(newestFirst(adaOrders));
    expect(result.current.orders.data?.meta?.results?.total).toBe(3);
    const [request] = fake.requestsTo("list-orders");
    expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    expect(request?.headers["ep-account-management-authentication-token"]).toBeUndefined();
    // Elastic Path lists orders newest first by itself: no `sort` (the API has none for orders).
    expect(request?.query).toEqual({});
    expect(cacheKeysAndVariables(queryClient)).not.toContain(token);
    const source = { client, session: result.current.session };
    expect(queryClient.getQueryData(orderQueries.orders(source).queryKey)).toBe(
      result.current.orders.data,
    );
    expect(
      queryClient.getQueryCache().findAll({ queryKey: orderQueries.customerKey(adaCustomer.id) }),
    ).not.toEqual([]);
  });

  it("pages with page[limit] and page[offset] on the wire", async () => {
    const { fake, wrapper, adaOrders } = await setUp({ ada: 45, grace: 1 });
    const { result, rerender } = renderHook((params: OrdersParams) => useOrdersPage(params), {
      wrapper,
      initialProps: { limit: 20, offset: 0 },
    });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));
    const all = newestFirst(adaOrders);
    expect(numbersOf(result.current.orders.data)).toEqual(all.slice(0, 20));
    expect(result.current.orders.data?.meta?.page).toMatchObject({ current: 1, total: 3 });

    rerender({ limit: 20, offset: 40 });
    await waitFor(() => expect(result.current.orders.data?.meta?.page?.current).toBe(3));
    expect(numbersOf(result.current.orders.data)).toEqual(all.slice(40));
    expect(fake.requestsTo("list-orders").map((r) => r.query)).toContainEqual({
      "page[limit]": "20",
      "page[offset]": "40",
    });
  });

  it("loads more with useInfiniteOrders to the last page: no page twice, none skipped", async () => {
    const { fake, wrapper, adaOrders } = await setUp({ ada: 45, grace: 1 });
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), orders: useInfiniteOrders({ limit: 20 }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));
    expect(result.current.orders.hasNextPage).toBe(true);
    while (result.current.orders.hasNextPage) {
      await act(() => result.current.orders.fetchNextPage());
    }
    const shown = result.current.orders.data!.pages.flatMap((page) => numbersOf(page));
    expect(shown).toEqual(newestFirst(adaOrders));
    expect(fake.requestsTo("list-orders").map((r) => r.query["page[offset]"])).toEqual([
      "0",
      "20",
      "40",
    ]);
  });

  it("useOrder reads one order with its items in one request, with the token", async () => {
    const { fake, wrapper, queryClient, adaOrders } = await setUp();
    const orderId = adaOrders[1]!.id;
    const { result } = renderHook(() => useOrdersPage(undefined, orderId), { wrapper });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.order.isSuccess).toBe(true));

    const { order, items } = result.current.order.data!;
    expect(order).toMatchObject({ id: orderId, order_number: "ada-2" });
    expect(items.map((item) => [item.name, item.quantity])).toEqual([
      ["Mug", 2],
      ["Gift wrap", 1],
    ]);
    expect(items).toEqual(fake.orderItems(orderId));
    const requests = fake.requestsTo("get-order");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.query).toEqual({ include: "items" });
    expect(requests[0]?.headers["x-moltin-customer-token"]).toBe(token);
    expect(countOf(fake, "get-order-items")).toBe(0);
    expect(cacheKeysAndVariables(queryClient)).not.toContain(token);
  });

  it("useOrder of another customer's order fails with Elastic Path's 404, not retried", async () => {
    const { fake, wrapper, graceOrders } = await setUp();
    const { result } = renderHook(() => useOrdersPage(undefined, graceOrders[0]!.id), { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.order.isError).toBe(true));
    expect(result.current.order.error).toBeInstanceOf(ElasticPathError);
    expect(result.current.order.error).toMatchObject({ status: 404 });
    expect(countOf(fake, "get-order")).toBe(1);
  });

  it("forgets the orders at logout: the next customer never sees the first's, even from cache", async () => {
    const { fake, wrapper, queryClient, adaCustomer, adaOrders, graceOrders } = await setUp();
    const seen: Array<string | undefined> = [];
    const { result } = renderHook(
      () => {
        const page = useOrdersPage(undefined, adaOrders[0]!.id);
        if (page.session.status === "signed-in" && page.session.customerId !== adaCustomer.id) {
          seen.push(...(numbersOf(page.orders.data) ?? []));
          seen.push(...(page.infinite.data?.pages.flatMap((p) => numbersOf(p)) ?? []));
          seen.push(page.order.data?.order.order_number);
        }
        return page;
      },
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => {
      expect(result.current.orders.isSuccess).toBe(true);
      expect(result.current.infinite.isSuccess).toBe(true);
      expect(result.current.order.isSuccess).toBe(true);
    });

    act(() => result.current.logout());
    expect(result.current.orders.data).toBeUndefined();
    expect(result.current.order.data).toBeUndefined();
    expect(
      queryClient.getQueryCache().findAll({ queryKey: orderQueries.customerKey(adaCustomer.id) }),
    ).toEqual([]);
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toMatch(/ada-\d/);

    await act(() => result.current.login.mutateAsync(OTHER_SHOPPER));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.order.isError).toBe(true));
    expect(numbersOf(result.current.orders.data)).toEqual(newestFirst(graceOrders));
    // Grace's session asked for Ada's order by id: Elastic Path says 404.
    expect(result.current.order.error).toMatchObject({ status: 404 });
    expect(seen.filter((number) => number?.startsWith("ada"))).toEqual([]);
    expect(fake.requestsTo("list-orders").length).toBeGreaterThanOrEqual(2);
  });

  it("signs the customer out when Elastic Path answers 401, and holds no orders after", async () => {
    const { fake, wrapper, adaCustomer } = await setUp();
    const { result } = renderHook(() => useOrdersPage(), { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));

    fake.expireCustomerTokens(adaCustomer.id);
    await act(() => result.current.orders.refetch());

    await waitFor(() => expect(result.current.session).toEqual({ status: "signed-out" }));
    expect(result.current.orders.data).toBeUndefined();
    expect(fake.requestsTo("list-orders").map((r) => r.status)).toContain(401);
  });

  it("retries a 5xx by the package's rule, whatever the QueryClient says", async () => {
    const { fake, wrapper } = await setUp();
    fake.failNext("list-orders", 2, { status: 503 });
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), orders: useOrders(undefined, { retryDelay: 1 }) }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));
    expect(fake.requestsTo("list-orders").map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it("refuses bad input before any request, in a sentence naming the argument", async () => {
    const { fake, wrapper } = await setUp();
    const { result } = renderHook(() => useCustomerLogin(), { wrapper });
    await act(() => result.current.mutateAsync(SHOPPER));
    for (const [params, message] of [
      [{ limit: 0 }, "limit must be a whole number from 1 to 100."],
      [{ limit: 101 }, "limit must be a whole number from 1 to 100."],
      [{ offset: -1 }, "offset must be a whole number from 0 to 10000."],
      [{ offset: 10_001 }, "offset must be a whole number from 0 to 10000."],
      [{ limit: "20" }, "limit must be a whole number from 1 to 100."],
    ] as const) {
      expect(() => renderHook(() => useOrders(params as never), { wrapper })).toThrowError(
        new ElasticPathError(message),
      );
      if ("limit" in params) {
        expect(() =>
          renderHook(() => useInfiniteOrders(params as never), { wrapper }),
        ).toThrowError(new ElasticPathError(message));
      }
    }
    for (const [orderId, message] of [
      ["../carts", 'orderId may only contain letters, digits, "-" and "_".'],
      ["", "orderId must not be empty or whitespace."],
      [42, "orderId must be a string, but got a number."],
    ] as const) {
      expect(() => renderHook(() => useOrder(orderId as never), { wrapper })).toThrowError(
        new ElasticPathError(message),
      );
    }
    expect(countOf(fake, "list-orders") + countOf(fake, "get-order")).toBe(0);
  });
});
