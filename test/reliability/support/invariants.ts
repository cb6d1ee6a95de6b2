/**
 * The invariants of issue 7, for both kinds of shopper (customers, and account members
 * acting for an account), as checks over what the tabs rendered, what crossed the wire and
 * what the caches hold. Each returns sentences; an empty list means it holds.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { AccountSession, CustomerSession } from "../../../src";
import { CART_CHANGE } from "../../../src/core/keys";
import { loginMutationKey } from "../../../src/core/keys";
import type { RecordedRequest } from "../../../src/testing";
import type { CartName, GuestCartPolicy, ShopperKind, Tab } from "./program";
import type { RenderRecord } from "./storefront";

export interface World {
  customers: Record<"A" | "B", string>;
  accounts: Record<"X" | "Y" | "Z", string>;
  /** Account member ids, and their accounts in membership order. */
  members: Record<"M" | "N", { id: string; accountIds: [string, string] }>;
  carts: Record<CartName, string>;
  /** Every cart ever tied to each owner (customer or account): seeded, or associated during the program. */
  owned: Map<string, Set<string>>;
  /** Each owner's carts as seeded (customer or account id → cart ids). */
  seededOwned: Map<string, Set<string>>;
  /** The owners that had carts of their own from the start (a merge always finds one of theirs). */
  startedWithCarts: Set<string>;
  /** Every seeded cart's items as seeded: quantity by SKU. */
  seededItems: Map<string, Quantities>;
  /** The providers' `guestCartOnLogin`, the same in both tabs. */
  policy: GuestCartPolicy;
  /** The catalog product the cart page adds. */
  product: string;
  /** Carts a shopper's token created during the program (the cart page's first add): theirs from the start. */
  createdBy: Map<string, string>;
}

/** The SKUs the cart page adds: counted by adds (invariant 11), not by merges (invariant 9). */
export const ADDED_SKU_PREFIX = "added-";

/** A cart's items: quantity by SKU (every seeded item has one). */
export type Quantities = Map<string, number>;

/** Whoever a tab has signed in, as the invariants see them. */
export interface ShopperView {
  kind: ShopperKind;
  /** Whose carts: the customer's id, or the selected account's. */
  ownerId: string;
  /** Who logged in: the customer, or the account member. */
  principal: string;
  /** The token requests are made with. */
  token: string;
  /** Every token of the session: the customer's, or one per account of the member. */
  tokens: string[];
}

/** The shopper of a tab's two sessions (one at a time: `bothSignedIn` checks that). */
export function shopperOf(
  customer: CustomerSession,
  account: AccountSession,
): ShopperView | undefined {
  if (account.status === "signed-in") {
    return {
      kind: "account",
      ownerId: account.accountId,
      principal: account.accountMemberId,
      token: account.token,
      tokens: account.accounts.map(({ token }) => token),
    };
  }
  if (customer.status === "signed-in") {
    const { customerId, token } = customer;
    return { kind: "customer", ownerId: customerId, principal: customerId, token, tokens: [token] };
  }
  return undefined;
}

export interface TabSnapshot {
  tab: Tab;
  customer: CustomerSession;
  account: AccountSession;
  shopper: ShopperView | undefined;
  shopperAtLastCheck: ShopperView | undefined;
  cartId: string | undefined;
  queryClient: QueryClient;
  /** Renders since the previous check. */
  renders: RenderRecord[];
}

/**
 * What a tab saw happen, in order (`seq` counts across tabs): answers that reached its SDK
 * client, changes the package made to its cached lists (an invalidation or a write), and
 * associations that settled as no-ops (204).
 */
export type SeenEvent = { tab: Tab } & (
  | {
      type: "answer";
      endpoint: "login" | "associate";
      status: number;
      cartId?: string;
      ownerId?: string;
    }
  | { type: "list-change"; ownerId: string }
  | { type: "no-op"; cartId: string; ownerId: string }
);
export type TabEvent = SeenEvent & { seq: number };

