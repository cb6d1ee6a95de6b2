/**
 * Runs one program against the fake Elastic Path: two tabs on one page sharing
 * localStorage, each its own React root, QueryClient, SDK client and provider. Checks the
 * invariants of issue 7 after every step and once everything has settled.
 */
import { createShopperClient } from "@epcc-sdk/sdks-shopper";
import { QueryClient } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import { vi } from "vitest";
import { ElasticPathError, type CustomerSession } from "../../../src";
import { createFakeElasticPath, type FakeElasticPath } from "../../../src/testing";
import { memoryStorage } from "../../support/memoryStorage";
import { server } from "../../support/server";
import { findViolations, type CheckContext, type World } from "./invariants";
import type { CartName, Program, Step, Tab, Widget } from "./program";
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
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const associationOf = (body: unknown) => (body as { data: Array<{ id: string }> }).data[0]!.id;

function seedWorld(fake: FakeElasticPath): World {
  const a = fake.seedCustomer(CUSTOMER_A);
  const b = fake.seedCustomer(CUSTOMER_B);
  fake.seedCarts(2, { customerIds: [a.id], name: "Ada's older" });
  fake.seedCarts(1, { customerIds: [b.id], name: "Grace's older" });
  const carts: Record<CartName, string> = {
    guest: fake.seedCart({ name: "Guest", items: [{ name: "Socks", quantity: 2, amount: 500 }] })
      .id,
    guest2: fake.seedCart({ name: "Second guest" }).id,
    // Guest checkout details: Elastic Path refuses to associate it (422), for good.
    contact: fake.seedCart({ name: "Checkout", contactEmail: "guest@example.com" }).id,
    // Never seeded: carts exist on demand, the association creates it.
    unseen: `unseen-${crypto.randomUUID()}`,
    ofA: fake.seedCart({ name: "Ada's", customerIds: [a.id] }).id,
    ofB: fake.seedCart({ name: "Grace's", customerIds: [b.id] }).id,
  };
  const owned = new Map<string, Set<string>>([
    [a.id, new Set(fake.cartsOf(a.id).map((cart) => cart.id!))],
    [b.id, new Set(fake.cartsOf(b.id).map((cart) => cart.id!))],
  ]);
  return { customers: { A: a.id, B: b.id }, carts, owned };
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
  const world = seedWorld(fake);
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

  // A render may show any cart ever tied to its customer: seeded, or associated since.
  cleanups.push(
    fake.onRequest((request) => {
      if (request.endpoint !== "associate") return;
      if (request.status !== 200 && request.status !== 204) return;
      world.owned.get(associationOf(request.body))?.add(request.path.split("/")[3]!);
    }),
  );

  // When each customer token was asked for, and when each customer's tokens were revoked:
  // a session may end by itself only if its token may have been revoked.
  const tokenRequestedAt = new Map<string, number>();
  const expiredAt: Record<string, number[]> = {};
  const mayBeRevoked = (session: CustomerSession) =>
    session.status === "signed-in" &&
    (expiredAt[session.customerId] ?? []).some(
      (time) => time >= (tokenRequestedAt.get(session.token) ?? 0),
    );
  const recordingFetch = async (request: Request) => {
    const sentAt = Date.now();
    const response = await globalThis.fetch(request);
    if (response.ok && new URL(request.url).pathname === "/v2/customers/tokens") {
      const body = (await response.clone().json()) as { data: { token: string } };
      tokenRequestedAt.set(body.data.token, sentAt);
    }
    return response;
  };

  const retriedErrors: string[] = [];
  // Automatic associations that gave up after their retries (faults on the token and the
  // association endpoints add up): the package tries again at the next mount, so may the end.
  let gaveUp = 0;

  function openTab(tab: Tab, widgets: MountedWidget[], strict: boolean): OpenTab {
    const { client } = createShopperClient(
      // The header tells the tabs apart in the fake's request log.
      { baseUrl: fake.baseUrl, headers: { "X-Test-Tab": tab }, fetch: recordingFetch },
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
      // Tab B talks to tab A the way another browser tab would: through `storage` events.
      ...(tab === "B"
        ? {
            sessionStorage: otherTabStorage("_epcc_customer_session"),
            cartIdStorage: otherTabStorage("_store_ep_cart"),
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
        if (event.type === "updated" && event.action.type === "failed") {
          noteRetry(event.action.error, `query ${JSON.stringify(event.query.queryKey)}`);
        }
      }),
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== "updated") return;
        const key = JSON.stringify(event.mutation.options.mutationKey);
        if (event.action.type === "failed") noteRetry(event.action.error, `mutation ${key}`);
        const { action } = event;
        if (action.type === "error" && key.includes('"automatic"')) {
          if (action.error instanceof ElasticPathError && action.error.retryable) gaveUp += 1;
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

  const loginSteps: Record<Tab, number> = { A: 0, B: 0 };
  const injected: Record<string, number> = {};
  let nextWidgetId = 1;
  let loggedOutSinceCheck = false;
  const sessionsAtLastCheck: Record<Tab, CustomerSession> = {
    A: controls("A").session,
    B: controls("B").session,
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

  async function apply(step: Step) {
    switch (step.kind) {
      case "login":
        loginSteps[step.tab] += 1;
        // `mutate` reports failures in the hook's state; a storefront shows them, nothing throws.
        return controls(step.tab).login.mutate(CREDENTIALS[step.who]);
      case "logout":
        loggedOutSinceCheck = true;
        return controls(step.tab).logout();
      case "setCart":
        return controls(step.tab).setCartId(world.carts[step.cart]);
      case "clearCart":
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
        const name = `${step.endpoint} ${"network" in step.fault ? "network" : step.fault.status}`;
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
        const customerId = world.customers[step.who];
        (expiredAt[customerId] ??= []).push(Date.now());
        return fake.expireCustomerTokens(customerId);
      }
      case "wait":
        return sleep(step.ms);
    }
  }

  const violations: string[] = [];
  function check(when: string) {
    const context: CheckContext = {
      world,
      requests: fake.requests,
      tabs: (["A", "B"] as const).map((tab) => ({
        tab,
        session: controls(tab).session,
        sessionAtLastCheck: sessionsAtLastCheck[tab],
        queryClient: tabs[tab].options.queryClient,
        renders: tabs[tab].options.probe.renders.splice(0),
      })),
      loggedOutSinceCheck,
      mayBeRevoked,
      loginSteps,
      retriedErrors: retriedErrors.splice(0),
      consoleErrors: consoleErrors.splice(0),
      unhandled: unhandled.splice(0),
    };
    for (const violation of findViolations(context)) violations.push(`${when}: ${violation}`);
    loggedOutSinceCheck = false;
    for (const tab of ["A", "B"] as const) sessionsAtLastCheck[tab] = controls(tab).session;
  }

  /**
   * 1, once settled: every mounted list of a signed-in tab shows that customer's carts, or a
   * transient failure that outlived its retries; never a final error (a stale 401) nor nothing.
   */
  function listsLeftBehind(): string[] {
    const found: string[] = [];
    for (const tab of ["A", "B"] as const) {
      const { widgets, options } = tabs[tab];
      for (const { id, widget } of widgets) {
        const shown = options.probe.latest.get(id);
        if (!shown || shown.customerId === null || (widget !== "carts" && widget !== "infinite")) {
          continue;
        }
        if (shown.error && !shown.error.retryable) {
          found.push(
            `tab ${tab} ${widget} shows a final error (${shown.error.status}) to a signed-in customer`,
          );
        } else if (!shown.error && shown.cartIds === null) {
          found.push(`tab ${tab} ${widget} shows nothing to a signed-in customer`);
        }
      }
    }
    return found;
  }

  /**
   * 2 (first half). The cart current at the end, with a customer signed in, is associated
   * with them, unless Elastic Path refuses it for good (a guest checkout cart, 422).
   */
  function unassociatedAtTheEnd(): string | undefined {
    const { session, cartId } = controls("A");
    if (session.status !== "signed-in" || cartId === undefined || cartId === world.carts.contact) {
      return undefined;
    }
    const associated = fake
      .associations()
      .some((pair) => pair.cartId === cartId && pair.customerId === session.customerId);
    return associated
      ? undefined
      : `cart ${cartId} is not associated with the signed-in customer ${session.customerId}`;
  }

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
        mount("A", "associate");
      });
      let settled = await settle();
      // Each give-up earns one more page view; faults are finite, so this ends.
      for (let visits = 0; settled && visits < gaveUp && unassociatedAtTheEnd(); visits += 1) {
        await act(async () => mount("A", "associate"));
        settled = await settle();
      }
      if (!settled) violations.push(`did not settle within ${SETTLE_LIMIT_MS} ms`);
      check("at the end");
      const { session, cartId } = controls("A");
      if (session.status === "signed-in" && cartId !== undefined) stats.endedSignedInWithCart += 1;
      violations.push(...listsLeftBehind().map((violation) => `at the end: ${violation}`));
      const unassociated = unassociatedAtTheEnd();
      if (unassociated) violations.push(`at the end: ${unassociated}`);
    }
  } finally {
    stats.programs += 1;
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
