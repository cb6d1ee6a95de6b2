/**
 * Runs one program against the fake Elastic Path: two tabs on one page sharing
 * localStorage, each its own React root, QueryClient, SDK client and provider. Checks the
 * invariants of issue 7 after every step and once everything has settled.
 */
import { ADDED_SKU_PREFIX } from "./invariants";
import { createShopperClient } from "@epcc-sdk/sdks-shopper";
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import { vi } from "vitest";
import { cartQueries, ElasticPathError, type AccountLoginVariables } from "../../../src";
import { createFakeElasticPath, type FakeElasticPath } from "../../../src/testing";
import { memoryStorage } from "../../support/memoryStorage";
import { server } from "../../support/server";
import {
  associationPair,
  findViolations,
  mergesIn,
  shopperOf,
  shopperTokenOf,
  type Quantities,
  type CheckContext,
  type SeenEvent,
  type ShopperView,
  type TabEvent,
  type World,
} from "./invariants";
import {
  WIDGETS,
  type CartName,
  type GuestCartPolicy,
  type Program,
  type Step,
  type Tab,
  type Widget,
} from "./program";
import {
  otherTabStorage,
  TabApp,
  type MountedWidget,
  TabProbe,
  type TabOptions,
} from "./storefront";

const CUSTOMER_A = { email: "ada@example.com", password: "correct horse battery staple" };
/** Unicode on purpose: legitimate input must keep working under faults too. */
const CUSTOMER_B = { email: "grâce@exämple.com", password: "pässwörd 🔑 密码" };
const WRONG_PASSWORD = { email: CUSTOMER_A.email, password: "not the password" };
const CREDENTIALS = { A: CUSTOMER_A, B: CUSTOMER_B, wrong: WRONG_PASSWORD };
/** Account members: M is a member of X then Y, N of Z then Y. */
const MEMBER_M = { username: "ada.lovelace", password: "correct horse battery staple" };
const MEMBER_N = { username: "grâce@exämple.com", password: "pässwörd 🔑 密码" };
const OIDC = { redirectUri: "https://shop.example/callback", codeVerifier: "verifier-0123456789" };

/** Faults per endpoint and program: as many as one call's retries (the package's MAX_RETRIES). */
const FAULT_BUDGET_PER_ENDPOINT = 3;
/** A program that has not gone quiet by then is stuck (a refetch loop, a lost promise). */
const SETTLE_LIMIT_MS = 5_000;
const QUIET_POLLS = 3;
const POLL_MS = 5;

/** Totals over every program run in this process, for the report. */
export const stats = {
  programs: 0,
  steps: 0,
  faults: {} as Record<string, number>,
  latencySpikes: 0,
  requests: 0,
  /** Programs that ended signed in with a cart: invariant 2's "ends up associated" had work to do. */
  endedSignedInWithCart: 0,
  /** Answers by endpoint and status, e.g. `associate 200`. */
  answers: {} as Record<string, number>,
  /** Programs by `guestCartOnLogin`. */
  policies: {} as Record<string, number>,
  /** Programs that merged (a 2xx). */
  merged: 0,
  /** Programs that sent a merge whose outcome was unknown (a 5xx, no answer). */
  mergeOutcomeUnknown: 0,
  /** Merges whose source had received a merge before (kept across a logout, say): items carried on. */
  chainedMerges: 0,
  /** Under "merge", associations answered 200: a shopper with no cart of their own (account Z), or another shopper's cart. */
  mergeFallbackAssociations: 0,
};

/** The run's statistics in a sentence, with the faults injected and the answers seen. */
export function describeStats(): string {
  return (
    `${stats.programs} programs, ${stats.steps} steps, ` +
    `${stats.requests} requests, ${stats.latencySpikes} latency spikes, ` +
    `${stats.endedSignedInWithCart} ended signed in with a cart to associate; ` +
    `guestCartOnLogin ${JSON.stringify(stats.policies)}, ${stats.merged} merged, ` +
    `${stats.mergeOutcomeUnknown} sent a merge with an unknown outcome, ${stats.chainedMerges} merges ` +
    `of a cart merged into before, ${stats.mergeFallbackAssociations} associations under "merge" ` +
    `(a shopper with no cart, or another shopper's cart); faults injected: ` +
    `${JSON.stringify(stats.faults)}; answers: ${JSON.stringify(stats.answers)}`
  );
}

/**
 * What each seeded cart holds. The shoppers' own carts hold socks; every cart a storefront may
 * hold also has an item of a SKU of its own (invariant 9 follows it wherever merges take it),
 * and the guest cart socks too, which a merge adds up with the shoppers' socks.
 */