export interface CheckContext {
  world: World;
  requests: readonly RecordedRequest[];
  tabs: TabSnapshot[];
  /** A logout step (of either kind, in either tab) ran since the last check. */
  loggedOutSinceCheck: boolean;
  /** Logout steps of one kind run while a shopper of the other kind was signed in, since the last check. */
  idleLogouts: Array<{ tab: Tab; kind: ShopperKind; token: string; cartId: string | undefined }>;
  /** Tokens handed out by logins answered since the last check (one per account for a member). */
  loginsSinceCheck: string[];
  /** Every token Elastic Path handed out so far. */
  issuedTokens: string[];
  /** Whether a token may have been revoked (its customer's or member's tokens expired after it was asked for). */
  mayBeRevoked(token: string): boolean;
  loginSteps: Record<Tab, Record<ShopperKind, number>>;
  /** "Add to cart" clicks so far, per tab. */
  addSteps: Record<Tab, number>;
  /** "Place order" clicks so far, per tab. */
  checkoutSteps: Record<Tab, number>;
  /** Every order Elastic Path holds now. */
  orders: ReadonlyArray<{ id: string; external_ref?: string }>;
  events: readonly TabEvent[];
  /** TanStack `failed` actions (a retry is coming) whose error was not a transient one. */
  retriedErrors: string[];
  consoleErrors: string[];
  unhandled: string[];
  /** The customer, or the account, a shopper token was handed out for. */
  ownerOfToken(token: string | undefined): string | undefined;
  /** A cart's items as Elastic Path holds them now (the fake's `cartItems`), if it exists. */
  itemsOf(cartId: string): Quantities | undefined;
  /** A request has reached the fake and is not answered yet: what it changed may not be logged. */
  inAir: boolean;
}

/** An item added to a cart (a product or a custom item), as the cart page sends it: not a merge, not a promotion code. */
const isItemAdd = (request: RecordedRequest) =>
  request.endpoint === "add-items" &&
  ["cart_item", "custom_item"].includes(
    (request.body as { data?: { type?: string } } | undefined)?.data?.type ?? "",
  );
/** What the cart page's quantity and removal buttons send. */
const ITEM_ENDPOINTS = new Set(["update-item", "delete-item"]);

/** Statuses that would fail the same way if sent again (public-api.md, Retries). */
const FINAL_STATUSES = new Set([400, 401, 403, 422]);
const ASSOCIATE_ENDPOINTS = new Set(["associate", "associate-account"]);
const LOGIN_ENDPOINTS: Record<ShopperKind, string> = {
  customer: "customer-token",
  account: "account-member-token",
};

const tabOf = (request: RecordedRequest) => request.headers["x-test-tab"] ?? "-";
const customerTokenOf = (request: RecordedRequest) => request.headers["x-moltin-customer-token"];
const accountTokenOf = (request: RecordedRequest) =>
  request.headers["ep-account-management-authentication-token"];
export const shopperTokenOf = (request: RecordedRequest) =>
  customerTokenOf(request) ?? accountTokenOf(request);
/** A relationship request's cart and owner: `/v2/carts/:cartId/relationships/...`, `{ data: [{ id }] }`. */
export const associationPair = (path: string, body: unknown) => ({
  cartId: path.split("/")[3],
  ownerId: (body as { data?: Array<{ id?: string }> } | undefined)?.data?.[0]?.id,
});

/** A merge (`POST /v2/carts/:target/items` with `cart_items`): which cart into which, for whom. */
export interface MergeRequest {
  request: RecordedRequest;
  sourceId: string;
  targetId: string;
  /** The customer or account of the token it was sent with. */
  ownerId: string;
}

/** The merges among the requests, in arrival order; other add-items requests are left out. */
export function mergesIn(
  requests: readonly RecordedRequest[],
  ownerOfToken: (token: string | undefined) => string | undefined,
): MergeRequest[] {
  return requests.flatMap((request) => {
    if (request.endpoint !== "add-items") return [];
    const data = (request.body as { data?: unknown } | undefined)?.data;
    const entry = (Array.isArray(data) ? data[0] : data) as
      { type?: unknown; cart_id?: unknown } | undefined;
    if (entry?.type !== "cart_items" || typeof entry.cart_id !== "string") return [];
    const ownerId = ownerOfToken(shopperTokenOf(request)) ?? "(an unknown token)";
    return [{ request, sourceId: entry.cart_id, targetId: request.path.split("/")[3]!, ownerId }];
  });
}

