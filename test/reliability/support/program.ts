/**
 * A storefront session as data: what a shopper, a second tab and the network do, step by
 * step. Programs are plain JSON so a shrunk failure can be pasted into `regressions.ts`.
 */
import fc from "fast-check";
import type { FakeEndpoint, FakeFault } from "../../../src/testing";

export type Tab = "A" | "B";
/** The two kinds of shopper: a customer, or an account member acting for an account. */
export type ShopperKind = "customer" | "account";
/** `A` and `B` are seeded customers; `wrong` is A's email with a wrong password (a 401). */
export type Who = "A" | "B" | "wrong";
/**
 * Seeded account members, each of two accounts: `M` acts for X then Y, `N` for Z then Y
 * (Y is shared); `wrong` is M's username with a wrong password, one-time password or code.
 */
export type Member = "M" | "N" | "wrong";
/** The carts a storefront may hold (see `seedWorld`). */
export type CartName =
  "guest" | "guest2" | "contact" | "euro" | "unseen" | "ofA" | "ofB" | "ofX" | "ofY";
/** The provider's `guestCartOnLogin`: what a login does with the current guest cart. */
export type GuestCartPolicy = "associate" | "merge";
/**
 * Components using the package's hooks: a cart list, a "load more" list and the saved-cart
 * banner (the association hook) of each kind of shopper, and a cart badge.
 */
export type Widget =
  | "carts"
  | "infinite"
  | "associate"
  | "accountCarts"
  | "accountInfinite"
  | "accountAssociate"
  | "badge";

/** Whose hooks a widget uses, and what it shows. */
export const WIDGETS: Record<
  Widget,
  { shopper?: ShopperKind; shows: "list" | "association" | "cart" }
> = {
  carts: { shopper: "customer", shows: "list" },
  infinite: { shopper: "customer", shows: "list" },
  associate: { shopper: "customer", shows: "association" },
  accountCarts: { shopper: "account", shows: "list" },
  accountInfinite: { shopper: "account", shows: "list" },
  accountAssociate: { shopper: "account", shows: "association" },
  badge: { shows: "cart" },
};

/**
 * Tab B never mounts an association widget: jsdom has no Web Locks, and two tabs associating
 * at once is the Chromium test's job (test/browser/twoTabs).
 */
const widgetsOf = (tab: Tab) =>
  (Object.keys(WIDGETS) as Widget[]).filter(
    (widget) => tab === "A" || WIDGETS[widget].shows !== "association",
  );

export type Step =
  | { kind: "login"; tab: Tab; who: Who }
  | { kind: "logout"; tab: Tab }
  /** An account login (a password unless `mechanism` says otherwise), asking for the member's `account`-th account if given. */
  | {
      kind: "accountLogin";
      tab: Tab;
      who: Member;
      account?: 0 | 1;
      mechanism?: "passwordless" | "oidc";
    }
  | { kind: "accountLogout"; tab: Tab }
  /** The account switcher: the signed-in member's `account`-th account (nothing while signed out). */
  | { kind: "selectAccount"; tab: Tab; account: 0 | 1 }
  | { kind: "setCart"; tab: Tab; cart: CartName }
  | { kind: "clearCart"; tab: Tab }
  | { kind: "mount"; tab: Tab; widget: Widget }
  | { kind: "unmount"; tab: Tab; index: number }
  | { kind: "strictMode"; on: boolean }
  /** A page reload once the tab is idle: new QueryClient and SDK client, same storage. */
  | { kind: "reload"; tab: Tab }
  | { kind: "fault"; endpoint: FakeEndpoint; fault: FakeFault; count: number }
  /** The next request to the endpoint takes `ms` (a spike; replaces one not yet spent). */
  | { kind: "latency"; endpoint: FakeEndpoint; ms: number }
  /** Elastic Path revokes every token of a customer (A, B) or an account member (M, N). */
  | { kind: "expire"; who: "A" | "B" | "M" | "N" }
  | { kind: "wait"; ms: number }
  /** "Add to cart" on the cart page: a catalog product, or a custom item; the cart is made on the first. */
  | { kind: "addItem"; tab: Tab; item: "product" | "custom" }
  /** The quantity buttons on the first item the cart page added (nothing when it shows none); 0 removes it. */
  | { kind: "setQuantity"; tab: Tab; quantity: 0 | 1 | 2 | 3 }
  /** "Remove" on the first item the cart page added. */
  | { kind: "removeItem"; tab: Tab }
  /** "Place order" on the checkout page, for the tab's current cart; `clicks` quick clicks. */
  | { kind: "checkout"; tab: Tab; clicks: 1 | 2 };

