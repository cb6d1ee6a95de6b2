/**
 * A storefront session as data: what a shopper, a second tab and the network do, step by
 * step. Programs are plain JSON so a shrunk failure can be pasted into `regressions.ts`.
 */
import fc from "fast-check";
import type { FakeEndpoint, FakeFault } from "../../../src/testing";

export type Tab = "A" | "B";
/** `A` and `B` are seeded customers; `wrong` is A's email with a wrong password (a 401). */
export type Who = "A" | "B" | "wrong";
/** The carts a storefront may hold (see `seedWorld`). */
export type CartName = "guest" | "guest2" | "contact" | "unseen" | "ofA" | "ofB";
/**
 * Components using the package's hooks. Tab B never mounts `associate`: jsdom has no Web
 * Locks, and two tabs associating at once is the Chromium test's job (test/browser/twoTabs).
 */
export type Widget = "carts" | "infinite" | "associate" | "badge";

export type Step =
  | { kind: "login"; tab: Tab; who: Who }
  | { kind: "logout"; tab: Tab }
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
  | { kind: "expire"; who: "A" | "B" }
  | { kind: "wait"; ms: number };

export interface Program {
  /** The provider's `keepCartOnLogout` in both tabs. */
  keepCartOnLogout: boolean;
  steps: Step[];
}

/** The endpoints the hooks call; faults and latency spikes land on these. */
export const HOOK_ENDPOINTS: FakeEndpoint[] = [
  "access-token",
  "customer-token",
  "associate",
  "list-carts",
  "get-cart",
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
 * The faults each endpoint gets. `POST /oauth/access_token` gets network failures only: the
 * SDK's token provider turns every error status there into the same plain Error, so a 429
 * or 5xx reads as a refused client id, which is final by design (hostileInput.test.tsx,
 * "what the SDK throws") and would only trip the invariants' "no retry after a final error".
 */
function faultsAt(endpoint: FakeEndpoint): FakeFault[] {
  return endpoint === "access-token" ? faults.filter((fault) => "network" in fault) : faults;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant("login"),
      tab,
      who: fc.constantFrom<Who>("A", "A", "B", "wrong"),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ kind: fc.constant("logout"), tab }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("setCart"),
      tab,
      cart: fc.constantFrom<CartName>(
        "guest",
        "guest",
        "guest2",
        "contact",
        "unseen",
        "ofA",
        "ofB",
      ),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant("clearCart"), tab }), weight: 1 },
  {
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant("mount"),
        tab: fc.constant<Tab>("A"),
        widget: fc.constantFrom<Widget>("carts", "infinite", "associate", "associate", "badge"),
      }),
      fc.record({
        kind: fc.constant("mount"),
        tab: fc.constant<Tab>("B"),
        widget: fc.constantFrom<Widget>("carts", "infinite", "badge"),
      }),
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
      who: fc.constantFrom<"A" | "B">("A", "B"),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant("wait"), ms: fc.constantFrom(0, 2, 10, 30) }),
    weight: 3,
  },
) as fc.Arbitrary<Step>;

/**
 * A slow request whose session ends, and another begins, before it is answered: where stale
 * answers come from. The spike slows the next request to one endpoint, a step sends it, and
 * the session changes while it is in the air; sometimes the page is then reloaded.
 */
const staleAnswer: fc.Arbitrary<Step[]> = fc
  .record({
    endpoint: fc.constantFrom<FakeEndpoint>("associate", "list-carts", "customer-token"),
    ms: fc.constantFrom(20, 45),
    tab,
    from: fc.constantFrom<"A" | "B">("A", "B"),
    to: fc.constantFrom<"A" | "B">("A", "B"),
    change: fc.constantFrom("expire", "logout", "switch"),
    reload: fc.boolean(),
  })
  .map(({ endpoint, ms, tab, from, to, change, reload }): Step[] => {
    const send: Step =
      endpoint === "associate"
        ? { kind: "setCart", tab: "A", cart: "guest2" }
        : endpoint === "list-carts"
          ? { kind: "mount", tab: "A", widget: "carts" }
          : { kind: "login", tab, who: from };
    const end: Step[] =
      change === "expire"
        ? [{ kind: "expire", who: from }]
        : change === "logout"
          ? [{ kind: "logout", tab }]
          : [];
    return [
      { kind: "latency", endpoint, ms },
      send,
      ...end,
      { kind: "login", tab, who: to },
      { kind: "wait", ms: ms + 10 },
      ...(reload ? [{ kind: "reload", tab: "A" } as const] : []),
    ];
  });

/** About ten steps: long enough for a login, a fault and a second tab to meet, short enough to read. */
export const programs: fc.Arbitrary<Program> = fc.record({
  keepCartOnLogout: fc.boolean(),
  steps: fc
    .tuple(
      // Most storefront pages show the banner and "My carts", a guest cart, a returning
      // shopper logging in: starting there leaves the random steps for faults, timing, tabs.
      fc.subarray<Step>([
        { kind: "mount", tab: "A", widget: "associate" },
        { kind: "mount", tab: "A", widget: "carts" },
        { kind: "setCart", tab: "A", cart: "guest" },
        { kind: "login", tab: "A", who: "A" },
      ]),
      fc.array(
        fc.oneof(
          { arbitrary: step.map((one) => [one]), weight: 5 },
          { arbitrary: staleAnswer, weight: 2 },
        ),
        { minLength: 3, maxLength: 6 },
      ),
    )
    .map(([page, chunks]) => [...page, ...chunks.flat()]),
});