/**
 * Whether Elastic Path may have applied a request: it answered 2xx, or the client cannot
 * know (a 5xx, or no answer at all). A 4xx, a 429 included, proves nothing changed.
 */
export const mayHaveApplied = ({ status }: RecordedRequest): boolean =>
  typeof status !== "number" || status < 400 || status >= 500;

const mergeName = ({ request, sourceId, targetId, ownerId }: MergeRequest) =>
  `merge ${request.id} (cart ${sourceId} into ${targetId} for ${ownerId}, answered ${request.status})`;

const ownerKind = (world: World, ownerId: string | undefined) =>
  Object.values(world.customers).includes(ownerId ?? "") ? "customer" : "account";

/**
 * 1. No render shows a cart list of anyone but the owner its session names — the signed-in
 * customer, or the selected account — and nothing while no shopper of its kind is signed in.
 */
function foreignCartsShown({ tabs, world }: CheckContext): string[] {
  const found: string[] = [];
  for (const { renders } of tabs) {
    for (const render of renders) {
      const where = `tab ${render.tab} ${render.widget}`;
      if (render.ownerId === null) {
        if (render.cartIds !== null) found.push(`${where} showed carts while signed out`);
        if (render.associatedOwnerId !== undefined) {
          found.push(`${where} showed an association while signed out`);
        }
        continue;
      }
      const owned = world.owned.get(render.ownerId) ?? new Set();
      const foreign = (render.cartIds ?? []).filter((cartId) => !owned.has(cartId));
      const owner = `${ownerKind(world, render.ownerId)} ${render.ownerId}`;
      if (foreign.length > 0) found.push(`${where} showed carts ${foreign.join(", ")} to ${owner}`);
      if (render.associatedOwnerId !== undefined && render.associatedOwnerId !== render.ownerId) {
        found.push(`${where} showed ${render.associatedOwnerId}'s association to ${owner}`);
      }
    }
  }
  return found;
}

/** One shopper at a time: no tab is signed in as a customer and an account member at once. */
function bothSignedIn({ tabs }: CheckContext): string[] {
  return tabs
    .filter(
      ({ customer, account }) => customer.status === "signed-in" && account.status === "signed-in",
    )
    .map(({ tab }) => `tab ${tab} is signed in as a customer and as an account member at once`);
}

/** …and no request ever carries both shopper tokens (Elastic Path refuses them together). */
function bothShopperTokens({ requests }: CheckContext): string[] {
  return requests
    .filter((request) => customerTokenOf(request) && accountTokenOf(request))
    .map(
      (request) =>
        `request ${request.id} (${request.method} ${request.path}) carried a customer and an account token`,
    );
}

/**
 * 2 (second half). At most one successful association call per (cart, owner) in a session
 * (one token), of either kind; a 204 counts: it settles the pair as a 200 does.
 */
function repeatedAssociations({ requests }: CheckContext): string[] {
  const successes = new Map<string, number>();
  for (const request of requests) {
    if (!ASSOCIATE_ENDPOINTS.has(request.endpoint)) continue;
    if (request.status !== 200 && request.status !== 204) continue;
    const { cartId, ownerId } = associationPair(request.path, request.body);
    const key = `cart ${cartId} / ${request.endpoint} ${ownerId} / token …${shopperTokenOf(request)?.slice(-6)}`;
    successes.set(key, (successes.get(key) ?? 0) + 1);
  }
  return [...successes]
    .filter(([, count]) => count > 1)
    .map(([key, count]) => `${count} successful association calls for ${key}`);
}

/**
 * 204 is a no-op: an association answered 204 settles without touching the tab's cached
 * lists of that owner (no invalidation, no write) — unless something else that changes them
 * happened meanwhile (a login, another association's 200 for the owner).
 */
