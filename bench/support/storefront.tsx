/**
 * Mounts one implementation's storefront on a fresh fake and drives it as a shopper would
 * (typing into the login form, pressing "Log out"), then reads what crossed the wire and
 * what "My carts" showed. React runs as in a browser: no `act()`, which would batch and
 * flush updates a real page never batches.
 */
import { QueryClient } from "@tanstack/react-query";
// The profiling build: production speed, and `<Profiler>` still reports commits.
import { createRoot } from "react-dom/profiling";
import type { FakeElasticPath, RecordedRequest } from "../../src/testing";
import type { BenchImplementation, StorefrontProps } from "../apps/ui";
import { createBenchClient } from "./client";
import { Probe, type CartCommit, type ListCommit } from "./probe";
import { server } from "./server";

export const RTT_MS = 100;

/** Logins are not what is compared: the bench leaves auth requests out of every count. */
const AUTH_ENDPOINTS = new Set<RecordedRequest["endpoint"]>([
  "access-token",
  "customer-token",
  "account-member-token",
]);

export interface Credentials {
  email: string;
  password: string;
}

/** A point in the run from which requests and commits are counted. */
export interface Mark {
  seenRequestIds: ReadonlySet<number>;
  commitIndex: number;
  loginIndex: number;
  cartCommitIndex: number;
  /** `performance.now()` when the mark was made. */
  at: number;
}

export interface RequestCounts {
  association: number;
  list: number;
  /** `GET /v2/carts/:id` */
  cart: number;
  total: number;
  /** `POST /v2/carts/:id/items` merging a cart (`guestCartOnLogin="merge"`) */
  merge?: number;
}

const sameSet = (ids: readonly string[], expected: ReadonlySet<string>) =>
  ids.length === expected.size && ids.every((id) => expected.has(id));

