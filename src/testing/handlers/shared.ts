/** Checks several endpoints share: JSON bodies, cart ids, shopper tokens, paging. */
import { badRequest, invalidJson, SAFE_ID, unsafeCartId } from "../errors";
import { invalidAccountToken, invalidCustomerToken } from "../inferred";
import type { FakeReply } from "../reply";
import type { FakeRequest, FakeRuntime } from "../route";

export type Checked<T> = { ok: true; value: T } | { ok: false; reply: FakeReply };

/** A 400 for a request field that is missing or malformed. */
export function invalid(detail: string): { ok: false; reply: FakeReply } {
  return { ok: false, reply: badRequest(detail) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parsed JSON body (`undefined` when empty), or a 400 when it does not parse. */
export function jsonBody(request: FakeRequest): Checked<unknown> {
  switch (request.body.kind) {
    case "none":
      return { ok: true, value: undefined };
    case "invalid":
      return { ok: false, reply: invalidJson() };
    default:
      return { ok: true, value: request.body.value };
  }
}

/** The `:cartId` path parameter, or a 400 when it has characters outside the safe set. */
export function cartIdParam(request: FakeRequest): Checked<string> {
  const cartId = request.params.cartId ?? "";
  return SAFE_ID.test(cartId)
    ? { ok: true, value: cartId }
    : { ok: false, reply: unsafeCartId(cartId) };
}

/** Who the shopper token of a request says is shopping. */
export type Shopper =
  | { kind: "guest" }
  | { kind: "customer"; customerId: string }
  | { kind: "account"; accountId: string; accountMemberId: string };

/**
 * The shopper behind `X-Moltin-Customer-Token` or `EP-Account-Management-Authentication-Token`:
 * a guest when neither is sent, a 401 when the token is unknown, garbled, expired or
 * revoked. (A request with both never gets here: route.ts refuses it.)
 */
export function shopperOfRequest(request: FakeRequest, runtime: FakeRuntime): Checked<Shopper> {
  const customerToken = request.headers.get("x-moltin-customer-token");
  if (customerToken !== null) {
    const check = runtime.tokens.checkCustomerToken(customerToken);
    return check.ok
      ? { ok: true, value: { kind: "customer", customerId: check.customerId } }
      : { ok: false, reply: invalidCustomerToken(check.reason) };
  }
  const accountToken = request.headers.get("ep-account-management-authentication-token");
  if (accountToken !== null) {
    const check = runtime.tokens.checkAccountToken(accountToken);
    return check.ok
      ? {
          ok: true,
          value: {
            kind: "account",
            accountId: check.accountId,
            accountMemberId: check.accountMemberId,
          },
        }
      : { ok: false, reply: invalidAccountToken(check.reason) };
  }
  return { ok: true, value: { kind: "guest" } };
}

/** The `include` query values, whether sent comma-separated or as repeated parameters. */
export function includes(query: URLSearchParams): Set<string> {
  return new Set(
    query
      .getAll("include")
      .flatMap((value) => value.split(","))
      .map((value) => value.trim())
      .filter((value) => value !== ""),
  );
}

export interface PageParam {
  name: "page[limit]" | "page[offset]";
  min: number;
  max: number;
}

export const PAGE_OFFSET: PageParam = { name: "page[offset]", min: 0, max: 10000 };

/**
 * One page of a list, with Elastic Path's `links` and `meta`: `meta.page.total` is the
 * number of pages, `meta.results.total` of entries, `current` 1-based. The spec types
 * every link as a string (its prose says `null` at the ends): a link that does not exist
 * is left out rather than sent as null.
 */
export function pageOf<T>(
  entries: readonly T[],
  query: URLSearchParams,
  limitParam: PageParam,
  defaultLimit: number,
  link: (offset: number, limit: number) => string,
): Checked<{ data: T[]; links: Record<string, string>; meta: PageMeta }> {
  const limit = pageParam(query, limitParam, defaultLimit);
  if (limit === undefined) return { ok: false, reply: pageParamError(limitParam) };
  const offset = pageParam(query, PAGE_OFFSET, 0);
  if (offset === undefined) return { ok: false, reply: pageParamError(PAGE_OFFSET) };

  const total = entries.length;
  const pages = Math.ceil(total / limit);
  const links: Record<string, string> = {
    current: link(offset, limit),
    first: link(0, limit),
    last: link(Math.max(0, pages - 1) * limit, limit),
  };
  if (offset + limit < total) links.next = link(offset + limit, limit);
  if (offset > 0) links.prev = link(Math.max(0, offset - limit), limit);
  return {
    ok: true,
    value: {
      data: entries.slice(offset, offset + limit),
      links,
      meta: {
        page: { limit, offset, current: Math.floor(offset / limit) + 1, total: pages },
        results: { total },
      },
    },
  };
}

export interface PageMeta {
  page: { limit: number; offset: number; current: number; total: number };
  results: { total: number };
}

/** An integer query parameter within bounds, its default when absent, `undefined` when invalid. */
function pageParam(query: URLSearchParams, param: PageParam, fallback: number): number | undefined {
  const raw = query.get(param.name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= param.min && value <= param.max ? value : undefined;
}

function pageParamError(param: PageParam): FakeReply {
  return badRequest(`${param.name} must be an integer from ${param.min} to ${param.max}.`);
}
