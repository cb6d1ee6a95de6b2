/**
 * The guest-cart merge at login where it is easiest to get wrong: a "My carts" view that
 * joins and leaves the merge's lookup, a merge truly in flight at logout, a caller's own
 * retry, reloads and tabs that overlap without Web Locks, storage that refuses writes, an
 * account switch that keeps the cart, and a current cart of the shopper's beyond the first
 * page. Each was found by a second reading and failed before its fix.
 */
import { getACart } from "@epcc-sdk/sdks-shopper";
import { act, render, renderHook, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import {
  useAccountLogin,
  useAssociateCartWithAccount,
  useSelectAccount,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
} from "../../src";
import { seedReturningShopper as seed, socksIn } from "../support/merges";
import { countOf, createHarness, SHOPPER, type Harness } from "../support/harness";
import { memoryStorage } from "../support/memoryStorage";
import { MEMBER, seedMember } from "../support/accounts";

function useStorefront() {
  return {
    // No retries: what the merge does must not lean on the automatic call being tried again.
    automatic: useAssociateCartWithCustomer({ retry: false }),
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    cart: useCartId(),
  };
}

function Carts() {
  useCustomerCarts();
  return null;
}

/** The storefront, with a "My carts" view shown or not (a route that opens and closes). */
function App({
  show,
  report,
}: {
  show: boolean;
  report: (view: ReturnType<typeof useStorefront>) => void;
}) {
  const view = useStorefront();
  useEffect(() => {
    report(view);
  });
  return show ? <Carts /> : null;
}

/**
 * The storefront signed in while the merge's lookup of the shopper's carts is in the air,
 * with a "My carts" route to open and close; `views` are the route changes to make then.
 */
async function loginThenChangeRoutes({ strict, views }: { strict: boolean; views: boolean[] }) {
  let listing!: () => void;
  const listInFlight = new Promise<void>((resolve) => (listing = resolve));
  const harness = createHarness({
    fake: {
      latencyMs: ({ endpoint }) => {
        if (endpoint !== "list-carts") return 0;
        listing();
        return 60;
      },
    },
    strict,
    provider: { guestCartOnLogin: "merge" },
  });
  const { fake, wrapper: Wrapper } = harness;
  const { newest, guestCart } = seed(fake);
  localStorage.setItem("_store_ep_cart", guestCart.id);

  const latest: { view?: ReturnType<typeof useStorefront> } = {};
  const tree = (show: boolean) => (
    <Wrapper>
      <App show={show} report={(view) => (latest.view = view)} />
    </Wrapper>
  );
  const { rerender } = render(tree(false));
  const view = new Proxy({} as ReturnType<typeof useStorefront>, {
    get: (_, key: keyof ReturnType<typeof useStorefront>) => latest.view![key],
  });

  await act(() => view.login.mutateAsync(SHOPPER));
  await listInFlight; // the merge's lookup is loading the shopper's carts
  for (const show of views) act(() => rerender(tree(show)));
  await waitFor(() => expect(view.automatic.isSuccess || view.automatic.isError).toBe(true));
  return { fake, view, newest };
}

describe("the merge's lookup shares the list query with My carts", () => {
  it.each([
    ["mounts and unmounts", false, [true, false]],
    ["mounts, under StrictMode,", true, [true]],
  ])(
    "a My carts view that %s while the lookup is loading does not cancel the merge",
    async (_name, strict, views) => {
      const { fake, view, newest } = await loginThenChangeRoutes({ strict, views });
      expect(view.automatic.error).toBeNull();
      expect(view.automatic.data?.status).toBe("merged");
      expect(view.cart[0]).toBe(newest);
      expect(socksIn(fake, newest)).toBe(3);
    },
  );
});

describe("exactly once where the app keeps sessions in storage of its own", () => {
  it("a merge whose outcome is unknown is not sent again after a reload", async () => {
    const sessionStorage = memoryStorage(); // say, the app's cookie adapter: survives a reload
    const first = createHarness({ provider: { guestCartOnLogin: "merge", sessionStorage } });
    const { newest, guestCart } = seed(first.fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    first.fake.failNext("add-items", 1, { status: 503, afterApplying: true });
    const tab = renderHook(useStorefront, { wrapper: first.wrapper });
    await act(() => tab.result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(tab.result.current.automatic.status).toBe("error"));
    expect(socksIn(first.fake, newest)).toBe(3);
    tab.unmount();

    // A reload: new provider and QueryClient; the session comes back from the app's storage.
    const second = createHarness({
      fake: first.fake,
      provider: { guestCartOnLogin: "merge", sessionStorage },
    });
    const reloaded = renderHook(useStorefront, { wrapper: second.wrapper });
    await waitFor(() => expect(reloaded.result.current.session.status).toBe("signed-in"));
    await waitFor(() => expect(reloaded.result.current.automatic.isIdle).toBe(false));
    await waitFor(() => expect(reloaded.result.current.automatic.isPending).toBe(false));

    expect(countOf(first.fake, "add-items")).toBe(1);
    expect(socksIn(first.fake, newest)).toBe(3);
  });
});

describe("the caller's own retry on the association hook", () => {
  it("after a 503 that landed after applying: one merge, and the error still says the outcome is unknown", async () => {
    const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const { newest, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    fake.failNext("add-items", 1, { status: 503, afterApplying: true });
    const { result } = renderHook(
      () => ({
        automatic: useAssociateCartWithCustomer({ retry: 3, retryDelay: 1 }),
        login: useCustomerLogin(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.status).toBe("error"));
    expect(countOf(fake, "add-items")).toBe(1);
    expect(socksIn(fake, newest)).toBe(3);
    expect(result.current.automatic.error?.message).toMatch(
      /whether the items were copied is unknown/,
    );
  });
});

describe("a logout while the merge request itself is in the air", () => {
  it("the merge is really in flight at logout, and nothing of the shopper's is made current", async () => {
    let merging!: () => void;
    const inFlight = new Promise<void>((resolve) => (merging = resolve));
    const harness: Harness = createHarness({
      fake: {
        latencyMs: ({ endpoint }) => {
          if (endpoint !== "add-items") return 0;
          merging();
          return 80;
        },
      },
      provider: { guestCartOnLogin: "merge" },
    });
    const { fake, wrapper } = harness;
    const { newest, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await inFlight;
    await act(() => result.current.logout());
    await waitFor(() => expect(countOf(fake, "add-items")).toBe(1));
    await waitFor(() => expect(result.current.automatic.isPending).toBe(false));

    expect(result.current.cart[0]).toBeUndefined();
    // What stays in localStorage after the logout: no cart id of the shopper's.
    expect(localStorage.getItem("_epcc_associated_carts") ?? "").not.toContain(newest);
    const { data } = await getACart({ client: harness.client, path: { cartID: newest } });
    expect(data).toBeDefined();
  });
});

describe("two tabs where the browser has no Web Locks (an http:// origin, an old webview)", () => {
  it("two tabs whose automatic calls overlap merge the guest cart once", async () => {
    // jsdom has no navigator.locks: the ledger alone guards, as the coordinator says.
    expect(typeof navigator === "undefined" ? undefined : navigator.locks).toBeUndefined();
    const first = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { newest, guestCart } = seed(first.fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const second = createHarness({ fake: first.fake, provider: { guestCartOnLogin: "merge" } });
    const tabA = renderHook(useStorefront, { wrapper: first.wrapper });
    const tabB = renderHook(useStorefront, { wrapper: second.wrapper });

    // Both tabs sign the shopper in at about the same time (each its own login).
    await act(() =>
      Promise.all([
        tabA.result.current.login.mutateAsync(SHOPPER),
        tabB.result.current.login.mutateAsync(SHOPPER),
      ]),
    );
    await waitFor(() => expect(tabA.result.current.automatic.isPending).toBe(false));
    await waitFor(() => expect(tabB.result.current.automatic.isPending).toBe(false));

    expect(countOf(first.fake, "add-items")).toBe(1);
    expect(socksIn(first.fake, newest)).toBe(3);
  });
});

describe("an account switch with keepCartOnLogout", () => {
  it("does not copy one account's cart into another account's cart", async () => {
    const harness = createHarness({
      provider: { guestCartOnLogin: "merge", keepCartOnLogout: true },
    });
    const { fake, wrapper } = harness;
    const { business, family } = seedMember(fake);
    const officeCart = fake.seedCart({
      accountIds: [business.id],
      items: [{ name: "Wool socks", sku: "socks", quantity: 1, amount: 900 }],
    });
    const groceries = fake.seedCart({ accountIds: [family.id], name: "Groceries" });
    const guestCart = fake.seedCart({
      items: [{ name: "Wool socks", sku: "socks", quantity: 2, amount: 900 }],
    });
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(
      () => ({
        automatic: useAssociateCartWithAccount(),
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
    expect(result.current.cart[0]).toBe(officeCart.id);

    await act(() => result.current.select(family.id));
    await waitFor(() => expect(result.current.automatic.isIdle).toBe(false));
    await waitFor(() => expect(result.current.automatic.isPending).toBe(false));
    expect(countOf(fake, "add-items")).toBe(1);
    expect(fake.cartItems(groceries.id!) ?? []).toHaveLength(0);
  });
});

describe("storage that refuses writes (quota exceeded)", () => {
  it("a merge whose outcome is unknown is not sent again: not by the caller's retry, nor at the next login", async () => {
    // Storage that is full for the merge record: its writes are refused (the adapter swallows the error).
    const { setItem: realSetItem } = Storage.prototype;
    const setItem = vi.spyOn(Storage.prototype, "setItem").mockImplementation(function (
      this: Storage,
      key: string,
      value: string,
    ) {
      if (key === "_epcc_merged_carts") {
        throw new DOMException("Quota exceeded", "QuotaExceededError");
      }
      realSetItem.call(this, key, value);
    });
    onTestFinished(() => setItem.mockRestore());
    const harness = createHarness({
      provider: { guestCartOnLogin: "merge", keepCartOnLogout: true },
    });
    const { fake, wrapper } = harness;
    const { newest, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    fake.failNext("add-items", 1, { status: 503, afterApplying: true });
    const { result } = renderHook(
      () => ({
        automatic: useAssociateCartWithCustomer({ retry: 1, retryDelay: 1 }),
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.isError).toBe(true));
    expect(countOf(fake, "add-items")).toBe(1);

    // The guest cart is still the current cart; the same shopper signs in again on this page.
    await act(() => result.current.logout());
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.isError).toBe(true));
    expect(result.current.automatic.error?.message).toMatch(/not merged again/);
    expect(countOf(fake, "add-items")).toBe(1);
    expect(socksIn(fake, newest)).toBe(3);
  });
});

describe("a current cart of the shopper's that is not on the first page of their carts", () => {
  it("is recognised as theirs and not merged into another of their carts", async () => {
    const harness = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const { fake, wrapper } = harness;
    const customer = fake.seedCustomer(SHOPPER);
    // An older cart of theirs, picked as current on "My carts" page 2 before the session expired.
    const old = fake.seedCart({
      customerIds: [customer.id],
      name: "Old",
      items: [{ name: "Wool socks", sku: "socks", quantity: 2, amount: 900 }],
      updatedAt: Date.now() - 10 * 86_400_000,
    });
    const recent = fake.seedCarts(25, { customerIds: [customer.id] });
    localStorage.setItem("_store_ep_cart", old.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.automatic.isIdle).toBe(false));
    await waitFor(() => expect(result.current.automatic.isPending).toBe(false));
    expect(countOf(fake, "add-items")).toBe(0);
    expect(result.current.cart[0]).toBe(old.id);
    expect(recent.every((cart) => (fake.cartItems(cart.id) ?? []).length === 0)).toBe(true);
  });
});
