/**
 * Two tabs, for real (issue 7), in Chromium: two independent app instances — their own React
 * root, QueryClient, SDK client and ElasticPathProvider — in one page, sharing the browser's
 * real localStorage and Web Locks, and one fake Elastic Path behind msw's service worker.
 *
 * In one page, providers hear each other through the page-level listeners of the storage
 * adapter (a browser fires `storage` events only in the other documents); separate tabs
 * hear each other through those events (covered in jsdom by the reliability programs).
 *
 * Exactly once across tabs rests on Web Locks: the automatic association runs under a lock
 * named after the (cart, customer) pair, and whoever gets the lock second finds the pair in
 * the ledger (localStorage) and sends nothing. Without Web Locks (very old browsers, or
 * anything without `navigator.locks`) the fallback is the ledger alone: a tab that starts
 * while the other's call is still in the air sends too, and gets 204 (already associated,
 * a no-op). The last test pins that fallback down: at most one 200, never more than one
 * extra call.
 *
 * Account members get the same: one login signs both tabs in, each (cart, account) pair is
 * associated once across them under the same kind of lock, and a switch or a logout in one
 * tab is followed by the other, which forgets what it held of the previous account.
 *
 * The lazy cart too: when both tabs add an item with no current cart, one creates the cart
 * under a Web Lock and the other, waiting for that lock, finds the new cart id and adds to it.
 */
import { createShopperClient } from "@epcc-sdk/sdks-shopper";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useLayoutEffect, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ElasticPathProvider,
  useAccountCarts,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useAddCartItem,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCart,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useSelectAccount,
  type AccountSession,
  type CustomerSession,
  type ElasticPathProviderProps,
} from "../../src";
import { createFakeElasticPath, type FakeElasticPath } from "../../src/testing";
import { worker } from "./support/worker";

const SHOPPER = { email: "ada@example.com", password: "correct horse battery staple" };
const MEMBER = { username: "ada.lovelace", password: "correct horse battery staple" };

interface TabView {
  session: CustomerSession;
  cartId: string | undefined;
  setCartId(cartId: string | undefined): void;
  login: ReturnType<typeof useCustomerLogin>["mutateAsync"];
  logout(): void;
  associationStatus: string;
  cartIds: string[] | undefined;
  accountSession: AccountSession;
  accountLogin: ReturnType<typeof useAccountLogin>["mutateAsync"];
  accountLogout(): void;
  selectAccount(accountId: string): void;
  accountAssociationStatus: string;
  accountCartIds: string[] | undefined;
}

function Storefront({ report }: { report: (view: TabView) => void }) {
  const session = useCustomerSession();
  const [cartId, setCartId] = useCartId();
  const { mutateAsync: login } = useCustomerLogin();
  const logout = useCustomerLogout();
  const association = useAssociateCartWithCustomer({ retryDelay: 1 });
  const carts = useCustomerCarts();
  // A B2B storefront's hooks too: whichever shopper signs in, one at a time.
  const accountSession = useAccountSession();
  const { mutateAsync: accountLogin } = useAccountLogin();
  const accountLogout = useAccountLogout();
  const selectAccount = useSelectAccount();
  const accountAssociation = useAssociateCartWithAccount({ retryDelay: 1 });
  const accountCarts = useAccountCarts();
  useLayoutEffect(() =>
    report({
      session,
      cartId,
      setCartId,
      login,
      logout,
      associationStatus: association.status,
      cartIds: carts.data?.data.map((cart) => cart.id!),
      accountSession,
      accountLogin,
      accountLogout,
      selectAccount,
      accountAssociationStatus: accountAssociation.status,
      accountCartIds: accountCarts.data?.data.map((cart) => cart.id!),
    }),
  );
  return <p>{session.status}</p>;
}

/** What a cart page shows a test: the current cart, its items, and the add. */
interface CartTabView {
  cartId: string | undefined;
  /** "sku x quantity" for each item `useCart` shows. */
  items: string[] | undefined;
  add: ReturnType<typeof useAddCartItem>["mutateAsync"];
}

