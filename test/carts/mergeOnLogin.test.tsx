/**
 * `guestCartOnLogin="merge"`: a returning shopper's guest cart goes into their most recently
 * updated cart, exactly once, and nothing is associated. Everything is read back through the
 * wire: the requests the fake saw, and the carts' items as the SDK reads them.
 */
import { getACart } from "@epcc-sdk/sdks-shopper";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountLogin,
  useAccountSession,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useMergeCarts,
  useSelectAccount,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import {
  GUEST_TOTAL,
  MERGED_ONCE,
  SAVED_TOTAL,
  seedReturningShopper as seed,
  totalOf,
} from "../support/merges";
import { countOf, createHarness, SHOPPER } from "../support/harness";

function useStorefront() {
  return {
    automatic: useAssociateCartWithCustomer({ retryDelay: 1 }),
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    cart: useCartId(),
    carts: useCustomerCarts(),
  };
}

const tokenOf = (session: ReturnType<typeof useCustomerSession>) =>
  session.status === "signed-in" ? session.token : undefined;

describe('guestCartOnLogin="merge"', () => {
  it("merges the guest cart into the newest cart, makes it current and associates nothing", async () => {
    const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const { customer, newest, older, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("merged"));

    expect(result.current.automatic.data).toEqual({
      status: "merged",
      cartId: newest,
      guestCartId: guestCart.id,
      customerId: customer.id,
      itemErrors: [],
    });
    expect(result.current.cart[0]).toBe(newest);
    expect(countOf(fake, "associate")).toBe(0);
    const merges = fake.requestsTo("add-items");
    expect(merges).toHaveLength(1);
    expect(merges[0]?.path).toBe(`/v2/carts/${newest}/items`);
    expect(merges[0]?.body).toEqual({
      data: { type: "cart_items", cart_id: guestCart.id },
      options: { add_all_or_nothing: false },
    });
    const token = tokenOf(result.current.session)!;
    expect(merges[0]?.headers["x-moltin-customer-token"]).toBe(token);

    // What the shopper sees: their carts (the guest cart is not one of them), the items added up once.
    await waitFor(() =>
      expect(result.current.carts.data?.data.map((c) => c.id).sort()).toEqual(
        [newest, older].sort(),
      ),
    );
    expect(await totalOf(harness, newest, token)).toBe(MERGED_ONCE);
    expect(await totalOf(harness, guestCart.id)).toBe(GUEST_TOTAL);
    expect(fake.associations().some((pair) => pair.cartId === guestCart.id)).toBe(false);
  });

  it("associates the guest cart when the shopper has no cart of their own", async () => {
    const { fake, wrapper } = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const customer = fake.seedCustomer(SHOPPER);
    const guestCart = fake.seedCart({ items: [{ name: "Tea", quantity: 1, amount: 450 }] });
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("associated"));

    expect(countOf(fake, "add-items")).toBe(0);
    expect(countOf(fake, "associate")).toBe(1);
    expect(result.current.cart[0]).toBe(guestCart.id);
    expect(fake.associations()).toContainEqual({ cartId: guestCart.id, customerId: customer.id });
  });

  it("sends nothing when the current cart is already the shopper's", async () => {
    const { fake, wrapper } = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { newest } = seed(fake);
    localStorage.setItem("_store_ep_cart", newest);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("already-associated"));
    expect(countOf(fake, "add-items")).toBe(0);
    expect(countOf(fake, "associate")).toBe(0);
    expect(result.current.cart[0]).toBe(newest);
  });

  it("under StrictMode with three hooks mounted: one merge, one list request shared with My carts, the new total shown without another, and never shown idle", async () => {
    const harness = createHarness({ strict: true, provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const { newest, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const shown: string[] = [];
    const { result } = renderHook(
      () => {
        const storefront = {
          ...useStorefront(),
          second: useAssociateCartWithCustomer(),
          third: useAssociateCartWithCustomer(),
        };
        shown.push(storefront.third.status);
        return storefront;
      },
      { wrapper },
    );

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.third.data?.status).toBe("merged"));
    expect(result.current.second.data?.status).toBe("merged");
    await waitFor(() => expect(result.current.carts.data?.data[0]?.id).toBe(newest));
    expect(result.current.cart[0]).toBe(newest);

    expect(countOf(fake, "add-items")).toBe(1);
    expect(countOf(fake, "associate")).toBe(0);
    // The merge's lookup shares My carts' first load, and its answer updates the list.
    expect(countOf(fake, "list-carts")).toBe(1);
    await waitFor(() =>
      expect(result.current.carts.data?.data[0]?.meta?.display_price?.with_tax?.amount).toBe(
        MERGED_ONCE,
      ),
    );
    expect(countOf(fake, "list-carts")).toBe(1);
    // Once started, the automatic call never shows as idle again (the current cart changes under it).
    expect(shown.slice(shown.indexOf("pending"))).not.toContain("idle");
    expect(await totalOf(harness, newest, tokenOf(result.current.session))).toBe(MERGED_ONCE);
  });

  it("never merges the same guest cart twice for a shopper: not after a logout, a login and a reload", async () => {
    const first = createHarness({
      provider: { guestCartOnLogin: "merge", keepCartOnLogout: true },
    });
    const { newest, guestCart } = seed(first.fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result, unmount } = renderHook(useStorefront, { wrapper: first.wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("merged"));
    await act(() => result.current.logout());

    // The guest cart comes back as the current cart (another tab still had it, say).
    act(() => result.current.cart[1](guestCart.id));
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.status).toBe("error"));
    expect(result.current.automatic.error?.message).toMatch(/not merged again/);
    unmount();

    // A reload: a new provider and QueryClient over the same localStorage.
    const second = createHarness({ fake: first.fake, provider: { guestCartOnLogin: "merge" } });
    const reloaded = renderHook(useStorefront, { wrapper: second.wrapper });
    await waitFor(() => expect(reloaded.result.current.session.status).toBe("signed-in"));
    await waitFor(() => expect(reloaded.result.current.carts.isSuccess).toBe(true));

    expect(countOf(first.fake, "add-items")).toBe(1);
    expect(countOf(first.fake, "associate")).toBe(0);
    expect(await totalOf(first, newest, tokenOf(reloaded.result.current.session))).toBe(
      MERGED_ONCE,
    );
  });

  it("re-sends a merge refused with 429, and merges once", async () => {
    const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const { newest, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    fake.failNext("add-items", 1, { status: 429, retryAfter: 0 });
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("merged"));

    expect(fake.requestsTo("add-items").map((r) => r.status)).toEqual([429, 201]);
    expect(await totalOf(harness, newest, tokenOf(result.current.session))).toBe(MERGED_ONCE);
  });

  it.each([
    ["a 503 before the merge was applied", { status: 503 } as const, SAVED_TOTAL],
    ["a network failure before it was applied", { network: true } as const, SAVED_TOTAL],
    ["a 503 after it was applied", { status: 503, afterApplying: true } as const, MERGED_ONCE],
    [
      "a network failure after it was applied",
      { network: true, afterApplying: true } as const,
      MERGED_ONCE,
    ],
  ])(
    "after %s: not sent again, the error says so, and the carts are read again",
    async (_name, fault, savedTotalAfter) => {
      const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
      const { fake, wrapper } = harness;
      const { newest, guestCart } = seed(fake);
      localStorage.setItem("_store_ep_cart", guestCart.id);
      fake.failNext("add-items", 1, fault);
      const { result } = renderHook(useStorefront, { wrapper });

      await act(() => result.current.login.mutateAsync(SHOPPER));
      await waitFor(() => expect(result.current.automatic.status).toBe("error"));

      expect(result.current.automatic.error?.message).toMatch(
        /whether the items were copied is unknown: the merge is not sent again/,
      );
      expect(result.current.automatic.error?.retryable).toBe(false);
      // Nothing is lost: the guest cart stays the current cart, and is not associated.
      expect(result.current.cart[0]).toBe(guestCart.id);
      expect(countOf(fake, "associate")).toBe(0);
      // My carts is read again from the server: a list request after the merge.
      const endpoints = () => fake.requests.map((request) => request.endpoint);
      await waitFor(() =>
        expect(endpoints().slice(endpoints().indexOf("add-items"))).toContain("list-carts"),
      );
      await waitFor(() => expect(result.current.carts.isFetching).toBe(false));
      expect(countOf(fake, "add-items")).toBe(1);
      // The items were added at most once, whatever the client heard.
      expect(fake.cartItems(newest)?.find((item) => item.sku === "socks")?.quantity).toBe(
        savedTotalAfter === MERGED_ONCE ? 3 : 1,
      );
      expect(await totalOf(harness, newest, tokenOf(result.current.session))).toBe(savedTotalAfter);
    },
  );

  it("reports items Elastic Path could not copy in itemErrors, not as an error", async () => {
    const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const customer = fake.seedCustomer(SHOPPER);
    const full = Array.from({ length: 100 }, (_, index) => ({
      name: `Item ${index}`,
      sku: `item-${index}`,
      quantity: 1,
      amount: 100,
    }));
    const target = fake.seedCart({ customerIds: [customer.id], items: full });
    const guestCart = fake.seedCart({
      items: [
        { name: "Item 0", sku: "item-0", quantity: 1, amount: 100 },
        { name: "One too many", sku: "extra", quantity: 1, amount: 100 },
      ],
    });
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("merged"));

    const data = result.current.automatic.data;
    expect(data?.status === "merged" && data.itemErrors).toHaveLength(1);
    expect(data?.cartId).toBe(target.id);
    // Item 0 added up (one more of the 100), the 101st item left out.
    expect(await totalOf(harness, target.id, tokenOf(result.current.session))).toBe(101 * 100);
  });
});

