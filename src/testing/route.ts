/**
 * The machinery every endpoint shares: parse and record the request, wait the latency,
 * serve a queued fault or check the bearer token and the shopper headers and run the
 * endpoint (then replace its answer, for a fault that lands after applying), then answer JSON.
 */
import { http, HttpResponse, type HttpHandler, type JsonBodyType } from "msw";
import { ElasticPathError } from "../core/errors/ElasticPathError";
import { errorBody, invalidAccessToken } from "./errors";
import { faultReply, landsAfterApplying, type FaultQueue } from "./faults";
import { mixedShopperTokens } from "./inferred";
import { fail, type FakeReply } from "./reply";
import type { RequestLog } from "./requestLog";
import type { Catalog } from "./catalog";
import type { OrderBook } from "./orders";
import type { FakeStore } from "./store";
import type { AccessTokenKind, TokenBook } from "./tokens";
import type { FakeEndpoint, FakeLatency, LatencyRequest } from "./types";

/** Everything the routes share; one per fake. */
export interface FakeRuntime {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The store's one password profile, for account member logins. */
  readonly passwordProfileId: string;
  /** Account Authentication Settings: `enable_self_signup`. */
  readonly selfSignup: boolean;
  /** Account Authentication Settings: `auto_create_account_for_account_members`. */
  readonly autoCreateAccountForAccountMembers: boolean;
  readonly accountTokenExpires: "date-time" | "epoch-seconds";
  readonly store: FakeStore;
  readonly catalog: Catalog;
  readonly orders: OrderBook;
  /** The status of a checkout refused for a missing field (option `checkoutValidationStatus`). */
  readonly checkoutValidationStatus: 400 | 422;
  readonly tokens: TokenBook;
  readonly faults: FaultQueue;
  readonly log: RequestLog;
  latency: FakeLatency;
  /** Bumped by `reset()`: requests that arrived before it are answered but not logged. */
  generation: number;
}

export type RequestBody =
  | { kind: "none" }
  | { kind: "json"; value: unknown }
  | { kind: "form"; value: Record<string, string> }
  | { kind: "invalid"; text: string };

export interface FakeRequest {
  readonly endpoint: FakeEndpoint;
  readonly method: string;
  /** Below `baseUrl`, e.g. `/v2/carts/abc`. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: RequestBody;
  /** The valid bearer token's kind; `undefined` only on routes that need none. */
  readonly bearer: AccessTokenKind | undefined;
}

export interface Route {
  endpoint: FakeEndpoint;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** msw path pattern below `baseUrl`, e.g. `/v2/carts/:cartId`. */
  path: string;
  /** Every `/v2` call needs a valid bearer token; `POST /oauth/access_token` is how you get one. */
  needsBearer: boolean;
  handle(request: FakeRequest, runtime: FakeRuntime): FakeReply;
}

export function toHandler(route: Route, runtime: FakeRuntime): HttpHandler {
  const register = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete }[
    route.method
  ];
  return register(`${runtime.baseUrl}${route.path}`, async ({ request, params }) => {
    const generation = runtime.generation;
    const id = runtime.log.nextId();
    const startedAt = Date.now();
    const url = new URL(request.url);
    const body = await readBody(request);
    const fakeRequest: Omit<FakeRequest, "bearer"> = {
      endpoint: route.endpoint,
      method: request.method.toUpperCase(),
      path: pathBelowBase(url.pathname, runtime.baseUrl),
      params: stringParams(params),
      query: url.searchParams,
      headers: request.headers,
      body,
    };

    const reply = await answer(route, fakeRequest, runtime);

    if (generation === runtime.generation) {
      runtime.log.add({
        id,
        endpoint: route.endpoint,
        method: fakeRequest.method,
        path: fakeRequest.path,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body: recordedBody(body),
        status: reply.kind === "network-error" ? "network-error" : reply.status,
        startedAt,
        finishedAt: Date.now(),
      });
    }
    return toResponse(reply, route.endpoint);
  });
}

async function answer(
  route: Route,
  request: Omit<FakeRequest, "bearer">,
  runtime: FakeRuntime,
): Promise<FakeReply> {
  try {
    await sleep(latencyFor(runtime.latency, request));
    // Faults come after latency and, by default, before anything else: the gateway failed,
    // the service never saw the request, so no state changes. One that lands after applying
    // fails on the way back: the request is served and its effects stay, the answer is lost.
    const fault = runtime.faults.take(route.endpoint);
    if (fault && !landsAfterApplying(fault)) return faultReply(fault);
    const reply = serve(route, request, runtime);
    return fault ? faultReply(fault) : reply;
  } catch (error) {
    // A bug in the fake (or a bad latency function) should be loud but still an answer.
    console.error("The fake Elastic Path failed to answer a request:", error);
    const message = error instanceof Error ? error.message : String(error);
    return fail(500, "Internal Server Error", `The fake Elastic Path failed: ${message}`);
  }
}

/** The service itself: the bearer token, the shopper headers, then the endpoint. */
function serve(
  route: Route,
  request: Omit<FakeRequest, "bearer">,
  runtime: FakeRuntime,
): FakeReply {
  const bearer = runtime.tokens.checkAuthorization(request.headers.get("authorization"));
  if (route.needsBearer && !bearer) return invalidAccessToken();
  // Customer and account tokens never go together, on any endpoint.
  const { headers } = request;
  if (
    headers.has("x-moltin-customer-token") &&
    headers.has("ep-account-management-authentication-token")
  ) {
    return mixedShopperTokens();
  }
  return route.handle({ ...request, bearer }, runtime);
}

function toResponse(reply: FakeReply, endpoint: FakeEndpoint): Response {
  switch (reply.kind) {
    case "network-error":
      return HttpResponse.error();
    case "empty":
      return new HttpResponse(null, { status: 204 });
    case "json":
      return HttpResponse.json(reply.body as JsonBodyType, {
        status: reply.status,
        headers: reply.headers,
      });
    case "error":
      return HttpResponse.json(errorBody(endpoint, reply.status, reply.error), {
        status: reply.status,
        headers: reply.headers,
      });
  }
}

export async function readBody(request: Request): Promise<RequestBody> {
  const text = await request.text();
  if (text === "") return { kind: "none" };
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return { kind: "form", value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return { kind: "invalid", text };
  }
}

export function recordedBody(body: RequestBody): unknown {
  switch (body.kind) {
    case "none":
      return undefined;
    case "invalid":
      return body.text;
    default:
      return body.value;
  }
}

function latencyFor(latency: FakeLatency, request: LatencyRequest): number {
  const ms =
    typeof latency === "function"
      ? latency({ method: request.method, path: request.path, endpoint: request.endpoint })
      : latency;
  if (!Number.isFinite(ms) || ms < 0) {
    throw new ElasticPathError(
      `The latency for ${request.method} ${request.path} must be a number of milliseconds >= 0, got ${ms}.`,
    );
  }
  return ms;
}

function sleep(ms: number): Promise<void> {
  // No timer for 0 ms: the common case then needs no timer advanced under fake timers.
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export function pathBelowBase(pathname: string, baseUrl: string): string {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  return basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
}

function stringParams(params: Record<string, string | readonly string[] | undefined>) {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") result[key] = value;
  }
  return result;
}