const SOCKS = { name: "Wool socks", sku: "socks", amount: 500 };
const uniqueItem = (sku: string, quantity: number) => ({
  name: `Only in ${sku}`,
  sku,
  quantity,
  amount: 100,
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function seedWorld(fake: FakeElasticPath, policy: GuestCartPolicy): World {
  const a = fake.seedCustomer(CUSTOMER_A);
  const b = fake.seedCustomer(CUSTOMER_B);
  const [x, y, z] = ["Analytical Engines", "The Lovelaces", "Difference Ltd"].map(
    (name) => fake.seedAccount({ name }).id,
  ) as [string, string, string];
  const m = fake.seedAccountMember({ ...MEMBER_M, accountIds: [x, y] });
  const n = fake.seedAccountMember({ ...MEMBER_N, accountIds: [z, y] });
  // The newest of these is where a merge puts a guest cart's items. Z has no cart at all:
  // under "merge", its member's login associates the guest cart instead.
  const items = [{ ...SOCKS, quantity: 1 }];
  const older = [
    ...fake.seedCarts(2, { customerIds: [a.id], name: "Ada's older", items }),
    ...fake.seedCarts(1, { customerIds: [b.id], name: "Grace's older", items }),
    ...fake.seedCarts(2, { accountIds: [x], name: "Office supplies", items }),
    ...fake.seedCarts(1, { accountIds: [y], name: "Groceries", items }),
  ];
  const dayAgo = Date.now() - 86_400_000;
  const carts: Record<CartName, string> = {
    guest: fake.seedCart({
      name: "Guest",
      items: [{ ...SOCKS, quantity: 2 }, uniqueItem("guest-only", 3)],
    }).id,
    guest2: fake.seedCart({ name: "Second guest", items: [uniqueItem("guest2-only", 2)] }).id,
    // Guest checkout details: Elastic Path refuses to associate it (422), for good.
    contact: fake.seedCart({
      name: "Checkout",
      contactEmail: "guest@example.com",
      items: [uniqueItem("contact-only", 1)],
    }).id,
    // Priced in euros: a merge into a shopper's (dollar) cart is refused (400), for good.
    euro: fake.seedCart({ name: "Euro", currency: "EUR", items: [uniqueItem("euro-only", 1)] }).id,
    // Never seeded: carts exist on demand, the association creates it.
    unseen: `unseen-${crypto.randomUUID()}`,
    // Their owners' oldest carts: past the first page of "load more" lists (limit 2), so
    // that a 204 for one of them, were it not a no-op, would have lists to change.
    ofA: fake.seedCart({
      name: "Ada's",
      customerIds: [a.id],
      updatedAt: dayAgo,
      items: [uniqueItem("ofA-only", 1)],
    }).id,
    ofB: fake.seedCart({
      name: "Grace's",
      customerIds: [b.id],
      updatedAt: dayAgo,
      items: [uniqueItem("ofB-only", 1)],
    }).id,
    ofX: fake.seedCart({
      name: "The engine room's",
      accountIds: [x],
      updatedAt: dayAgo,
      items: [uniqueItem("ofX-only", 1)],
    }).id,
    ofY: fake.seedCart({
      name: "The family's",
      accountIds: [y],
      updatedAt: dayAgo,
      items: [uniqueItem("ofY-only", 1)],
    }).id,
  };
  const seededItems = new Map<string, Quantities>();
  for (const cartId of [...older.map((cart) => cart.id), ...Object.values(carts)]) {
    const held = itemsOfCart(fake, cartId);
    if (held) seededItems.set(cartId, held);
  }
  const ids = (list: Array<{ id?: string }>) => new Set(list.map((cart) => cart.id!));
  const owned = new Map<string, Set<string>>([
    [a.id, ids(fake.cartsOf(a.id))],
    [b.id, ids(fake.cartsOf(b.id))],
    ...[x, y, z].map((id): [string, Set<string>] => [id, ids(fake.cartsOfAccount(id))]),
  ]);
  return {
    customers: { A: a.id, B: b.id },
    accounts: { X: x, Y: y, Z: z },
    members: { M: { id: m.id, accountIds: [x, y] }, N: { id: n.id, accountIds: [z, y] } },
    carts,
    owned,
    seededOwned: new Map([...owned].map(([id, cartIds]) => [id, new Set(cartIds)])),
    startedWithCarts: new Set([...owned].filter(([, ids]) => ids.size > 0).map(([id]) => id)),
    seededItems,
    policy,
    createdBy: new Map(),
    product: fake.seedProduct({
      sku: `${ADDED_SKU_PREFIX}mug`,
      name: "Mug",
      prices: { USD: { amount: 1200 } },
    }).id,
  };
}

/** Where the checkout page sends orders. */
const ADDRESS = {
  firstName: "Ada",
  lastName: "Lovelace",
  line1: "12 St James's Square",
  region: "Greater London",
  postcode: "SW1Y 4JH",
  country: "GB",
};

/** A cart's items as the fake holds them: quantity by SKU (by name for an item without one). */
function itemsOfCart(fake: FakeElasticPath, cartId: string): Quantities | undefined {
  const items = fake.cartItems(cartId);
  if (!items) return undefined;
  const held: Quantities = new Map();
  for (const item of items) {
    const sku = item.sku ?? item.name ?? "?";
    held.set(sku, (held.get(sku) ?? 0) + (item.quantity ?? 0));
  }
  return held;
}

interface OpenTab {
  options: TabOptions;
  widgets: MountedWidget[];
  strict: boolean;
  rerender(): void;
  close(): void;
}

export async function runProgram(program: Program): Promise<void> {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const policy = program.guestCartOnLogin ?? "associate";
  const world = seedWorld(fake, policy);
  const cleanups: Array<() => void> = [() => server.resetHandlers(), () => localStorage.clear()];

  // 4. React errors and act warnings reach console.error; rejections nobody handled, process.
  const consoleErrors: string[] = [];
  const errorSpy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(
      args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(" "),
    );
  });
  cleanups.push(() => errorSpy.mockRestore());
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown) => {
    unhandled.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
  };
  process.on("unhandledRejection", onUnhandled);
  cleanups.push(() => process.off("unhandledRejection", onUnhandled));

  // In the air: arrived at msw, not yet answered by the fake (aborted fetches are still answered).
  let started = 0;
  const onStart = () => void (started += 1);
  server.events.on("request:start", onStart);
  cleanups.push(() => server.events.removeListener("request:start", onStart));

  // A render may show any cart ever tied to its owner: seeded, or associated since.
  cleanups.push(
    fake.onRequest((request) => {
      // A cart a shopper's token created (the cart page's first add) is theirs from the start.
      if (request.endpoint === "create-cart") {
        for (const [ownerId, cartIds] of world.owned) {
          const carts = Object.values(world.customers).includes(ownerId)
            ? fake.cartsOf(ownerId)
            : fake.cartsOfAccount(ownerId);
          for (const { id } of carts) {
            if (!cartIds.has(id!) && !world.createdBy.has(id!)) world.createdBy.set(id!, ownerId);
            cartIds.add(id!);
          }
        }
        return;
      }
      if (request.endpoint !== "associate" && request.endpoint !== "associate-account") return;
      if (request.status !== 200 && request.status !== 204) return;
      const { cartId, ownerId } = associationPair(request.path, request.body);
      world.owned.get(ownerId ?? "")?.add(cartId!);
    }),
  );

  // What each tab saw, in order, for the 204 check.
  const events: TabEvent[] = [];
  let seq = 0;
  const note = (event: SeenEvent) => events.push({ ...event, seq: ++seq });

  // Every token a login handed out, with its customer or member and when it was asked for:
  // a session may end by itself only if its token may have been revoked.
  const issued = new Map<string, { principal: string; requestedAt: number }>();
  let loginsSinceCheck: string[] = [];
  const expiredAt: Record<string, number[]> = {};
  const mayBeRevoked = (token: string) => {
    const { principal, requestedAt } = issued.get(token) ?? { principal: "", requestedAt: 0 };
    return (expiredAt[principal] ?? []).some((time) => time >= requestedAt);
  };
  // Whose carts each token reaches: the customer's, or the account's (one token per account).
  const ownerOfToken = new Map<string, string>();
  const recordLogin = (
    tokens: Array<{ token: string; ownerId: string }>,
    principal: string,
    requestedAt: number,
  ) => {
    for (const { token, ownerId } of tokens) {
      issued.set(token, { principal, requestedAt });
      ownerOfToken.set(token, ownerId);
    }
    loginsSinceCheck.push(...tokens.map(({ token }) => token));
  };
  /** The tab's `fetch`: notes logins' tokens, and the answers the 204 check needs. */
  const recordingFetch = (tab: Tab) => async (request: Request) => {
    const sentAt = Date.now();
    const { pathname } = new URL(request.url);
    const association = pathname.includes("/relationships/") && request.method === "POST";
    const body = association ? request.clone().json() : undefined;
    const response = await globalThis.fetch(request);
    if (pathname === "/v2/customers/tokens" || pathname === "/v2/account-members/tokens") {
      note({ tab, type: "answer", endpoint: "login", status: response.status });
    }
    if (response.ok && pathname === "/v2/customers/tokens") {
      const { data } = (await response.clone().json()) as {
        data: { token: string; customer_id: string };
      };
      recordLogin([{ token: data.token, ownerId: data.customer_id }], data.customer_id, sentAt);
    }
    if (response.ok && pathname === "/v2/account-members/tokens") {
      const { data, meta } = (await response.clone().json()) as {
        data: Array<{ token: string; account_id: string }>;
        meta: { account_member_id: string };
      };
      recordLogin(
        data.map(({ token, account_id }) => ({ token, ownerId: account_id })),
        meta.account_member_id,
        sentAt,
      );
    }
    if (body) {
      const pair = associationPair(pathname, await body);
      note({ tab, type: "answer", endpoint: "associate", status: response.status, ...pair });
    }
    return response;
  };

  const retriedErrors: string[] = [];
  // Automatic associations that gave up after their retries (faults on the token and the
  // association endpoints add up): the package tries again at the next mount, so may the end.
  let gaveUp = 0;

  /** The customer or account whose cart lists a query key names, if any (public keys). */
  const listOwnerOf = (queryKey: QueryKey) => {
    const owner = queryKey[3];
    if (typeof owner !== "string") return undefined;
    const prefix = JSON.stringify(queryKey.slice(0, 4));
    const lists = [cartQueries.customerKey(owner), cartQueries.accountKey(owner)];
    return lists.some((key) => JSON.stringify(key) === prefix) ? owner : undefined;
  };

  function openTab(tab: Tab, widgets: MountedWidget[], strict: boolean): OpenTab {
    const { client } = createShopperClient(
      // The header tells the tabs apart in the fake's request log.
      { baseUrl: fake.baseUrl, headers: { "X-Test-Tab": tab }, fetch: recordingFetch(tab) },
      { clientId: fake.clientId, storage: memoryStorage() },
    );
    // An app's own QueryClient: TanStack's default retry counts, tiny delays.
    const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 1 } } });
    const options: TabOptions = {
      tab,
      client,
      queryClient,
      probe: new TabProbe(),
      keepCartOnLogout: program.keepCartOnLogout,
      guestCartOnLogin: policy,
      // Tab B talks to tab A the way another browser tab would: through `storage` events.
      ...(tab === "B"
        ? {
            storage: {
              sessionStorage: otherTabStorage("_epcc_customer_session"),
              accountSessionStorage: otherTabStorage("_epcc_account_session"),
              cartIdStorage: otherTabStorage("_store_ep_cart"),
            },
          }
        : {}),
    };
    // 3. A `failed` action means TanStack is about to try again: only after a transient failure.
    const noteRetry = (error: unknown, what: string) => {
      if (error instanceof ElasticPathError && error.retryable) return;
      const status = error instanceof ElasticPathError ? error.status : undefined;
      retriedErrors.push(`tab ${tab}: ${what} retried after ${String(status ?? error)}`);
    };
    const unsubscribes = [
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== "updated") return;
        const { action, query } = event;
        if (action.type === "failed") {
          noteRetry(action.error, `query ${JSON.stringify(query.queryKey)}`);
        }
        // The package's own work on a list: an invalidation, or a write (setQueryData).
        const ownerId = listOwnerOf(query.queryKey);
        const written = action.type === "success" && action.manual === true;
        if (ownerId && (action.type === "invalidate" || written)) {
          note({ tab, type: "list-change", ownerId });
        }
      }),
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated") return;
        const key = JSON.stringify(event.mutation.options.mutationKey);
        const { action } = event;
        if (action.type === "failed") noteRetry(action.error, `mutation ${key}`);
        if (action.type === "error" && key.includes('"automatic"')) {
          if (action.error instanceof ElasticPathError && action.error.retryable) gaveUp += 1;
        }
        const result = action.type === "success" ? (action.data as Record<string, unknown>) : {};
        if (result.status === "already-associated") {
          const ownerId = String(result.customerId ?? result.accountId);
          note({ tab, type: "no-op", cartId: String(result.cartId), ownerId });
        }
      }),
    ];
    const app = () => (
      <TabApp options={options} widgets={[...opened.widgets]} strict={opened.strict} />
    );
    const opened: OpenTab = {
      options,
      widgets,
      strict,
      rerender: () => undefined,
      close: () => undefined,
    };
    const view = render(app());
    opened.rerender = () => view.rerender(app());
    opened.close = () => {
      view.unmount();
      queryClient.clear();
      unsubscribes.forEach((unsubscribe) => unsubscribe());
    };
    return opened;
  }

  const tabs: Record<Tab, OpenTab> = { A: openTab("A", [], false), B: openTab("B", [], false) };
  cleanups.unshift(() => Object.values(tabs).forEach((tab) => tab.close()));
  const controls = (tab: Tab) => tabs[tab].options.probe.controls!;
  const shopperIn = (tab: Tab) => shopperOf(controls(tab).session, controls(tab).accountSession);

  const checkoutSteps: CheckContext["checkoutSteps"] = { A: 0, B: 0 };
  const addSteps: CheckContext["addSteps"] = { A: 0, B: 0 };
  const loginSteps: CheckContext["loginSteps"] = {
    A: { customer: 0, account: 0 },
    B: { customer: 0, account: 0 },
  };
  const injected: Record<string, number> = {};
  let nextWidgetId = 1;
  let loggedOutSinceCheck = false;
  /** What the shopper asked for, in order: for "they end up as they last asked". */
  const wishes: Array<{ tab: Tab; kind: "login" | "logout" | "select"; survivor?: string }> = [];
  let idleLogouts: CheckContext["idleLogouts"] = [];
  const shoppersAtLastCheck: Record<Tab, ShopperView | undefined> = {
    A: shopperIn("A"),
    B: shopperIn("B"),
  };

  /** Lets time pass until no request, fetch or mutation is left in any tab. */
  async function settle(): Promise<boolean> {
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    let quiet = 0;
    while (Date.now() < deadline) {
      await act(() => sleep(POLL_MS));
      const busy =
        started > fake.requests.length ||
        Object.values(tabs).some(
          ({ options: { queryClient } }) =>
            queryClient.isFetching() > 0 || queryClient.isMutating() > 0,
        );
      quiet = busy ? 0 : quiet + 1;
      if (quiet >= QUIET_POLLS) return true;
    }
    return false;
  }

  function mount(tab: Tab, widget: Widget) {
    tabs[tab].widgets.push({ id: nextWidgetId++, widget });
    tabs[tab].rerender();
  }

  /** What the account login form sends: a password, a one-time password or an OIDC code. */
  function accountCredentials(
    step: Extract<Step, { kind: "accountLogin" }>,
  ): AccountLoginVariables {
    // `wrong` is M with a wrong password, one-time password or code.
    const member = step.who === "wrong" ? undefined : world.members[step.who];
    const { username, password } = step.who === "N" ? MEMBER_N : MEMBER_M;
    const accountId = step.account === undefined ? undefined : member?.accountIds[step.account];
    const passwordProfileId = fake.passwordProfileId;
    switch (step.mechanism) {
      case "passwordless":
        return {
          mechanism: "passwordless",
          passwordProfileId,
          username,
          oneTimePasswordToken: member ? fake.issueOneTimePassword(member.id) : "000000",
          accountId,
        };
      case "oidc":
        return {
          mechanism: "oidc",
          authorizationCode: member
            ? fake.issueOidcAuthorizationCode(member.id, OIDC)
            : "not-a-code",
          ...OIDC,
          accountId,
        };
      default:
        return { passwordProfileId, username, password: member ? password : "wrong", accountId };
    }
  }

  const violations: string[] = [];
  /** When steps set the cart or switched accounts: either may keep a merge's target from becoming current. */
  const cartSetAt: number[] = [];

  async function apply(step: Step) {
    switch (step.kind) {
      case "login":
        wishes.push({ tab: step.tab, kind: "login" });
        loginSteps[step.tab].customer += 1;
        // `mutate` reports failures in the hook's state; a storefront shows them, nothing throws.
        return controls(step.tab).login.mutate(CREDENTIALS[step.who]);
      case "accountLogin":
        wishes.push({ tab: step.tab, kind: "login" });
        loginSteps[step.tab].account += 1;
        return controls(step.tab).accountLogin.mutate(accountCredentials(step));
      case "logout":
      case "accountLogout": {
        loggedOutSinceCheck = true;
        const kind = step.kind === "logout" ? "customer" : "account";
        const shopper = shopperIn(step.tab);
        const { cartId, logout, accountLogout } = controls(step.tab);
        // A storefront offering both logins may call either logout: with the other kind of
        // shopper signed in, it has nobody to sign out.
        if (shopper && shopper.kind !== kind) {
          idleLogouts.push({ tab: step.tab, kind, token: shopper.token, cartId });
        }
        const survivor = shopper && shopper.kind !== kind ? shopper.token : undefined;
        wishes.push({ tab: step.tab, kind: "logout", survivor });
        return kind === "customer" ? logout() : accountLogout();
      }
      case "selectAccount": {
        // The switcher lists the signed-in member's accounts; signed out, there is none.
        const { accountSession, selectAccount } = controls(step.tab);
        if (accountSession.status !== "signed-in") return;
        const { accountId } = accountSession.accounts[step.account]!;
        // Switching back brings the same token: a merge answered meanwhile left the cart as it was.
        cartSetAt.push(Date.now());
        wishes.push({ tab: step.tab, kind: "select" });
        try {
          return selectAccount(accountId);
        } catch (error) {
          violations.push(
            `tab ${step.tab} could not select its member's account: ${String(error)}`,
          );
          return;
        }
      }
      case "setCart":
        cartSetAt.push(Date.now());
        return controls(step.tab).setCartId(world.carts[step.cart]);
      case "clearCart":
        cartSetAt.push(Date.now());
        return controls(step.tab).setCartId(undefined);
      case "mount":
        return mount(step.tab, step.widget);
      case "unmount": {
        const { widgets } = tabs[step.tab];
        if (widgets.length === 0) return;
        widgets.splice(step.index % widgets.length, 1);
        return tabs[step.tab].rerender();
      }
      case "strictMode":
        tabs.A.strict = step.on;
        return tabs.A.rerender();
      case "reload": {
        // Once the tab is idle: a reload mid-request loses the answer, which no client can know about.
        await settle();
        const { widgets, strict } = tabs[step.tab];
        tabs[step.tab].close();
        tabs[step.tab] = openTab(step.tab, widgets, strict);
        return;
      }
      case "fault": {
        const left = FAULT_BUDGET_PER_ENDPOINT - (injected[step.endpoint] ?? 0);
        const count = Math.min(step.count, left);
        if (count <= 0) return;
        injected[step.endpoint] = (injected[step.endpoint] ?? 0) + count;
        const late =
          "afterApplying" in step.fault && step.fault.afterApplying ? " after applying" : "";
        const name = `${step.endpoint} ${"network" in step.fault ? "network" : step.fault.status}${late}`;
        stats.faults[name] = (stats.faults[name] ?? 0) + count;
        return fake.failNext(step.endpoint, count, step.fault);
      }
      case "latency": {
        // A spike: the next request to the endpoint is slow, the ones after it are not, so a
        // slow answer lands after newer ones (where stale answers come from).
        stats.latencySpikes += 1;
        let spent = false;
        return fake.setLatency((request) => {
          if (spent || request.endpoint !== step.endpoint) return 0;
          spent = true;
          return step.ms;
        });
      }
      case "expire": {
        if (step.who === "A" || step.who === "B") {
          const customerId = world.customers[step.who];
          (expiredAt[customerId] ??= []).push(Date.now());
          return fake.expireCustomerTokens(customerId);
        }
        const memberId = world.members[step.who].id;
        (expiredAt[memberId] ??= []).push(Date.now());
        return fake.expireAccountTokens(memberId);
      }
      case "wait":
        return sleep(step.ms);
      case "addItem": {
        addSteps[step.tab] += 1;
        const item =
          step.item === "product"
            ? { productId: world.product }
            : {
                custom: {
                  name: "Gift wrap",
                  sku: `${ADDED_SKU_PREFIX}wrap`,
                  price: { amount: 300 },
                },
              };
        return controls(step.tab).add.mutate(item);
      }
      case "checkout": {
        checkoutSteps[step.tab] += step.clicks;
        const { checkout } = controls(step.tab);
        const input = {
          email: "ada@example.com",
          name: "Ada Lovelace",
          billingAddress: ADDRESS,
          shippingAddress: ADDRESS,
        };
        for (let click = 0; click < step.clicks; click += 1) checkout.mutate(input);
        return;
      }
      case "setQuantity":
      case "removeItem": {
        const { cartItems, update, remove } = controls(step.tab);
        // Items the cart page added: seeded ones are counted by the merges' invariant (9).
        const itemId = cartItems.find((item) => item.sku?.startsWith(ADDED_SKU_PREFIX))?.id;
        if (!itemId) return;
        return step.kind === "removeItem"
          ? remove.mutate({ itemId })
          : update.mutate({ itemId, quantity: step.quantity });
      }
    }
  }

  function check(when: string) {
    const context: CheckContext = {
      world,
      requests: fake.requests,
      tabs: (["A", "B"] as const).map((tab) => ({
        tab,
        customer: controls(tab).session,
        account: controls(tab).accountSession,
        shopper: shopperIn(tab),
        shopperAtLastCheck: shoppersAtLastCheck[tab],
        cartId: controls(tab).cartId,
        queryClient: tabs[tab].options.queryClient,
        renders: tabs[tab].options.probe.renders.splice(0),
      })),
      loggedOutSinceCheck,
      idleLogouts,
      loginsSinceCheck,
      issuedTokens: [...issued.keys()],
      mayBeRevoked,
      loginSteps,
      addSteps,
      checkoutSteps,
      orders: fake.orders(),
      events,
      retriedErrors: retriedErrors.splice(0),
      consoleErrors: consoleErrors.splice(0),
      unhandled: unhandled.splice(0),
      ownerOfToken: (token) => (token === undefined ? undefined : ownerOfToken.get(token)),
      itemsOf: (cartId) => itemsOfCart(fake, cartId),
      inAir: started > fake.requests.length,
    };
    for (const violation of findViolations(context)) violations.push(`${when}: ${violation}`);
    loggedOutSinceCheck = false;
    idleLogouts = [];
    loginsSinceCheck = [];
    for (const tab of ["A", "B"] as const) shoppersAtLastCheck[tab] = shopperIn(tab);
  }

  /**
   * 1, once settled: every mounted list of a signed-in shopper's kind shows that owner's
   * carts, or a transient failure that outlived its retries; never a final error (a stale
   * 401) nor nothing.
   */
  function listsLeftBehind(): string[] {
    const found: string[] = [];
    for (const tab of ["A", "B"] as const) {
      const { widgets, options } = tabs[tab];
      for (const { id, widget } of widgets) {
        const shown = options.probe.latest.get(id);
        if (!shown || shown.ownerId === null || WIDGETS[widget].shows !== "list") continue;
        if (shown.error && !shown.error.retryable) {
          found.push(
            `tab ${tab} ${widget} shows a final error (${shown.error.status}) to a signed-in shopper`,
          );
        } else if (!shown.error && shown.cartIds === null) {
          found.push(`tab ${tab} ${widget} shows nothing to a signed-in shopper`);
        }
      }
    }
    return found;
  }

  /**
   * 2 (first half). The cart current at the end, with a shopper signed in, is associated
   * with them (the customer, or the selected account), unless Elastic Path refuses it for
   * good (a guest checkout cart, 422). Under "merge", merged instead: a merge that succeeds
   * makes its target, theirs, current. The cart stays current, not theirs, only if its last
   * merge for them ended otherwise — refused for good (a 400), or with an outcome unknown (a
   * 5xx, no answer: never sent again) — or succeeded in a session that is not this one, or
   * before the program set the cart or switched accounts (a merge's target becomes current
   * only if the merged cart still is, for the same session). A 429 or a 401 must be tried again.
   */
  function unassociatedAtTheEnd(): string | undefined {
    const { cartId } = controls("A");
    const shopper = shopperIn("A");
    if (!shopper || cartId === undefined || cartId === world.carts.contact) return undefined;
    const pairs =
      shopper.kind === "customer"
        ? fake.associations().map((pair) => ({ cartId: pair.cartId, ownerId: pair.customerId }))
        : fake
            .accountAssociations()
            .map((pair) => ({ cartId: pair.cartId, ownerId: pair.accountId }));
    const associated = pairs.some(
      (pair) => pair.cartId === cartId && pair.ownerId === shopper.ownerId,
    );
    if (associated) return undefined;
    const lastMerge = mergesIn(fake.requests, (token) => ownerOfToken.get(token ?? ""))
      .filter((merge) => merge.sourceId === cartId && merge.ownerId === shopper.ownerId)
      .at(-1)?.request;
    if (!lastMerge || lastMerge.status === 429 || lastMerge.status === 401) {
      return `cart ${cartId} is not associated with the signed-in ${shopper.kind} ${shopper.ownerId}`;
    }
    const succeeded = typeof lastMerge.status === "number" && lastMerge.status < 300;
    const sameSession = shopperTokenOf(lastMerge) === shopper.token;
    const cartSetSince = cartSetAt.some((time) => time >= lastMerge.startedAt);
    if (!succeeded || !sameSession || cartSetSince) return undefined;
    return `cart ${cartId} was merged into ${lastMerge.path.split("/")[3]} (request ${lastMerge.id}) for the signed-in ${shopper.kind} ${shopper.ownerId}, yet it is still the current cart`;
  }

  /**
   * 10. The shopper ends up as they last asked: after a logout, a login sent before it (its
   * answer still in the air) starts no session. Only where every login step was the
   * logging-out tab's: another tab's login is a wish of its own, whose answer may land later.
   * A logout of the other kind leaves the signed-in shopper (the survivor) as they were.
   */
  function signedInAfterTheLastLogout(): string | undefined {
    const last = wishes.at(-1);
    if (last?.kind !== "logout") return undefined;
    if (wishes.some((wish) => wish.kind === "login" && wish.tab !== last.tab)) return undefined;
    for (const tab of ["A", "B"] as const) {
      const shopper = shopperIn(tab);
      if (shopper && shopper.token !== last.survivor) {
        return `tab ${tab} is signed in as ${shopper.kind} ${shopper.ownerId}, though the shopper's last wish was a logout in tab ${last.tab}`;
      }
    }
    return undefined;
  }

  /** Every storefront page has a saved-cart banner, for customers and for accounts alike. */
  const BANNERS = (Object.keys(WIDGETS) as Widget[]).filter(
    (widget) => WIDGETS[widget].shows === "association",
  );

  try {
    for (const [index, step] of program.steps.entries()) {
      await act(async () => {
        await apply(step);
        await sleep(0);
      });
      stats.steps += 1;
      check(`after step ${index + 1}`);
      if (violations.length > 0) break;
    }

    if (violations.length === 0) {
      // The end of a session: the shopper lands on a page with the banner (every storefront
      // page has one), and the network calms down.
      await act(async () => {
        fake.setLatency(0);
        BANNERS.forEach((widget) => mount("A", widget));
      });
      let settled = await settle();
      // Each give-up earns one more page view; faults are finite, so this ends.
      for (let visits = 0; settled && visits < gaveUp && unassociatedAtTheEnd(); visits += 1) {
        await act(async () => BANNERS.forEach((widget) => mount("A", widget)));
        settled = await settle();
      }
      if (!settled) violations.push(`did not settle within ${SETTLE_LIMIT_MS} ms`);
      check("at the end");
      if (shopperIn("A") && controls("A").cartId !== undefined) stats.endedSignedInWithCart += 1;
      violations.push(...listsLeftBehind().map((violation) => `at the end: ${violation}`));
      const unassociated = unassociatedAtTheEnd();
      if (unassociated) violations.push(`at the end: ${unassociated}`);
      const againstTheirWish = signedInAfterTheLastLogout();
      if (againstTheirWish) violations.push(`at the end: ${againstTheirWish}`);
    }
  } finally {
    stats.programs += 1;
    stats.policies[policy] = (stats.policies[policy] ?? 0) + 1;
    const merges = mergesIn(fake.requests, () => undefined);
    const { requests } = fake;
    if (merges.some(({ request }) => typeof request.status === "number" && request.status < 300)) {
      stats.merged += 1;
    }
    if (merges.some(({ request }) => request.status === "network-error" || request.status >= 500)) {
      stats.mergeOutcomeUnknown += 1;
    }
    stats.chainedMerges += merges.filter((merge) =>
      merges.some(
        (before) => before.request.id < merge.request.id && before.targetId === merge.sourceId,
      ),
    ).length;
    if (policy === "merge") {
      stats.mergeFallbackAssociations += requests.filter(
        (request) => request.endpoint.startsWith("associate") && request.status === 200,
      ).length;
    }
    stats.requests += fake.requests.length;
    for (const request of fake.requests) {
      const key = `${request.endpoint} ${request.status}`;
      stats.answers[key] = (stats.answers[key] ?? 0) + 1;
    }
    await act(async () => {
      cleanups.shift()!(); // the tabs, inside act: unmounting updates React state
      await sleep(0);
    });
    cleanups.forEach((cleanup) => cleanup());
  }

  if (violations.length > 0) {
    const log = fake.requests
      .map(
        (r) => `    ${r.id}. [${r.headers["x-test-tab"] ?? "-"}] ${r.method} ${r.path} ${r.status}`,
      )
      .join("\n");
    throw new Error(`${violations.join("\n")}\n  requests:\n${log}`);
  }
}