describe('guestCartOnLogin="merge" for an account member', () => {
  it("merges into the selected account's newest cart with the account token, then switching accounts merges nothing", async () => {
    const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const { business, family } = seedMember(fake);
    const officeCart = fake.seedCart({
      accountIds: [business.id],
      name: "Office supplies",
      items: [{ name: "Wool socks", sku: "socks", quantity: 1, amount: 900 }],
      updatedAt: Date.now() - 60_000,
    });
    fake.seedCart({ accountIds: [business.id], updatedAt: Date.now() - 120_000 });
    fake.seedCart({ accountIds: [family.id], name: "Groceries" });
    const guestCart = fake.seedCart({
      items: [
        { name: "Wool socks", sku: "socks", quantity: 2, amount: 900 },
        { name: "Green tea", sku: "tea", quantity: 1, amount: 450 },
      ],
    });
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(
      () => ({
        automatic: useAssociateCartWithAccount(),
        session: useAccountSession(),
        login: useAccountLogin(),
        select: useSelectAccount(),
        cart: useCartId(),
      }),
      { wrapper },
    );

    await act(() =>
      result.current.login.mutateAsync({ passwordProfileId: fake.passwordProfileId, ...MEMBER }),
    );
    await waitFor(() => expect(result.current.automatic.data?.status).toBe("merged"));

    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a signed-in member");
    expect(result.current.automatic.data).toEqual({
      status: "merged",
      cartId: officeCart.id,
      guestCartId: guestCart.id,
      accountId: business.id,
      itemErrors: [],
    });
    const [merge] = fake.requestsTo("add-items");
    expect(merge?.path).toBe(`/v2/carts/${officeCart.id}/items`);
    expect(merge?.headers["ep-account-management-authentication-token"]).toBe(session.token);
    expect(merge?.headers["x-moltin-customer-token"]).toBeUndefined();
    expect(countOf(fake, "associate-account")).toBe(0);
    expect(result.current.cart[0]).toBe(officeCart.id);
    const { data } = await getACart({
      client: harness.client,
      path: { cartID: officeCart.id },
      headers: { "EP-Account-Management-Authentication-Token": session.token },
    });
    expect(data?.data?.meta?.display_price?.with_tax?.amount).toBe(MERGED_ONCE);

    // Another account: the current cart is the office's, not a guest cart of theirs.
    await act(() => result.current.select(family.id));
    await waitFor(() => expect(result.current.automatic.isPending).toBe(false));
    expect(countOf(fake, "add-items")).toBe(1);
  });
});