export interface Program {
  /** The provider's `keepCartOnLogout` in both tabs. */
  keepCartOnLogout: boolean;
  /**
   * The provider's `guestCartOnLogin` in both tabs (a storefront has one policy); left out,
   * the provider's default, `"associate"` (as in the regressions written before merges).
   */
  guestCartOnLogin?: GuestCartPolicy;
  steps: Step[];
}

/** The endpoints the hooks call; faults and latency spikes land on these. */
export const HOOK_ENDPOINTS: FakeEndpoint[] = [
  "access-token",
  "customer-token",
  "account-member-token",
  "associate",
  "associate-account",
  "list-carts",
  "get-cart",
  "add-items",
  "create-cart",
  "update-item",
  "delete-item",
  "checkout",
  "list-orders",
];

const tab = fc.constantFrom<Tab>("A", "B");
const faults: FakeFault[] = [
  { status: 429, retryAfter: "1" },
  { status: 429, retryAfter: "Wed, 21 Oct 2099 07:28:00 GMT" },
  { status: 500 },
  { status: 503 },
  { network: true },
];

/**
 * A merge (`POST /v2/carts/:id/items`) also gets failures that land after Elastic Path
 * applied it: the items were copied, the client hears a 5xx or nothing. The other endpoints
 * keep the faults that land before: their re-sends are harmless (an association answers 204).
 */
const afterApplying: FakeFault[] = [
  { status: 502, afterApplying: true },
  { status: 503, afterApplying: true },
  { network: true, afterApplying: true },
];

/**
 * The faults each endpoint gets. `POST /oauth/access_token` gets network failures only: the
 * SDK's token provider turns every error status there into the same plain Error, so a 429
 * or 5xx reads as a refused client id, which is final by design (hostileInput.test.tsx,
 * "what the SDK throws") and would only trip the invariants' "no retry after a final error".
 */
function faultsAt(endpoint: FakeEndpoint): FakeFault[] {
  if (endpoint === "access-token") return faults.filter((fault) => "network" in fault);
  // Adds and merges are not idempotent, nor is a cart's creation: their answers get lost after
  // Elastic Path applied them. Quantity changes and removals set a state: re-sends are harmless.
  return endpoint === "add-items" || endpoint === "create-cart" || endpoint === "checkout"
    ? [...faults, ...afterApplying]
    : faults;
}

const CUSTOMERS = ["A", "B"] as const;
const MEMBERS = ["M", "N"] as const;

/** What each kind of shopper does, so that every scenario below is written once for both. */
const SHOPPERS = {
  customer: {
    people: CUSTOMERS,
    login: (tab: Tab, person: 0 | 1): Step => ({ kind: "login", tab, who: CUSTOMERS[person] }),
    logout: (tab: Tab): Step => ({ kind: "logout", tab }),
    list: "carts" as Widget,
    pages: "infinite" as Widget,
    ownCart: "ofA" as CartName,
    endpoints: { login: "customer-token", associate: "associate" } as const,
    banner: "associate" as Widget,
  },
  account: {
    people: MEMBERS,
    login: (tab: Tab, person: 0 | 1): Step => ({ kind: "accountLogin", tab, who: MEMBERS[person] }),
    logout: (tab: Tab): Step => ({ kind: "accountLogout", tab }),
    list: "accountCarts" as Widget,
    pages: "accountInfinite" as Widget,
    ownCart: "ofX" as CartName,
    endpoints: { login: "account-member-token", associate: "associate-account" } as const,
    banner: "accountAssociate" as Widget,
  },
};