function CartPage({ report }: { report: (view: CartTabView) => void }) {
  const [cartId] = useCartId();
  const { mutateAsync: add } = useAddCartItem();
  const cart = useCart();
  useLayoutEffect(() =>
    report({
      cartId,
      items: cart.data?.items.map((item) => `${item.sku} x${item.quantity}`),
      add,
    }),
  );
  return null;
}

interface AppTab<View> {
  readonly view: View;
  readonly rendered: boolean;
  queryClient: QueryClient;
  close(): void;
}

type Tab = AppTab<TabView>;
type CartTab = AppTab<CartTabView>;

/** One app instance, as a tab would hold it; the SDK keeps its token in localStorage, as in a tab. */
function openApp<View>(
  fake: FakeElasticPath,
  page: (report: (view: View) => void) => ReactNode,
  providerProps: Pick<ElasticPathProviderProps, "guestCartOnLogin"> = {},
): AppTab<View> {
  const container = document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  const { client } = createShopperClient({ baseUrl: fake.baseUrl }, { clientId: fake.clientId });
  const queryClient = new QueryClient();
  let view: View | undefined;
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider client={client} {...providerProps}>
          {page((latest) => void (view = latest))}
        </ElasticPathProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
  return {
    get view() {
      if (!view) throw new Error("The tab has not rendered yet.");
      return view;
    },
    get rendered() {
      return view !== undefined;
    },
    queryClient,
    close() {
      root.unmount();
      container.remove();
      queryClient.clear();
    },
  };
}

function openTab(
  fake: FakeElasticPath,
  providerProps: Pick<ElasticPathProviderProps, "guestCartOnLogin"> = {},
): Tab {
  return openApp<TabView>(fake, (report) => <Storefront report={report} />, providerProps);
}

function openCartTab(fake: FakeElasticPath): CartTab {
  return openApp<CartTabView>(fake, (report) => <CartPage report={report} />);
}

const fakeHost = new URL(createFakeElasticPath().baseUrl).host;
beforeAll(() =>
  worker.start({
    quiet: true,
    serviceWorker: { url: "/mockServiceWorker.js" },
    // The page's own modules go to Vite; anything for Elastic Path must be answered by the fake.
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).host === fakeHost) print.error();
    },
  }),
);
afterAll(() => worker.stop());

let tabs: Tab[] = [];
let cartTabs: CartTab[] = [];
afterEach(() => {
  [...tabs, ...cartTabs].forEach((tab) => tab.close());
  tabs = [];
  cartTabs = [];
  worker.resetHandlers();
  localStorage.clear();
});

async function setUp() {
  const fake = createFakeElasticPath();
  worker.use(...fake.handlers);
  const customer = fake.seedCustomer(SHOPPER);
  fake.seedCarts(2, { customerIds: [customer.id], name: "Older" });
  // A member of two accounts, each with carts of its own.
  const business = fake.seedAccount({ name: "Analytical Engines Ltd" });
  const family = fake.seedAccount({ name: "The Lovelaces" });
  fake.seedAccountMember({ ...MEMBER, accountIds: [business.id, family.id] });
  fake.seedCarts(2, { accountIds: [business.id], name: "Office supplies" });
  fake.seedCarts(1, { accountIds: [family.id], name: "Groceries" });
  const memberLogin = { passwordProfileId: fake.passwordProfileId, ...MEMBER };
  tabs = [openTab(fake), openTab(fake)];
  // createRoot renders concurrently: wait for both tabs' first commit.
  await expect.poll(() => tabs.every((tab) => tab.rendered)).toBe(true);
  return { fake, customer, business, family, memberLogin, first: tabs[0]!, second: tabs[1]! };
}

/** Every string a tab's caches hold (keys, data, mutation variables), to look for a customer in. */
function cachedText(queryClient: QueryClient): string {
  return JSON.stringify([
    queryClient
      .getQueryCache()
      .getAll()
      .map((query) => [query.queryKey, query.state.data]),
    queryClient
      .getMutationCache()
      .getAll()
      .map((mutation) => [
        mutation.options.mutationKey,
        mutation.state.variables,
        mutation.state.data,
      ]),
  ]);
}