describe("useMergeCarts", () => {
  it("merges by hand with the shopper's token and reloads the shopper's lists", async () => {
    const harness = createHarness();
    const { fake, wrapper } = harness;
    const { newest, older } = seed(fake);
    const { result } = renderHook(() => ({ ...useStorefront(), merge: useMergeCarts() }), {
      wrapper,
    });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    const listsBefore = countOf(fake, "list-carts");

    const merged = await act(() =>
      result.current.merge.mutateAsync({ targetCartId: older, sourceCartId: newest }),
    );

    expect(merged).toEqual({ cartId: older, itemErrors: [] });
    const [request] = fake.requestsTo("add-items");
    expect(request?.headers["x-moltin-customer-token"]).toBe(tokenOf(result.current.session));
    expect(countOf(fake, "list-carts")).toBe(listsBefore + 1);
    expect(await totalOf(harness, older, tokenOf(result.current.session))).toBe(SAVED_TOTAL);
  });

  it.each([
    [
      { targetCartId: "a", sourceCartId: "a" },
      "targetCartId and sourceCartId must be two different carts.",
    ],
    [{ targetCartId: "a/b", sourceCartId: "c" }, /targetCartId/],
    [{ sourceCartId: "c" }, /targetCartId/],
    ["cart", /variables/],
  ])("refuses %j before any request", async (variables, message) => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(() => useMergeCarts(), { wrapper });
    await expect(act(() => result.current.mutateAsync(variables as never))).rejects.toThrow(
      message,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("does not re-send after a 5xx, even with the caller's own retry", async () => {
    const { fake, wrapper } = createHarness();
    seed(fake);
    const a = fake.seedCart({ items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 1 }] });
    const b = fake.seedCart({ items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 1 }] });
    fake.failNext("add-items", 1, { status: 502 });
    const { result } = renderHook(() => useMergeCarts({ retry: 3, retryDelay: 1 }), { wrapper });

    await expect(
      act(() => result.current.mutateAsync({ targetCartId: a.id, sourceCartId: b.id })),
    ).rejects.toThrow(/not sent again/);
    expect(countOf(fake, "add-items")).toBe(1);
  });
});