const accountLogin: fc.Arbitrary<Step> = fc
  .record(
    {
      kind: fc.constant("accountLogin" as const),
      tab,
      who: fc.constantFrom<Member>("M", "M", "N", "wrong"),
      account: fc.constantFrom<0 | 1>(0, 1),
      mechanism: fc.constantFrom<"passwordless" | "oidc">("passwordless", "oidc"),
    },
    { requiredKeys: ["kind", "tab", "who"] },
  )
  .map((step) => step as Step);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("login"),
      tab,
      who: fc.constantFrom<Who>("A", "A", "B", "wrong"),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("logout"), tab }), weight: 1 },
  { arbitrary: accountLogin, weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("accountLogout"), tab }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("selectAccount"),
      tab,
      account: fc.constantFrom<0 | 1>(0, 1),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("setCart"),
      tab,
      cart: fc.constantFrom<CartName>(
        "guest",
        "guest",
        "guest2",
        "contact",
        "euro",
        "unseen",
        "ofA",
        "ofB",
        "ofX",
        "ofY",
      ),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("clearCart"), tab }), weight: 1 },
  {
    arbitrary: fc.oneof(
      ...(["A", "B"] as const).map((where) =>
        fc.record({
          kind: fc.constant("mount"),
          tab: fc.constant(where),
          widget: fc.constantFrom(...widgetsOf(where)),
        }),
      ),
    ),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("unmount"), tab, index: fc.nat(3) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("strictMode"), on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("reload"), tab }), weight: 1 },
  {
    arbitrary: fc.constantFrom(...HOOK_ENDPOINTS).chain((endpoint) =>
      fc.record({
        kind: fc.constant("fault"),
        endpoint: fc.constant(endpoint),
        fault: fc.constantFrom(...faultsAt(endpoint)),
        count: fc.integer({ min: 1, max: 3 }),
      }),
    ),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("latency"),
      endpoint: fc.constantFrom(...HOOK_ENDPOINTS),
      ms: fc.constantFrom(0, 5, 20, 45),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("expire"),
      who: fc.constantFrom<"A" | "B" | "M" | "N">("A", "B", "M", "N"),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("wait"), ms: fc.constantFrom(0, 2, 10, 30) }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("addItem"),
      tab,
      item: fc.constantFrom<"product" | "custom">("product", "custom"),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("setQuantity"),
      tab,
      quantity: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3, 3),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant("removeItem"), tab }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant("checkout"),
      tab,
      clicks: fc.constantFrom<1 | 2>(1, 2),
    }),
    weight: 1,
  },
) as fc.Arbitrary<Step>;

/**
 * A checkout whose answer is slow or lost (before or after Elastic Path made the order),
 * clicked once or twice, then the session goes on: never two orders for one attempt.
 */
const checkoutPage: fc.Arbitrary<Step[]> = fc
  .record({
    tab,
    kind: fc.constantFrom<ShopperKind | "guest">("customer", "account", "guest"),
    fault: fc.option(fc.constantFrom(...faultsAt("checkout")), { nil: undefined }),
    lookupFault: fc.boolean(),
    ms: fc.constantFrom(5, 30),
    clicks: fc.constantFrom<1 | 2>(1, 2),
    after: fc.constantFrom("nothing", "logout", "reload"),
  })
  .map(({ tab, kind, fault, lookupFault, ms, clicks, after }): Step[] => {
    const shopper = kind === "guest" ? undefined : SHOPPERS[kind];
    return [
      ...(shopper ? [shopper.login(tab, 0)] : []),
      { kind: "wait", ms: 20 },
      { kind: "addItem", tab, item: "custom" },
      { kind: "wait", ms: 10 },
      ...(fault ? [{ kind: "fault", endpoint: "checkout", fault, count: 1 } as Step] : []),
      ...(lookupFault
        ? [{ kind: "fault", endpoint: "list-orders", fault: { status: 503 }, count: 1 } as Step]
        : []),
      { kind: "latency", endpoint: "checkout", ms },
      { kind: "checkout", tab, clicks },
      ...(after === "logout" && shopper ? [shopper.logout(tab)] : []),
      { kind: "wait", ms: ms + 10 },
      ...(after === "reload" ? [{ kind: "reload", tab } as Step] : []),
      { kind: "checkout", tab, clicks: 1 },
    ];
  });

/**
 * Quick "+" clicks on the cart page while an add or a change is slow or lost: the adds must
 * land once each, the clicks collapse, the last one wins.
 */
