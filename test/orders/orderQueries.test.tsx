import { dehydrate, hydrate, QueryClient, skipToken } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useOrder, useOrders, type CustomerSession } from "../../src";
import { ElasticPathError, orderQueries } from "../../src/queries";
import { countOf, createHarness, SHOPPER } from "../support/harness";
import { createTestClient, loginAs } from "../support/sdk";
import { newestFirst, numbersOf, orderClock, placeOrders } from "./placeOrders";

/** A signed-in customer, their orders, and a server's own client and session for them. */
async function setUp() {
  const clock = orderClock();
  const harness = createHarness({ fake: { now: clock.now } });
  const { fake } = harness;
  const customer = fake.seedCustomer(SHOPPER);
  const orders = await placeOrders(
    fake,
    harness.client,
    clock,
    { kind: "customer", customerId: customer.id },
    3,
    "ada",
  );
  const server = createTestClient(fake).client;
  const token = await loginAs(server, SHOPPER.email, SHOPPER.password);
  const session: CustomerSession = {
    status: "signed-in",
    customerId: customer.id,
    token: token.token,
    expiresAt: token.expires * 1000,
  };
  return { ...harness, server, session, customer, orders };
}

describe("orderQueries", () => {
  it("prefetches on a server; the storefront's hooks hydrate from it with no request of their own", async () => {
    const { fake, server, session, orders } = await setUp();
    const serverClient = new QueryClient();
    await serverClient.prefetchQuery(orderQueries.orders({ client: server, session }));
    await serverClient.prefetchQuery(
      orderQueries.order({ client: server, session }, orders[0]!.id),
    );
    expect(countOf(fake, "list-orders")).toBe(1);
    const [request] = fake.requestsTo("list-orders");
    expect(request?.headers["x-moltin-customer-token"]).toBe(session.token);
    expect(
      JSON.stringify(
        serverClient
          .getQueryCache()
          .getAll()
          .map((q) => q.queryKey),
      ),
    ).not.toContain(session.token);

    // The browser: the same session, controlled by the app (its server signed the shopper in).
    const browser = createHarness({ fake, provider: { session } });
    hydrate(browser.queryClient, dehydrate(serverClient));
    const { result } = renderHook(
      () => ({
        orders: useOrders(undefined, { staleTime: 60_000 }),
        order: useOrder(orders[0]!.id, { staleTime: 60_000 }),
      }),
      { wrapper: browser.wrapper },
    );
    expect(numbersOf(result.current.orders.data)).toEqual(newestFirst(orders));
    expect(result.current.order.data?.order.order_number).toBe("ada-1");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(countOf(fake, "list-orders")).toBe(1);
    expect(countOf(fake, "get-order")).toBe(1);
  });

  it("sends nothing for a signed-out session: no query function, a key with no shopper", async () => {
    const { server } = await setUp();
    const source = { client: server, session: { status: "signed-out" } as const };
    const options = orderQueries.orders(source);
    expect(options.queryKey).toEqual(["epcc", "orders", null, null, "page", {}]);
    expect(options.queryFn).toBe(skipToken);
    expect(orderQueries.infiniteOrders(source).queryFn).toBe(skipToken);
    expect(orderQueries.order(source, "o-1").queryFn).toBe(skipToken);
  });

  it("calls onUnauthorized on a 401, and does not retry it", async () => {
    const { fake, server, session, customer } = await setUp();
    fake.expireCustomerTokens(customer.id);
    const onUnauthorized = vi.fn();
    const queryClient = new QueryClient();
    await expect(
      queryClient.fetchQuery(orderQueries.orders({ client: server, session, onUnauthorized })),
    ).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("keys are scoped by shopper and hold no token; bad input is refused in a sentence", async () => {
    const { server, session, customer } = await setUp();
    expect(orderQueries.orders({ client: server, session }, { limit: 10 }).queryKey).toEqual([
      "epcc",
      "orders",
      "customer",
      customer.id,
      "page",
      { limit: 10, offset: undefined },
    ]);
    expect(orderQueries.order({ client: server, session }, "o-1").queryKey).toEqual([
      ...orderQueries.customerKey(customer.id),
      "order",
      "o-1",
    ]);
    expect(() => orderQueries.orders({ client: {} as never, session })).toThrowError(
      new ElasticPathError("source.client must be the SDK client from createShopperClient."),
    );
    expect(() =>
      orderQueries.infiniteOrders({ client: server, session }, { limit: 0 }),
    ).toThrowError(new ElasticPathError("limit must be a whole number from 1 to 100."));
    expect(() => orderQueries.order({ client: server, session }, "a/b")).toThrowError(
      new ElasticPathError('orderId may only contain letters, digits, "-" and "_".'),
    );
  });
});