export function mountStorefront(
  implementation: BenchImplementation,
  fake: FakeElasticPath,
  props: Omit<StorefrontProps, "client" | "queryClient" | "probe"> = {},
) {
  server.resetHandlers(...fake.handlers);
  localStorage.clear();
  // Collect the previous run's garbage now rather than in the middle of this one.
  (globalThis as { gc?: () => void }).gc?.();
  // The cart page's SDK storefront calls `initializeCart()`, which only knows the SDK's own
  // client: on the cart page both storefronts get that one.
  const client = createBenchClient(fake, { singleton: props.page === "cart" });
  // The library defaults an app gets from `new QueryClient()`, for both implementations.
  const queryClient = new QueryClient();
  const probe = new Probe();
  // For `BENCH_DEBUG=1`: when each fetch and mutation started, next to requests and commits.
  const cacheEvents: Array<{ at: number; what: string }> = [];
  if (process.env.BENCH_DEBUG) {
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "fetch") {
        cacheEvents.push({
          at: performance.now(),
          what: `fetch ${JSON.stringify(event.query.queryKey).slice(0, 60)}`,
        });
      }
    });
    queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "pending") {
        cacheEvents.push({
          at: performance.now(),
          what: `mutate ${JSON.stringify(event.mutation.options.mutationKey ?? "")}`,
        });
      }
    });
  }

  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  const { Storefront } = implementation;
  root.render(<Storefront client={client} queryClient={queryClient} probe={probe} {...props} />);

  const listIds = () =>
    [...container.querySelectorAll("[data-my-carts]")].map(
      (section) => section.getAttribute("data-my-carts") ?? "",
    );

  const app = {
    fake,
    probe,
    queryClient,
    /** The storefront's SDK client, for a scenario's own request before the measured part. */
    client,

    /** Resolves once `condition` holds, checked every couple of milliseconds. */
    async waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
      const deadline = performance.now() + timeoutMs;
      while (!condition()) {
        if (performance.now() > deadline) {
          throw new Error(`${implementation.name}: timed out waiting until ${what}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },

    /**
     * Waits until nothing is fetching or mutating for two round trips in a row, so late
     * work (a background reconcile, a second invalidation) is counted too.
     */
    async settle(): Promise<void> {
      const quietFor = 2 * RTT_MS;
      let quietSince = performance.now();
      await app.waitUntil(() => {
        const busy = queryClient.isFetching() > 0 || queryClient.isMutating() > 0;
        if (busy) quietSince = performance.now();
        return !busy && performance.now() - quietSince >= quietFor;
      }, "the app is idle");
    },

    mark(): Mark {
      return {
        seenRequestIds: new Set(fake.requests.map((request) => request.id)),
        commitIndex: probe.commits.length,
        loginIndex: probe.loginsResolvedAt.length,
        cartCommitIndex: probe.cartCommits.length,
        at: performance.now(),
      };
    },

    /** Clicks the cart page's "Add to cart" buttons, all in the same task: "at once". */
    clickAddToCart(): void {
      const buttons = container.querySelectorAll<HTMLButtonElement>("[data-add-to-cart]");
      if (buttons.length === 0) throw new Error(`${implementation.name}: no "Add to cart".`);
      buttons.forEach((button) => button.click());
    },

    /** Clicks the "+" of the cart page's line for `sku`. */
    clickPlus(sku: string): void {
      const button = container.querySelector<HTMLButtonElement>(`[data-line-sku="${sku}"] button`);
      if (!button) throw new Error(`${implementation.name}: no "+" for ${sku}.`);
      button.click();
    },

    /** Clicks the checkout page's "Place order". */
    clickPlaceOrder(): void {
      const button = container.querySelector<HTMLButtonElement>("[data-place-order]");
      if (!button) throw new Error(`${implementation.name}: no "Place order".`);
      button.click();
    },

    /** What the checkout page shows: the order's id, an error, or nothing yet. */
    checkoutOutcome(): { orderId: string } | { error: string } | undefined {
      const order = container.querySelector("[data-order-id]");
      if (order) return { orderId: order.getAttribute("data-order-id") ?? "" };
      const error = container.querySelector("[data-checkout-error]");
      if (error) return { error: error.textContent ?? "" };
      return undefined;
    },

    cartCommitsSince(mark: Mark): CartCommit[] {
      return probe.cartCommits.slice(mark.cartCommitIndex);
    },

    /**
     * Round trips on the way to a moment (wall clock): the longest chain of requests since
     * the mark, each sent after the one before it in the chain was answered, among those
     * answered by then (and after `answeredAfter`, when the wait starts later than the mark).
     * Counted from the fake's log, so it does not depend on the machine.
     */
    roundTripsUntil(mark: Mark, wallAt: number, answeredAfter = 0): number {
      const requests = app
        .requestsSince(mark)
        .filter((request) => request.finishedAt <= wallAt && request.finishedAt > answeredAfter)
        .sort((a, b) => a.startedAt - b.startedAt);
      const depth = new Map<RecordedRequest, number>();
      for (const request of requests) {
        const before = requests.filter((other) => other.finishedAt <= request.startedAt);
        depth.set(request, 1 + Math.max(0, ...before.map((other) => depth.get(other) ?? 0)));
      }
      return Math.max(0, ...depth.values());
    },

    submitLogin({ email, password }: Credentials): void {
      const form = container.querySelector<HTMLFormElement>('form[aria-label="Log in"]');
      if (!form) throw new Error(`${implementation.name}: no login form to submit.`);
      form.querySelector<HTMLInputElement>('input[name="email"]')!.value = email;
      form.querySelector<HTMLInputElement>('input[name="password"]')!.value = password;
      form.requestSubmit();
    },

    isSignedIn(): boolean {
      return container.querySelector('form[aria-label="Log in"]') === null;
    },

    clickLogout(): void {
      const button = [...container.querySelectorAll("button")].find(
        (candidate) => candidate.textContent === "Log out",
      );
      if (!button) throw new Error(`${implementation.name}: no "Log out" button.`);
      button.click();
    },

    /** Requests answered since the mark, auth left out. */
    requestsSince(mark: Mark): RecordedRequest[] {
      return fake.requests.filter(
        (request) => !mark.seenRequestIds.has(request.id) && !AUTH_ENDPOINTS.has(request.endpoint),
      );
    },

    requestCountsSince(mark: Mark): RequestCounts {
      const requests = app.requestsSince(mark);
      const count = (endpoint: RecordedRequest["endpoint"]) =>
        requests.filter((request) => request.endpoint === endpoint).length;
      return {
        association: count("associate") + count("associate-account"),
        list: count("list-carts"),
        cart: count("get-cart"),
        merge: count("add-items"),
        total: requests.length,
      };
    },

    commitsSince(mark: Mark): ListCommit[] {
      return probe.commits.slice(mark.commitIndex);
    },

    /** When the first login after the mark resolved (the customer token arrived). */
    loginResolvedSince(mark: Mark): number | undefined {
      return probe.loginsResolvedAt[mark.loginIndex];
    },

    /**
     * When every "My carts" on the page had first shown exactly `expected` (as a set: the
     * order after an association is not documented), or undefined if one never did.
     */
    correctSince(mark: Mark, expected: ReadonlySet<string>): number | undefined {
      let latest = 0;
      for (const listId of listIds()) {
        const first = app
          .commitsSince(mark)
          .find((commit) => commit.listId === listId && sameSet(commit.cartIds, expected));
        if (!first) return undefined;
        latest = Math.max(latest, first.at);
      }
      return latest;
    },

    /** Milliseconds from the login's answer to the correct list, or null if it never came. */
    msToCorrectList(mark: Mark, expected: ReadonlySet<string>): number | null {
      const loggedInAt = app.loginResolvedSince(mark);
      const correctAt = app.correctSince(mark, expected);
      if (loggedInAt === undefined || correctAt === undefined) return null;
      return Math.round(correctAt - loggedInAt);
    },

    /**
     * Milliseconds from the login's answer to the first commit showing any cart: one plain
     * round trip of a query in this harness, the floor for anything that must be confirmed.
     */
    msToFirstList(mark: Mark): number | null {
      const loggedInAt = app.loginResolvedSince(mark);
      const first = app
        .commitsSince(mark)
        .find(
          (commit) =>
            loggedInAt !== undefined && commit.at >= loggedInAt && commit.cartIds.length > 0,
        );
      if (loggedInAt === undefined || !first) return null;
      return Math.round(first.at - loggedInAt);
    },

    /** Prints what happened since the mark, for `BENCH_DEBUG=1`. */
    trace(mark: Mark, label: string): void {
      if (!process.env.BENCH_DEBUG) return;
      const origin = app.loginResolvedSince(mark) ?? 0;
      const wallOrigin = Date.now() - (performance.now() - origin);
      console.log(`\n— ${label} / ${implementation.name} (ms from the login's answer)`);
      for (const request of fake.requests.filter((r) => !mark.seenRequestIds.has(r.id))) {
        console.log(
          `  req ${String(request.startedAt - wallOrigin).padStart(6)} → ${String(request.finishedAt - wallOrigin).padStart(6)}  ${request.method} ${request.path} ${request.status}`,
        );
      }
      for (const event of cacheEvents.filter((e) => e.at >= origin - 500)) {
        console.log(`  cache ${(event.at - origin).toFixed(1).padStart(9)}  ${event.what}`);
      }
      for (const commit of app.commitsSince(mark)) {
        console.log(
          `  commit ${(commit.at - origin).toFixed(1).padStart(8)}  list ${commit.listId}: ${commit.cartIds.length} carts`,
        );
      }
    },

    unmount(): void {
      root.unmount();
      container.remove();
      queryClient.clear();
    },
  };
  return app;
}