const cartPage: fc.Arbitrary<Step[]> = fc
  .record({
    tab,
    endpoint: fc.constantFrom<FakeEndpoint>("add-items", "update-item", "create-cart"),
    ms: fc.constantFrom(5, 20, 45),
    fault: fc.option(fc.constantFrom(...faultsAt("add-items")), { nil: undefined }),
  })
  .map(({ tab, endpoint, ms, fault }): Step[] => [
    ...(fault
      ? [
          {
            kind: "fault",
            endpoint,
            fault: endpoint === "update-item" && "afterApplying" in fault ? { status: 503 } : fault,
            count: 1,
          } as Step,
        ]
      : []),
    { kind: "latency", endpoint, ms },
    { kind: "addItem", tab, item: "product" },
    { kind: "addItem", tab, item: "product" },
    { kind: "wait", ms: ms + 5 },
    { kind: "setQuantity", tab, quantity: 2 },
    { kind: "setQuantity", tab, quantity: 3 },
    { kind: "setQuantity", tab, quantity: 1 },
  ]);

/**
 * A slow request whose session ends, and another begins, before it is answered: where stale
 * answers come from. The spike slows the next request to one endpoint, a step sends it, and
 * the session changes while it is in the air — logout, expiry, an account switch, or simply
 * the next login, of the same kind of shopper or the other; sometimes the page is then reloaded.
 */
const staleAnswer: fc.Arbitrary<Step[]> = fc
  .record({
    kind: fc.constantFrom<ShopperKind>("customer", "account"),
    nextKind: fc.constantFrom<ShopperKind>("customer", "account"),
    request: fc.constantFrom("associate", "merge", "list", "login"),
    ms: fc.constantFrom(20, 45),
    tab,
    from: fc.constantFrom<0 | 1>(0, 1),
    to: fc.constantFrom<0 | 1>(0, 1),
    change: fc.constantFrom("expire", "logout", "switch", "select"),
    reload: fc.boolean(),
  })
  .map(({ kind, nextKind, request, ms, tab, from, to, change, reload }): Step[] => {
    const shopper = SHOPPERS[kind];
    const who = shopper.people[from];
    const endpoint =
      request === "list"
        ? "list-carts"
        : request === "merge"
          ? "add-items"
          : shopper.endpoints[request as "associate" | "login"];
    // A new guest cart while signed in: associated, or merged, by the banner.
    const send: Step =
      request === "associate" || request === "merge"
        ? { kind: "setCart", tab: "A", cart: "guest2" }
        : request === "list"
          ? { kind: "mount", tab: "A", widget: shopper.list }
          : shopper.login(tab, from);
    const end: Step[] =
      change === "expire"
        ? [{ kind: "expire", who }]
        : change === "logout"
          ? [shopper.logout(tab)]
          : change === "select" && kind === "account"
            ? [{ kind: "selectAccount", tab, account: 1 }]
            : [];
    const next = SHOPPERS[nextKind];
    return [
      { kind: "latency", endpoint, ms },
      send,
      ...end,
      next.login(tab, to),
      { kind: "wait", ms: ms + 10 },
      ...(reload ? [{ kind: "reload", tab: "A" } as const] : []),
    ];
  });

/**
 * The shopper picks one of their own saved carts, an old one, in "My carts": its association
 * answers 204, which must change nothing, while a "load more" list lacks that cart.
 */
const resumeOwnCart: fc.Arbitrary<Step[]> = fc
  .constantFrom<ShopperKind>("customer", "account")
  .map((kind): Step[] => [
    { kind: "mount", tab: "A", widget: SHOPPERS[kind].pages },
    { kind: "setCart", tab: "A", cart: SHOPPERS[kind].ownCart },
  ]);

/**
 * The account switcher used twice: to the member's other account and back. The cart (kept
 * with `keepCartOnLogout`) is already the first account's in this session, so nothing is sent.
 */
const switchAndBack: fc.Arbitrary<Step[]> = fc
  .record({ tab, ms: fc.constantFrom(0, 10, 30) })
  .map(({ tab, ms }): Step[] => [
    { kind: "selectAccount", tab, account: 1 },
    { kind: "wait", ms },
    { kind: "selectAccount", tab, account: 0 },
  ]);