function churnAfterNoOps({ events }: CheckContext): string[] {
  const found: string[] = [];
  events.forEach((settled, index) => {
    if (settled.type !== "no-op") return;
    const { tab, cartId, ownerId } = settled;
    const answeredAt = events.findLastIndex(
      (event, at) =>
        at < index &&
        event.type === "answer" &&
        event.tab === tab &&
        event.status === 204 &&
        event.cartId === cartId &&
        event.ownerId === ownerId,
    );
    if (answeredAt < 0) return;
    const meanwhile = events.slice(answeredAt + 1, index);
    const explained = meanwhile.some(
      (event) =>
        event.type === "answer" &&
        (event.endpoint === "login" || (event.status === 200 && event.ownerId === ownerId)),
    );
    const churn = meanwhile.filter(
      (event) => event.type === "list-change" && event.tab === tab && event.ownerId === ownerId,
    );
    if (!explained && churn.length > 0) {
      found.push(
        `tab ${tab}: the 204 for cart ${cartId} / ${ownerId} changed ${churn.length} cached list(s) of that owner`,
      );
    }
  });
  return found;
}

/**
 * 3. Nothing that must not be retried was retried: no TanStack retry after a 4xx (seen in the
 * caches), and on the wire no second send of a call answered 400/401/403/422 — except the
 * SDK's own single re-send of a GET after a 401 with a fresh bearer (ep-api-contract.md).
 * Logins of either kind are never retried at all: no more login calls than the program made.
 */
