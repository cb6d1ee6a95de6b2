/**
 * The five invariants of issue 7, as checks over what the tabs rendered, what crossed the
 * wire and what the caches hold. Each returns sentences; an empty list means it holds.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { CustomerSession } from "../../../src";
import type { RecordedRequest } from "../../../src/testing";
import type { CartName, Tab } from "./program";
import type { RenderRecord } from "./storefront";

export interface World {
  customers: Record<"A" | "B", string>;
  carts: Record<CartName, string>;
  /** Every cart ever tied to each customer: seeded, or associated during the program. */
  owned: Map<string, Set<string>>;
}

export interface TabSnapshot {
  tab: Tab;
  session: CustomerSession;
  sessionAtLastCheck: CustomerSession;
  queryClient: QueryClient;
  /** Renders since the previous check. */
  renders: RenderRecord[];
}

export interface CheckContext {
  world: World;
  requests: readonly RecordedRequest[];
  tabs: TabSnapshot[];
  /** A logout step ran (in either tab) since the last check. */
  loggedOutSinceCheck: boolean;
  /** Whether the session's token may have been revoked (`expireCustomerTokens` after it was asked for). */
  mayBeRevoked(session: CustomerSession): boolean;
  loginSteps: Record<Tab, number>;
  /** TanStack `failed` actions (a retry is coming) whose error was not a transient one. */
  retriedErrors: string[];
  consoleErrors: string[];
  unhandled: string[];
}

/** Statuses that would fail the same way if sent again (public-api.md, Retries). */
const FINAL_STATUSES = new Set([400, 401, 403, 422]);

const tabOf = (request: RecordedRequest) => request.headers["x-test-tab"] ?? "-";
const customerTokenOf = (request: RecordedRequest) => request.headers["x-moltin-customer-token"];
const associationPair = (request: RecordedRequest) => ({
  cartId: request.path.split("/")[3],
  customerId: (request.body as { data?: Array<{ id?: string }> } | undefined)?.data?.[0]?.id,
});

/** 1. No render shows a cart list of anyone but the signed-in customer; nothing while signed out. */
function foreignCartsShown({ tabs, world }: CheckContext): string[] {
  const found: string[] = [];
  for (const { renders } of tabs) {
    for (const render of renders) {
      const where = `tab ${render.tab} ${render.widget}`;
      if (render.customerId === null) {
        if (render.cartIds !== null) found.push(`${where} showed carts while signed out`);
        if (render.associatedCustomerId !== undefined) {
          found.push(`${where} showed an association while signed out`);
        }
        continue;
      }
      const owned = world.owned.get(render.customerId) ?? new Set();
      const foreign = (render.cartIds ?? []).filter((cartId) => !owned.has(cartId));
      if (foreign.length > 0) {
        found.push(`${where} showed carts ${foreign.join(", ")} to customer ${render.customerId}`);
      }
      if (
        render.associatedCustomerId !== undefined &&
        render.associatedCustomerId !== render.customerId
      ) {
        found.push(
          `${where} showed ${render.associatedCustomerId}'s association to ${render.customerId}`,
        );
      }
    }
  }
  return found;
}

/** 2 (second half). At most one successful association call per (cart, customer) in a session (one token). */
function repeatedAssociations({ requests }: CheckContext): string[] {
  const successes = new Map<string, number>();
  for (const request of requests) {
    if (request.endpoint !== "associate" || (request.status !== 200 && request.status !== 204)) {
      continue;
    }
    const { cartId, customerId } = associationPair(request);
    const key = `cart ${cartId} / customer ${customerId} / token …${customerTokenOf(request)?.slice(-6)}`;
    successes.set(key, (successes.get(key) ?? 0) + 1);
  }
  return [...successes]
    .filter(([, count]) => count > 1)
    .map(([key, count]) => `${count} successful association calls for ${key}`);
}

/**
 * 3. Nothing that must not be retried was retried: no TanStack retry after a 4xx (seen in the
 * caches), and on the wire no second send of a call answered 400/401/403/422 — except the
 * SDK's own single re-send of a GET after a 401 with a fresh bearer (ep-api-contract.md).
 * Logins are never retried at all: no more login calls than the program made.
 */