/** Whether the pair's association lock is held, and whether another tab waits for it. */
async function associationLock(cartId: string, ownerId: string) {
  const { held = [], pending = [] } = await navigator.locks.query();
  const isPair = (lock: LockInfo) =>
    lock.name?.startsWith("epcc-react-hooks:associate:") &&
    lock.name.includes(cartId) &&
    lock.name.includes(ownerId);
  return { held: held.some(isPair), pending: pending.some(isPair) };
}

/**
 * One round of a login with a new guest cart, by either tab: one tab holds the pair's lock
 * while the other waits for it, then neither does, and both lists show the cart.
 */
async function loginWithGuestCart(
  fake: FakeElasticPath,
  [tab, other]: [Tab, Tab],
  login: () => Promise<{ ownerId: string }>,
  listed: (view: TabView) => string[] | undefined,
) {
  const cart = fake.seedCart({ name: "Guest" });
  tab.view.setCartId(cart.id);
  await expect.poll(() => other.view.cartId).toBe(cart.id);
  const { ownerId } = await login();
  await expect
    .poll(() => associationLock(cart.id!, ownerId))
    .toEqual({ held: true, pending: true });
  await expect
    .poll(() => associationLock(cart.id!, ownerId))
    .toEqual({ held: false, pending: false });
  await expect
    .poll(() => [tab, other].map((each) => listed(each.view)?.includes(cart.id!)))
    .toEqual([true, true]);
  return { cartId: cart.id!, ownerId };
}