/**
 * A merge that fails — refused with a 429, or with its outcome unknown (a 5xx or no answer,
 * landing before or after Elastic Path applied it), or whose discovery read fails — then the
 * same guest cart meets the same shopper again: the next login, a reload, the cart set again,
 * a logout and a login. Under `"merge"` none of them may merge it a second time; only a 429
 * lets it be sent again. (Under `"associate"`, the same steps associate the cart.)
 */
const mergeMeetsAgain: fc.Arbitrary<Step[]> = fc
  .record({
    kind: fc.constantFrom<ShopperKind>("customer", "account"),
    // The merge itself, or its discovery: the first page of the shopper's carts.
    endpoint: fc.constantFrom<FakeEndpoint>("add-items", "add-items", "list-carts"),
    fault: fc.constantFrom(...faultsAt("add-items")),
    count: fc.integer({ min: 1, max: 2 }),
    cart: fc.constantFrom<CartName>("guest", "guest2"),
    again: fc.constantFrom("login", "reload", "setCart", "logoutLogin"),
  })
  .map(({ kind, endpoint, fault, count, cart, again }): Step[] => {
    const shopper = SHOPPERS[kind];
    const meetAgain: Step[] = {
      login: [shopper.login("A", 0)],
      reload: [{ kind: "reload", tab: "A" } as const],
      setCart: [
        { kind: "setCart", tab: "A", cart: cart === "guest" ? "guest2" : "guest" } as const,
        { kind: "setCart", tab: "A", cart } as const,
      ],
      logoutLogin: [
        shopper.logout("A"),
        { kind: "setCart", tab: "A", cart } as const,
        shopper.login("A", 0),
      ],
    }[again];
    return [
      { kind: "mount", tab: "A", widget: shopper.banner },
      // A list read is not a merge: it gets the faults that land before (it changes nothing).
      {
        kind: "fault",
        endpoint,
        fault: endpoint === "add-items" || !("afterApplying" in fault) ? fault : { status: 503 },
        count,
      },
      { kind: "setCart", tab: "A", cart },
      shopper.login("A", 0),
      { kind: "wait", ms: 20 },
      ...meetAgain,
      { kind: "wait", ms: 20 },
    ];
  });

/**
 * Most storefront pages show the banner and "My carts", a guest cart, a returning shopper
 * logging in (a customer, or an account member on a B2B storefront, or a page with both):
 * starting there leaves the random steps for faults, timing, tabs.
 */
const pages: Record<"customer" | "account" | "both", Step[]> = {
  customer: [
    { kind: "mount", tab: "A", widget: "associate" },
    { kind: "mount", tab: "A", widget: "carts" },
    { kind: "setCart", tab: "A", cart: "guest" },
    { kind: "login", tab: "A", who: "A" },
  ],
  account: [
    { kind: "mount", tab: "A", widget: "accountAssociate" },
    { kind: "mount", tab: "A", widget: "accountCarts" },
    { kind: "setCart", tab: "A", cart: "guest" },
    { kind: "accountLogin", tab: "A", who: "M" },
  ],
  both: [
    { kind: "mount", tab: "A", widget: "associate" },
    { kind: "mount", tab: "A", widget: "accountAssociate" },
    { kind: "mount", tab: "A", widget: "accountCarts" },
    { kind: "setCart", tab: "A", cart: "guest" },
    { kind: "login", tab: "A", who: "A" },
  ],
};

/** About ten steps: long enough for a login, a fault and a second tab to meet, short enough to read. */
export const programs: fc.Arbitrary<Program> = fc.record({
  keepCartOnLogout: fc.boolean(),
  guestCartOnLogin: fc.constantFrom<GuestCartPolicy>("associate", "merge"),
  steps: fc
    .tuple(
      fc.oneof(...Object.values(pages).map((page) => fc.subarray(page))),
      fc.array(
        fc.oneof(
          { arbitrary: step.map((one) => [one]), weight: 5 },
          { arbitrary: staleAnswer, weight: 2 },
          { arbitrary: resumeOwnCart, weight: 1 },
          { arbitrary: switchAndBack, weight: 1 },
          { arbitrary: mergeMeetsAgain, weight: 2 },
          { arbitrary: cartPage, weight: 2 },
          { arbitrary: checkoutPage, weight: 1 },
        ),
        { minLength: 3, maxLength: 6 },
      ),
    )
    .map(([page, chunks]) => [...page, ...chunks.flat()]),
});