function forbiddenRetries(context: CheckContext): string[] {
  const found = [...context.retriedErrors];
  const identity = (r: RecordedRequest) =>
    JSON.stringify([tabOf(r), r.endpoint, r.method, r.path, r.query, customerTokenOf(r), r.body]);
  const { requests } = context;
  for (const refused of requests) {
    if (typeof refused.status !== "number" || !FINAL_STATUSES.has(refused.status)) continue;
    if (refused.endpoint === "customer-token") continue; // counted below: a wrong password may be typed twice
    const resent = requests.filter(
      (later) =>
        later.id > refused.id &&
        later.startedAt >= refused.finishedAt &&
        identity(later) === identity(refused),
    );
    const allowed = refused.status === 401 && refused.method === "GET" ? 1 : 0;
    if (resent.length > allowed) {
      found.push(
        `request ${refused.id} (${refused.method} ${refused.path} → ${refused.status}) was sent again as ${resent.map((r) => r.id).join(", ")}`,
      );
    }
  }
  for (const tab of ["A", "B"] as const) {
    const logins = requests.filter((r) => r.endpoint === "customer-token" && tabOf(r) === tab);
    if (logins.length > context.loginSteps[tab]) {
      found.push(
        `tab ${tab} sent ${logins.length} logins for ${context.loginSteps[tab]} login steps`,
      );
    }
  }
  return found;
}

/** 4. No unhandled promise rejection, no React error or act warning (both reach console.error). */
function noisyFailures({ consoleErrors, unhandled }: CheckContext): string[] {
  return [
    ...consoleErrors.map((message) => `console.error: ${message.slice(0, 400)}`),
    ...unhandled.map((reason) => `unhandled rejection: ${reason.slice(0, 400)}`),
  ];
}

/** What one QueryClient caches, as text: `scoped` is what names its owner (keys, mutation variables and results), `all` everything. */
export function cachedText(
  queryClient: QueryClient,
): Array<{ entry: string; scoped: string; all: string }> {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => ({
      entry: `query ${JSON.stringify(query.queryKey)}`,
      scoped: JSON.stringify(query.queryKey),
      all: JSON.stringify([query.queryKey, query.state.data]),
    }));
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => {
      const text = JSON.stringify([
        mutation.options.mutationKey,
        mutation.state.variables,
        mutation.state.data,
      ]);
      return {
        entry: `mutation ${JSON.stringify(mutation.options.mutationKey ?? "(no key)")} ${mutation.state.status}`,
        scoped: text,
        all: text,
      };
    });
  return [...queries, ...mutations];
}

/**
 * 5. Once a customer's session is over in a tab (logout there or in the other tab, expiry,
 * a 401, another login), that tab's caches hold nothing of theirs: no entry scoped to them
 * (a cart list, an association, a login), and no token of a session that ended anywhere.
 * (A cart's own data may name several customers: Elastic Path lets a cart have many.)
 */
function leftoverCustomerData({ tabs, world, requests }: CheckContext): string[] {
  const found: string[] = [];
  const tokens = new Set<string>();
  for (const request of requests) {
    const token = customerTokenOf(request);
    if (token) tokens.add(token);
  }
  for (const { session } of tabs) if (session.status === "signed-in") tokens.add(session.token);

  for (const { tab, session, queryClient } of tabs) {
    const current = session.status === "signed-in" ? session : undefined;
    const ended = Object.values(world.customers).filter((id) => id !== current?.customerId);
    const endedTokens = [...tokens].filter((token) => token !== current?.token);
    for (const { entry, scoped, all } of cachedText(queryClient)) {
      for (const customerId of ended) {
        if (scoped.includes(customerId)) {
          found.push(`tab ${tab} still caches ${entry} of customer ${customerId}`);
        }
      }
      if (endedTokens.some((token) => all.includes(token))) {
        found.push(`tab ${tab} still caches a token of an ended session in ${entry}`);
      }
    }
  }
  return found;
}

/**
 * A session lasts from login to logout or expiry (public-api.md): it may end by itself only
 * when its token may have been revoked. Catches a stale 401 (an old token's answer) ending
 * the next session of the same customer.
 */
function unexplainedSignOuts({ tabs, loggedOutSinceCheck, mayBeRevoked }: CheckContext): string[] {
  if (loggedOutSinceCheck) return [];
  return tabs
    .filter(
      ({ session, sessionAtLastCheck: before }) =>
        before.status === "signed-in" && session.status === "signed-out" && !mayBeRevoked(before),
    )
    .map(({ tab, sessionAtLastCheck: before }) => {
      const customerId = before.status === "signed-in" ? before.customerId : "?";
      return `tab ${tab} signed customer ${customerId} out with no logout and a valid token`;
    });
}

export function findViolations(context: CheckContext): string[] {
  return [
    ...unexplainedSignOuts(context),
    ...foreignCartsShown(context),
    ...repeatedAssociations(context),
    ...forbiddenRetries(context),
    ...noisyFailures(context),
    ...leftoverCustomerData(context),
  ];
}