describe("two tabs in Chromium", () => {
  it("logging in on one signs the other in, and both show the customer's carts", async () => {
    const { customer, first, second } = await setUp();
    await expect.poll(() => second.view.session.status).toBe("signed-out");

    const session = await first.view.login(SHOPPER);

    await expect.poll(() => second.view.session).toEqual(session);
    expect(session.customerId).toBe(customer.id);
    await expect.poll(() => second.view.cartIds?.length).toBe(2);
    await expect.poll(() => first.view.cartIds?.length).toBe(2);
  });

  it("sends each (cart, customer) association once across both tabs, under a Web Lock", async () => {
    expect(navigator.locks).toBeDefined();
    const { fake, first, second } = await setUp();
    // Slow enough that the other tab asks for the lock while the first call is in the air.
    fake.setLatency((request) => (request.endpoint === "associate" ? 40 : 0));

    for (let round = 1; round <= 5; round += 1) {
      const [tab, other] = round % 2 ? [first, second] : [second, first];
      const { cartId } = await loginWithGuestCart(
        fake,
        [tab, other],
        async () => ({ ownerId: (await tab.view.login(SHOPPER)).customerId }),
        (view) => view.cartIds,
      );
      const sent = fake.requestsTo("associate").filter((r) => r.path.includes(cartId));
      expect(sent.map((r) => r.status)).toEqual([200]);
      other.view.logout();
      await expect.poll(() => first.view.session.status).toBe("signed-out");
    }
  });

  it("an account login on one signs the other in, and both show the account's carts", async () => {
    const { business, memberLogin, first, second } = await setUp();
    await expect.poll(() => second.view.accountSession.status).toBe("signed-out");

    const session = await first.view.accountLogin(memberLogin);

    expect(session.accountId).toBe(business.id);
    await expect.poll(() => second.view.accountSession).toEqual(session);
    await expect.poll(() => second.view.accountCartIds?.length).toBe(2);
    await expect.poll(() => first.view.accountCartIds?.length).toBe(2);
  });

  it("sends each (cart, account) association once across both tabs, under a Web Lock", async () => {
    expect(navigator.locks).toBeDefined();
    const { fake, business, family, memberLogin, first, second } = await setUp();
    fake.setLatency((request) => (request.endpoint === "associate-account" ? 40 : 0));

    // Each tab in turn logs in, for one account then the other.
    const pairs: string[] = [];
    for (let round = 1; round <= 4; round += 1) {
      const [tab, other] = round % 2 ? [first, second] : [second, first];
      const accountId = round <= 2 ? business.id : family.id;
      const pair = await loginWithGuestCart(
        fake,
        [tab, other],
        async () => {
          const session = await tab.view.accountLogin({ ...memberLogin, accountId });
          return { ownerId: session.accountId };
        },
        (view) => view.accountCartIds,
      );
      expect(pair.ownerId).toBe(accountId);
      pairs.push(`${pair.cartId} ${accountId}`);
      other.view.accountLogout();
      await expect.poll(() => first.view.accountSession.status).toBe("signed-out");
    }

    const sent = fake
      .requestsTo("associate-account")
      .map((r) => `${r.path.split("/")[3]} ${(r.body as { data: [{ id: string }] }).data[0].id}`);
    expect(sent).toEqual(pairs);
    expect(fake.requestsTo("associate-account").map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(fake.requestsTo("associate")).toEqual([]);
  });

  it("switching accounts or logging out on one is followed by the other, which forgets the previous account", async () => {
    const { fake, business, family, memberLogin, first, second } = await setUp();
    const session = await first.view.accountLogin(memberLogin);
    await expect.poll(() => second.view.accountCartIds?.length).toBe(2);
    expect(cachedText(second.queryClient)).toContain(business.id); // the scan sees the cache

    first.view.selectAccount(family.id);

    await expect.poll(() => second.view.accountSession).toMatchObject({ accountId: family.id });
    const familyCarts = fake.cartsOfAccount(family.id).map((cart) => cart.id);
    await expect.poll(() => second.view.accountCartIds).toEqual(familyCarts);
    await expect.poll(() => first.view.accountCartIds).toEqual(familyCarts);
    for (const tab of [first, second])
      expect(cachedText(tab.queryClient)).not.toContain(business.id);

    second.view.accountLogout();

    await expect.poll(() => first.view.accountSession).toEqual({ status: "signed-out" });
    expect(first.view.accountCartIds).toBeUndefined();
    for (const tab of [first, second]) {
      const cached = cachedText(tab.queryClient);
      for (const id of [business.id, family.id]) expect(cached).not.toContain(id);
      for (const { token } of session.accounts) expect(cached).not.toContain(token);
    }
  });

  it("logging out on one signs the other out and clears its customer data", async () => {
    const { fake, customer, first, second } = await setUp();
    const cart = fake.seedCart({ name: "Guest" });
    first.view.setCartId(cart.id);
    const { token } = await first.view.login(SHOPPER);
    await expect.poll(() => second.view.cartIds?.includes(cart.id!)).toBe(true);
    await expect.poll(() => second.view.associationStatus).not.toBe("pending");
    expect(cachedText(second.queryClient)).toContain(customer.id); // the scan sees the cache

    first.view.logout();

    await expect.poll(() => second.view.session).toEqual({ status: "signed-out" });
    expect(second.view.cartIds).toBeUndefined();
    expect(second.view.cartId).toBeUndefined();
    for (const tab of [first, second]) {
      expect(cachedText(tab.queryClient)).not.toContain(customer.id);
      expect(cachedText(tab.queryClient)).not.toContain(token);
    }
  });

  it("without Web Locks, falls back to the ledger: at most one 200, at most one extra call", async () => {
    const locks = Object.getOwnPropertyDescriptor(Navigator.prototype, "locks")!;
    Object.defineProperty(navigator, "locks", { configurable: true, get: () => undefined });
    try {
      const { fake, customer, first, second } = await setUp();
      fake.setLatency((request) => (request.endpoint === "associate" ? 40 : 0));
      const cart = fake.seedCart({ name: "Guest" });
      first.view.setCartId(cart.id);
      await expect.poll(() => second.view.cartId).toBe(cart.id);

      await first.view.login(SHOPPER);
      await expect
        .poll(() => fake.associations().some((pair) => pair.cartId === cart.id))
        .toBe(true);
      await expect
        .poll(() => [first, second].map((tab) => tab.queryClient.isMutating()))
        .toEqual([0, 0]);

      const statuses = fake.requestsTo("associate").map((r) => r.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.length).toBeLessThanOrEqual(2);
      expect(statuses.every((status) => status === 200 || status === 204)).toBe(true);
      expect(customer.id).toBeTruthy();
    } finally {
      delete (navigator as { locks?: unknown }).locks;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, "locks")).toEqual(locks);
    }
  });
});

