import { keepPreviousData } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  orderQueries,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useInfiniteOrders,
  useOrder,
  useOrders,
  useSelectAccount,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { cacheKeysAndVariables, createHarness } from "../support/harness";
import { newestFirst, numbersOf, orderClock, placeOrders } from "./placeOrders";

async function setUp() {
  const clock = orderClock();
  const harness = createHarness({ fake: { now: clock.now } });
  const { fake, client } = harness;
  const seeded = seedMember(fake);
  const { member, business, family } = seeded;
  const businessOrders = await placeOrders(
    fake,
    client,
    clock,
    { kind: "account", memberId: member.id, accountId: business.id },
    3,
    "business",
  );
  const familyOrders = await placeOrders(
    fake,
    client,
    clock,
    { kind: "account", memberId: member.id, accountId: family.id },
    2,
    "family",
  );
  const login = { passwordProfileId: fake.passwordProfileId, ...MEMBER };
  return { ...harness, ...seeded, login, businessOrders, familyOrders };
}

function useB2bOrders(orderId: string) {
  return {
    session: useAccountSession(),
    login: useAccountLogin(),
    logout: useAccountLogout(),
    select: useSelectAccount(),
    orders: useOrders(undefined, { placeholderData: keepPreviousData }),
    infinite: useInfiniteOrders({ limit: 2 }),
    order: useOrder(orderId),
  };
}

describe("orders of an account member", () => {
  it("lists the selected account's orders newest first, with the Account Management token in its header", async () => {
    const { fake, wrapper, queryClient, login, business, businessOrders } = await setUp();
    const { result } = renderHook(() => useB2bOrders(businessOrders[0]!.id), { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => {
      expect(result.current.orders.isSuccess).toBe(true);
      expect(result.current.order.isSuccess).toBe(true);
    });
    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in member");
    expect(session.accountId).toBe(business.id);

    expect(numbersOf(result.current.orders.data)).toEqual(newestFirst(businessOrders));
    expect(result.current.order.data?.order).toMatchObject({ order_number: "business-1" });
    expect(result.current.order.data?.items.map((item) => item.name)).toEqual(["Mug", "Gift wrap"]);
    for (const request of [...fake.requestsTo("list-orders"), ...fake.requestsTo("get-order")]) {
      expect(request.headers["ep-account-management-authentication-token"]).toBe(session.token);
      expect(request.headers["x-moltin-customer-token"]).toBeUndefined();
    }
    expect(cacheKeysAndVariables(queryClient)).not.toContain(session.token);
    expect(
      queryClient.getQueryCache().findAll({ queryKey: orderQueries.accountKey(business.id) }),
    ).toHaveLength(3);
  });

  it("loads more of the account's orders", async () => {
    const { fake, wrapper, login, businessOrders } = await setUp();
    const { result } = renderHook(() => useB2bOrders(businessOrders[0]!.id), { wrapper });
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.infinite.isSuccess).toBe(true));
    expect(result.current.infinite.hasNextPage).toBe(true);
    await act(() => result.current.infinite.fetchNextPage());
    await waitFor(() => expect(result.current.infinite.hasNextPage).toBe(false));
    expect(result.current.infinite.data?.pages.flatMap((page) => numbersOf(page))).toEqual(
      newestFirst(businessOrders),
    );
    expect(fake.requestsTo("list-orders").map((r) => r.query["page[offset]"])).toEqual([
      undefined, // useOrders(), no paging asked for
      "0",
      "2",
    ]);
  });

  it("an account switch shows the other account's orders and forgets the first's", async () => {
    const { wrapper, queryClient, login, business, family, businessOrders, familyOrders } =
      await setUp();
    const seen: Array<string | undefined> = [];
    const { result } = renderHook(
      () => {
        const page = useB2bOrders(businessOrders[0]!.id);
        if (page.session.status === "signed-in" && page.session.accountId === family.id) {
          seen.push(...(numbersOf(page.orders.data) ?? []), page.order.data?.order.order_number);
        }
        return page;
      },
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(login));
    await waitFor(() => expect(result.current.orders.isSuccess).toBe(true));

    act(() => result.current.select(family.id));
    await waitFor(() =>
      expect(numbersOf(result.current.orders.data)).toEqual(newestFirst(familyOrders)),
    );
    // The family account asks for the business's order by id: not theirs, 404.
    await waitFor(() => expect(result.current.order.error).toMatchObject({ status: 404 }));
    expect(seen.filter((number) => number?.startsWith("business"))).toEqual([]);
    expect(
      queryClient.getQueryCache().findAll({ queryKey: orderQueries.accountKey(business.id) }),
    ).toEqual([]);

    act(() => result.current.logout());
    expect(
      queryClient.getQueryCache().findAll({ queryKey: orderQueries.accountKey(family.id) }),
    ).toEqual([]);
    expect(result.current.orders.data).toBeUndefined();
  });
});