function forbiddenRetries(context: CheckContext): string[] {
  const found = [...context.retriedErrors];
  const identity = (r: RecordedRequest) =>
    JSON.stringify([tabOf(r), r.endpoint, r.method, r.path, r.query, shopperTokenOf(r), r.body]);
  const { requests } = context;
  const logins = new Set(Object.values(LOGIN_ENDPOINTS));
  for (const refused of requests) {
    if (typeof refused.status !== "number" || !FINAL_STATUSES.has(refused.status)) continue;
    if (logins.has(refused.endpoint)) continue; // counted below: a wrong password may be typed twice
    // A click on the cart page may be repeated: adds are counted by invariant 11, and a
    // quantity change or removal retried after a 4xx shows in `retriedErrors`.
    if (isItemAdd(refused) || ITEM_ENDPOINTS.has(refused.endpoint)) continue;
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
    for (const [kind, endpoint] of Object.entries(LOGIN_ENDPOINTS) as Array<
      [ShopperKind, string]
    >) {
      const sent = requests.filter((r) => r.endpoint === endpoint && tabOf(r) === tab).length;
      const steps = context.loginSteps[tab][kind];
      if (sent > steps)
        found.push(`tab ${tab} sent ${sent} ${kind} logins for ${steps} login steps`);
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

interface CachedEntry {
  entry: string;
  /** Query keys; mutation keys and variables: where no token may ever be. */
  keys: string;
  /** What names the entry's owner: keys, and mutation results. */
  scoped: string;
  /** Everything, data included. */
  all: string;
  /**
   * A login of either kind: its variables are what the shopper typed (an email, the account
   * asked for), its data the session it started, tokens and all.
   */
  login?: { session?: { token: string } };
}

const isLogin = (mutationKey: unknown) =>
  Array.isArray(mutationKey) &&
  loginMutationKey.every((part, index) => mutationKey[index] === part);

/** What one QueryClient caches, as text. */
export function cachedText(queryClient: QueryClient): CachedEntry[] {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => {
      const keys = JSON.stringify(query.queryKey);
      return {
        entry: `query ${keys}`,
        keys,
        scoped: keys,
        all: JSON.stringify([query.queryKey, query.state.data]),
      };
    });
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => {
      const { mutationKey } = mutation.options;
      const { variables, data, status, error, failureReason } = mutation.state;
      // A cart change's data is the cart's own contents, which may name several owners, as
      // the cart's query does (invariant 5): what is scoped to a shopper is its key and variables.
      const isCartChange = Array.isArray(mutationKey) && mutationKey.at(-1) === CART_CHANGE;
      const scoped = JSON.stringify([mutationKey, variables, isCartChange ? null : data]);
      // As an error reporter or persister would write them: errors with message and cause.
      const failures = [error, failureReason].map((failure) =>
        failure instanceof Error ? [failure.message, String(failure.cause)] : failure,
      );
      return {
        entry: `mutation ${JSON.stringify(mutationKey ?? "(no key)")} ${status}`,
        keys: JSON.stringify([mutationKey, variables]),
        scoped,
        all: JSON.stringify([mutationKey, variables, data, failures]),
        login: isLogin(mutationKey)
          ? { session: data as { token: string } | undefined }
          : undefined,
      };
    });
  return [...queries, ...mutations];
}

/**
 * 5. Once a shopper's session is over in a tab (logout there or in the other tab, expiry,
 * a 401, another login of either kind, an account switch), that tab's caches hold nothing
 * of theirs: no entry scoped to them (a cart list, an association), no login result but the
 * current session's (a login's variables are what the shopper typed, not their data), and no token of a session that ended anywhere. No token at all, even
 * the current one, is ever in a query key, a mutation key or mutation variables.
 * (A cart's own data may name several owners: Elastic Path lets a cart have many.)
 */
function leftoverShopperData({ tabs, world, requests, issuedTokens }: CheckContext): string[] {
  const found: string[] = [];
  const tokens = new Set(issuedTokens);
  for (const request of requests) {
    const token = shopperTokenOf(request);
    if (token) tokens.add(token);
  }
  for (const { shopper } of tabs) shopper?.tokens.forEach((token) => tokens.add(token));
  const owners = [...Object.values(world.customers), ...Object.values(world.accounts)];

  for (const { tab, shopper, queryClient } of tabs) {
    const live = new Set(shopper?.tokens);
    const ended = [...tokens].filter((token) => !live.has(token));
    for (const { entry, keys, scoped, all, login } of cachedText(queryClient)) {
      if (login) {
        if (login.session && login.session.token !== shopper?.token) {
          found.push(`tab ${tab} still caches ${entry}, the login of an ended session`);
        }
      } else {
        for (const ownerId of owners) {
          if (ownerId !== shopper?.ownerId && scoped.includes(ownerId)) {
            found.push(
              `tab ${tab} still caches ${entry} of ${ownerKind(world, ownerId)} ${ownerId}`,
            );
          }
        }
      }
      if (ended.some((token) => all.includes(token))) {
        found.push(`tab ${tab} still caches a token of an ended session in ${entry}`);
      }
      if ([...tokens].some((token) => keys.includes(token))) {
        found.push(`tab ${tab} holds a token in the key or variables of ${entry}`);
      }
    }
  }
  return found;
}

/**
 * A logout of one kind while a shopper of the other kind is signed in has nobody to sign
 * out: that shopper keeps their session and their cart (unless their session ended meanwhile).
 */
function idleLogoutsThatChangedSomething({
  idleLogouts,
  tabs,
  requests,
  ownerOfToken,
}: CheckContext): string[] {
  const merges = mergesIn(requests, ownerOfToken);
  return idleLogouts.flatMap(({ tab, kind, token, cartId }) => {
    const now = tabs.find((snapshot) => snapshot.tab === tab)!;
    if (now.shopper?.token !== token || now.cartId === cartId) return [];
    // Under "merge", that shopper's merge of the cart, answered meanwhile, made its target current.
    const merged = merges.some(
      ({ request, sourceId, targetId }) =>
        sourceId === cartId &&
        targetId === now.cartId &&
        shopperTokenOf(request) === token &&
        typeof request.status === "number" &&
        request.status >= 200 &&
        request.status < 300,
    );
    if (merged) return [];
    const shopper = `${now.shopper.kind} ${now.shopper.ownerId}`;
    return [`tab ${tab}: the ${kind} logout forgot the cart of the signed-in ${shopper}`];
  });
}

/**
 * A session lasts from login to logout or expiry (public-api.md): it may end by itself only
 * when its token may have been revoked. Catches a stale 401 (an old token's answer) ending
 * the next session of the same shopper. A session that began and ended between two checks
 * (a login ending the other kind's session, then revoked) explains the end too.
 */
function unexplainedSignOuts({
  tabs,
  loggedOutSinceCheck,
  loginsSinceCheck,
  mayBeRevoked,
}: CheckContext): string[] {
  if (loggedOutSinceCheck) return [];
  return tabs
    .filter(
      ({ shopper, shopperAtLastCheck: before }) =>
        before !== undefined &&
        shopper === undefined &&
        ![...before.tokens, ...loginsSinceCheck].some(mayBeRevoked),
    )
    .map(
      ({ tab, shopperAtLastCheck: before }) =>
        `tab ${tab} signed ${before?.kind} ${before?.ownerId} out with no logout and a valid token`,
    );
}

/** The secret fields of a login body: what a shopper typed or was handed to prove who they are. */
const LOGIN_SECRETS = [
  "password",
  "one_time_password_token",
  "oauth_authorization_code",
  "oauth_code_verifier",
];

/**
 * 6. No password, one-time password or OIDC code of any login sent so far — answered or
 * refused — rests anywhere in either tab's caches: variables, data, errors.
 */
function secretsAtRest({ tabs, requests }: CheckContext): string[] {
  const secrets = requests
    .filter((request) => Object.values(LOGIN_ENDPOINTS).includes(request.endpoint as never))
    .flatMap((request) => {
      const data = (request.body as { data?: Record<string, unknown> } | undefined)?.data ?? {};
      return LOGIN_SECRETS.map((field) => data[field]).filter(
        (value): value is string => typeof value === "string" && value.length > 0,
      );
    });
  return tabs.flatMap(({ tab, queryClient }) =>
    cachedText(queryClient)
      .filter(({ all }) => secrets.some((secret) => all.includes(JSON.stringify(secret))))
      .map(({ entry }) => `tab ${tab} keeps a login secret in ${entry}`),
  );
}

/**
 * 7. A guest cart merges into a shopper's cart exactly once (`guestCartOnLogin="merge"`): of
 * the merge requests of one (guest cart, shopper) — across sessions, tabs, reloads — each
 * after the first was sent once the one before had been answered with a 4xx (a 429, or a
 * refusal: nothing was copied). So at most one may have been applied (2xx, 5xx, no answer),
 * and nothing is sent after it, nor while it is in the air.
 */
function mergesSentAgain({ requests, ownerOfToken }: CheckContext): string[] {
  const byPair = new Map<string, MergeRequest[]>();
  for (const merge of mergesIn(requests, ownerOfToken)) {
    const pair = `${merge.sourceId}\n${merge.ownerId}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), merge]);
  }
  const found: string[] = [];
  for (const merges of byPair.values()) {
    merges.forEach((merge, index) => {
      const before = merges[index - 1];
      if (!before) return;
      if (mayHaveApplied(before.request)) {
        found.push(
          `${mergeName(merge)} was sent after ${mergeName(before)}, which may have been applied`,
        );
      } else if (merge.request.startedAt < before.request.finishedAt) {
        found.push(`${mergeName(merge)} was sent while ${mergeName(before)} was in the air`);
      }
    });
  }
  return found;
}

/**
 * 8. Which call a login's cart gets follows the policy. Under `"associate"`, no merge is ever
 * sent. Under `"merge"`, only guest carts are merged: never a cart seeded as a shopper's
 * (their own is theirs already; another shopper's, kept on the device across a logout, is
 * associated instead). A cart is associated with a shopper only if they have no cart of their
 * own (nothing is deleted, so a merge always finds one of theirs), or if it was another
 * shopper's by then (seeded so, or associated with them before this request was sent); and
 * no cart is both merged (by a merge that may have been applied) and associated for the same
 * shopper.
 */
function wrongCallForThePolicy({ world, requests, ownerOfToken }: CheckContext): string[] {
  const merges = mergesIn(requests, ownerOfToken);
  if (world.policy === "associate") {
    return merges.map((merge) => `${mergeName(merge)} was sent under "associate"`);
  }
  const seededOwnersOf = (cartId: string | undefined) =>
    [...world.seededOwned].filter(([, cartIds]) => cartIds.has(cartId ?? "")).map(([id]) => id);
  const found = merges
    .filter((merge) => seededOwnersOf(merge.sourceId).length > 0)
    .map(
      (merge) =>
        `${mergeName(merge)}: the cart is ${seededOwnersOf(merge.sourceId).join(" and ")}'s, not a guest cart`,
    );
  for (const request of requests) {
    if (!ASSOCIATE_ENDPOINTS.has(request.endpoint)) continue;
    const { cartId, ownerId } = associationPair(request.path, request.body);
    const what = `association ${request.id} (cart ${cartId} with ${ownerId}) under "merge"`;
    const createdBy = world.createdBy.get(cartId ?? "");
    const anothers =
      seededOwnersOf(cartId).some((id) => id !== ownerId) ||
      (createdBy !== undefined && createdBy !== ownerId) ||
      requests.some((earlier) => {
        if (!ASSOCIATE_ENDPOINTS.has(earlier.endpoint) || earlier.status !== 200) return false;
        const pair = associationPair(earlier.path, earlier.body);
        return (
          pair.cartId === cartId &&
          pair.ownerId !== ownerId &&
          earlier.finishedAt <= request.startedAt
        );
      });
    if (world.startedWithCarts.has(ownerId ?? "") && !anothers) {
      found.push(`${what}: a guest cart, and that shopper has carts of their own to merge into`);
    }
    // Only a merge that may have been applied counts: one refused (4xx, such as the 401 of a
    // token that expired on its way) left both carts as they were, so associating the cart
    // afterwards is what the policy asks for once the cart is another shopper's.
    const merged = merges.find(
      (merge) =>
        merge.sourceId === cartId && merge.ownerId === ownerId && mayHaveApplied(merge.request),
    );
    if (merged) found.push(`${what}: the cart was merged for them too, by ${mergeName(merged)}`);
  }
  return found;
}

/**
 * 9. No item's quantity is ever added twice. Every seeded cart holds an item of a SKU of its
 * own (the guest cart: 3 of `guest-only`), so wherever that SKU turns up, merges took it there:
 * with the guest cart merged once, no other cart ever holds more than 3 of it.
 *
 * Merged-into carts can be merged on, though — a target is the current cart, kept across a
 * logout into the next shopper's login — and carry what they received along, once per merge.
 * So each cart may hold at most its seeded items plus, for each merge into it, what the source
 * may have held when that merge was served: counting one merge per (source cart, shopper), the
 * first that may have been applied (2xx, 5xx, no answer), and, for the source, the merges into
 * it that may have been served first (sent before this one was answered). Checked whenever no
 * request is in the air (one not yet logged may have changed a cart); items only ever grow
 * here, so a double stays visible.
 */
function itemsAddedTwice({
  world,
  requests,
  ownerOfToken,
  itemsOf,
  inAir,
}: CheckContext): string[] {
  if (inAir) return [];
  const counted: MergeRequest[] = [];
  const pairs = new Set<string>();
  for (const merge of mergesIn(requests, ownerOfToken)) {
    const pair = `${merge.sourceId}\n${merge.ownerId}`;
    if (!mayHaveApplied(merge.request) || pairs.has(pair)) continue;
    pairs.add(pair);
    counted.push(merge);
  }
  /** The most `cartId` may hold, as of the serving of `asOf` (or now), through merges not in `used`. */
  const atMost = (cartId: string, asOf: MergeRequest | undefined, used: Set<MergeRequest>) => {
    const total: Quantities = new Map(world.seededItems.get(cartId));
    for (const merge of counted) {
      if (merge.targetId !== cartId || used.has(merge)) continue;
      if (asOf && merge.request.startedAt > asOf.request.finishedAt) continue;
      for (const [sku, quantity] of atMost(merge.sourceId, merge, new Set([...used, merge]))) {
        total.set(sku, (total.get(sku) ?? 0) + quantity);
      }
    }
    return total;
  };
  const carts = new Set([...world.seededItems.keys(), ...counted.map((merge) => merge.targetId)]);
  const found: string[] = [];
  for (const cartId of carts) {
    const held = itemsOf(cartId);
    if (!held) continue;
    const allowed = atMost(cartId, undefined, new Set());
    for (const [sku, quantity] of held) {
      if (sku.startsWith(ADDED_SKU_PREFIX)) continue;
      if (quantity > (allowed.get(sku) ?? 0)) {
        found.push(
          `cart ${cartId} holds ${quantity} of ${sku}, one merge per (guest cart, shopper) allows ${allowed.get(sku) ?? 0}`,
        );
      }
    }
  }
  return found;
}

/**
 * 11. No add is ever sent twice: an item added (`POST /v2/carts/:id/items` with a product or
 * custom item) whose answer was lost may have been applied, so it is never sent again, by a
 * retry, a re-mount, a reload or the other tab; nor is one that was refused (400, 404), which
 * would be refused again. Each tab sends one add per "Add to cart" click, and one more only
 * after a 429 (which applied nothing).
 */
function addsSentTwice({ requests, addSteps }: CheckContext): string[] {
  const found: string[] = [];
  for (const tab of ["A", "B"] as const) {
    const adds = requests.filter((request) => isItemAdd(request) && tabOf(request) === tab);
    const rateLimited = adds.filter((add) => add.status === 429).length;
    if (adds.length > addSteps[tab] + rateLimited) {
      found.push(
        `tab ${tab} sent ${adds.length} adds (${adds.map((add) => `${add.id}: ${add.status}`).join(", ")}) for ${addSteps[tab]} "Add to cart" clicks and ${rateLimited} 429s`,
      );
    }
  }
  return found;
}

/**
 * 12. Never two orders for one checkout attempt: each order's `external_ref` (the hook's mark
 * of one attempt) is on one order only, and no tab sends more checkouts than its "Place
 * order" clicks, plus one per 429 (which made no order).
 */
function ordersMadeTwice({ requests, orders, checkoutSteps }: CheckContext): string[] {
  const found: string[] = [];
  const byReference = new Map<string, string[]>();
  for (const order of orders) {
    if (!order.external_ref) continue;
    byReference.set(order.external_ref, [...(byReference.get(order.external_ref) ?? []), order.id]);
  }
  for (const [reference, ids] of byReference) {
    if (ids.length > 1)
      found.push(`checkout attempt ${reference} made ${ids.length} orders: ${ids.join(", ")}`);
  }
  for (const tab of ["A", "B"] as const) {
    const sent = requests.filter((r) => r.endpoint === "checkout" && tabOf(r) === tab);
    const rateLimited = sent.filter((r) => r.status === 429).length;
    if (sent.length > checkoutSteps[tab] + rateLimited) {
      found.push(
        `tab ${tab} sent ${sent.length} checkouts (${sent.map((r) => `${r.id}: ${r.status}`).join(", ")}) for ${checkoutSteps[tab]} clicks and ${rateLimited} 429s`,
      );
    }
  }
  return found;
}

export function findViolations(context: CheckContext): string[] {
  return [
    ...unexplainedSignOuts(context),
    ...idleLogoutsThatChangedSomething(context),
    ...bothSignedIn(context),
    ...bothShopperTokens(context),
    ...foreignCartsShown(context),
    ...repeatedAssociations(context),
    ...churnAfterNoOps(context),
    ...forbiddenRetries(context),
    ...noisyFailures(context),
    ...leftoverShopperData(context),
    ...secretsAtRest(context),
    ...mergesSentAgain(context),
    ...wrongCallForThePolicy(context),
    ...itemsAddedTwice(context),
    ...addsSentTwice(context),
    ...ordersMadeTwice(context),
  ];
}