describe('two tabs with guestCartOnLogin="merge"', () => {
  it("a login merges the guest cart once across both tabs, and both make the merged cart current", async () => {
    const fake = createFakeElasticPath();
    worker.use(...fake.handlers);
    const customer = fake.seedCustomer(SHOPPER);
    const saved = fake.seedCart({
      customerIds: [customer.id],
      name: "Saved",
      items: [{ name: "Wool socks", sku: "socks", quantity: 1, amount: 900 }],
    });
    const guest = fake.seedCart({
      name: "Guest",
      items: [{ name: "Wool socks", sku: "socks", quantity: 2, amount: 900 }],
    });
    localStorage.setItem("_store_ep_cart", guest.id);
    tabs = [
      openTab(fake, { guestCartOnLogin: "merge" }),
      openTab(fake, { guestCartOnLogin: "merge" }),
    ];
    await expect.poll(() => tabs.every((tab) => tab.rendered)).toBe(true);
    const [first, second] = tabs as [Tab, Tab];

    await first.view.login(SHOPPER);
    await expect.poll(() => second.view.session.status).toBe("signed-in");
    await expect.poll(() => [first.view.cartId, second.view.cartId]).toEqual([saved.id, saved.id]);
    await expect.poll(() => first.view.associationStatus).toBe("success");
    // Let the other tab's lock and lists settle: nothing more may be sent.
    await expect
      .poll(() => navigator.locks.query().then(({ pending = [] }) => pending.length))
      .toBe(0);

    expect(fake.requestsTo("add-items")).toHaveLength(1);
    expect(fake.requestsTo("associate")).toHaveLength(0);
    // Merged once: 1 + 2 pairs of socks.
    expect(fake.getCart(saved.id)?.meta?.display_price?.with_tax?.amount).toBe(3 * 900);
  });
});

describe("two tabs adding to a cart", () => {
  it("both tabs adding at once with no cart create one cart, and both add to it", async () => {
    expect(navigator.locks).toBeDefined();
    const fake = createFakeElasticPath();
    worker.use(...fake.handlers);
    const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1200 } } });
    const tea = fake.seedProduct({ sku: "tea", name: "Tea", prices: { USD: { amount: 450 } } });
    // Slow enough that the other tab asks for the lock while the cart is being created.
    fake.setLatency((request) => (request.endpoint === "create-cart" ? 40 : 0));
    cartTabs = [openCartTab(fake), openCartTab(fake)];
    await expect.poll(() => cartTabs.every((tab) => tab.rendered)).toBe(true);
    const [first, second] = cartTabs as [CartTab, CartTab];
    expect([first.view.cartId, second.view.cartId]).toEqual([undefined, undefined]);

    const added = await Promise.allSettled([
      first.view.add({ productId: mug.id }),
      second.view.add({ productId: tea.id }),
    ]);

    expect(added.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(fake.requestsTo("create-cart")).toHaveLength(1);
    const cartId = first.view.cartId;
    expect(cartId).toMatch(/\S/);
    expect(fake.requestsTo("add-items").map((request) => request.path)).toEqual([
      `/v2/carts/${cartId}/items`,
      `/v2/carts/${cartId}/items`,
    ]);
    expect(
      fake
        .cartItems(cartId!)
        ?.map((item) => `${item.sku} x${item.quantity}`)
        .sort(),
    ).toEqual(["mug x1", "tea x1"]);
    await expect.poll(() => [first.view.cartId, second.view.cartId]).toEqual([cartId, cartId]);
    expect(localStorage.getItem("_store_ep_cart")).toBe(cartId);
    await expect
      .poll(() =>
        navigator.locks.query().then(({ held = [], pending = [] }) => held.length + pending.length),
      )
      .toBe(0);
    expect(fake.requestsTo("create-cart")).toHaveLength(1);
  });
});
