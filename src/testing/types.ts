import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import type { RequestHandler } from "msw";

/** A cart as Elastic Path returns it (the SDK's `CartResponse`). */
export type Cart = CartResponse;

/**
 * A cart the fake seeded: as `GET /v2/carts/:id` answers it, with its `id` typed as
 * present (the SDK's type leaves it optional; a seeded cart always has one).
 *
 * @example
 * ```ts
 * const cart = fake.seedCart({ items: [{ name: "Tea", quantity: 1, amount: 450 }] });
 * localStorage.setItem("_store_ep_cart", cart.id); // a string, no `!`
 * ```
 */
export type SeededCart = Cart & { id: string };

/** The Elastic Path endpoints the fake answers, one name per method and path. */
export type FakeEndpoint =
  /** `POST /oauth/access_token` */
  | "access-token"
  /** `POST /v2/customers/tokens` (customer login) */
  | "customer-token"
  /** `POST /v2/carts` */
  | "create-cart"
  /** `GET /v2/carts` (the customer's carts) */
  | "list-carts"
  /** `GET /v2/carts/:cartId` */
  | "get-cart"
  /** `DELETE /v2/carts/:cartId` */
  | "delete-cart"
  /** `POST /v2/carts/:cartId/items` (custom items and cart merge) */
  | "add-items"
  /** `POST /v2/carts/:cartId/relationships/customers` */
  | "associate"
  /** `DELETE /v2/carts/:cartId/relationships/customers` */
  | "disassociate";

/**
 * A failure injected with {@link FakeElasticPath.failNext}: an HTTP error answer, or a
 * network failure (the `fetch` promise rejects with a `TypeError`).
 *
 * @example
 * ```ts
 * fake.failNext("list-carts", 1, { status: 429, retryAfter: 2 });
 * fake.failNext("associate", 3, { status: 503 });
 * fake.failNext("get-cart", 1, { network: true });
 * ```
 */
export type FakeFault =
  /** Rate limited. `retryAfter` is the `Retry-After` header: seconds or an HTTP date; default `"1"`. */
  | { status: 429; retryAfter?: number | string }
  | { status: 500 | 502 | 503 | 504 }
  | { network: true };

/** What a latency function is told about the request it delays. */
export interface LatencyRequest {
  method: string;
  path: string;
  endpoint: FakeEndpoint;
}

/** Fixed milliseconds, or a function of the request (for jitter or one slow endpoint). */
export type FakeLatency = number | ((request: LatencyRequest) => number);

/**
 * Options of {@link createFakeElasticPath}. Every field has a default.
 *
 * @example
 * ```ts
 * let now = Date.now();
 * const fake = createFakeElasticPath({
 *   clientId: "storybook",
 *   latencyMs: ({ endpoint }) => (endpoint === "list-carts" ? 800 : 150),
 *   now: () => now, // move `now` forward to expire tokens
 * });
 * ```
 */
export interface FakeElasticPathOptions {
  /** Origin (and optional path) the handlers answer on. Never reached: msw intercepts. Default `"https://useast.api.elasticpath.com"`. */
  baseUrl?: string;
  /** The client id accepted for implicit and client-credentials tokens. Default `"fake-client-id"`. */
  clientId?: string;
  /** The client secret accepted for client-credentials tokens. Default `"fake-client-secret"`. */
  clientSecret?: string;
  /** Delay before each answer, in milliseconds. Default `0`. */
  latencyMs?: FakeLatency;
  /** The service's clock in epoch milliseconds: token expiry and cart timestamps. Default `Date.now`. */
  now?: () => number;
}

/**
 * One request the fake saw, as recorded once it was answered.
 *
 * @example
 * ```ts
 * expect(fake.requestsTo("associate")).toMatchObject([
 *   { method: "POST", status: 200, headers: { "x-moltin-customer-token": token } },
 * ]);
 * ```
 */
export interface RecordedRequest {
  /** 1, 2, 3... in the order the requests arrived. */
  id: number;
  endpoint: FakeEndpoint;
  /** Upper-case HTTP method. */
  method: string;
  /** Path below `baseUrl`, without query, e.g. `"/v2/carts/abc/relationships/customers"`. */
  path: string;
  query: Record<string, string>;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON, form fields as an object, the raw text when it did not parse, or `undefined` when empty. */
  body: unknown;
  /** The status answered, or `"network-error"` for an injected network failure. */
  status: number | "network-error";
  /** Wall-clock `Date.now()` when the request arrived (before latency). */
  startedAt: number;
  /** Wall-clock `Date.now()` when the answer was ready. */
  finishedAt: number;
}

/** A seeded customer, without the password. */
export interface FakeCustomer {
  id: string;
  email: string;
  name: string;
}

/** One current (cart, customer) association. */
export interface FakeAssociation {
  cartId: string;
  customerId: string;
}

/** Input of {@link FakeElasticPath.seedCustomer}. */
export interface SeedCustomerInput {
  /** Default: a new UUID. Use UUIDs if responses must validate against Elastic Path's OpenAPI files. */
  id?: string;
  /** Login email; compared case-insensitively. */
  email: string;
  password: string;
  /** Default: the part of the email before `@`. */
  name?: string;
}

/** A custom item (no catalog needed) for {@link SeedCartInput.items}. */
export interface SeedCustomItem {
  name: string;
  sku?: string;
  /** A positive integer. */
  quantity: number;
  /** Unit price in the currency's minor unit (cents). */
  amount: number;
}

/**
 * Input of {@link FakeElasticPath.seedCart}. Every field has a default.
 *
 * @example
 * ```ts
 * const ada = fake.seedCustomer({ email: "ada@example.com", password: "secret" });
 * fake.seedCart({
 *   name: "Birthday",
 *   customerIds: [ada.id],
 *   items: [{ name: "Candles", sku: "candles", quantity: 2, amount: 350 }],
 * });
 * fake.seedCart({ id: "guest-cart", contactEmail: "guest@example.com" });
 * ```
 */
export interface SeedCartInput {
  /** Default: a new UUID. Letters, digits, `-` and `_` only. */
  id?: string;
  /** Default `"Cart"`, as Elastic Path names carts it creates on demand. */
  name?: string;
  description?: string;
  /** Seeded customers to associate the cart with. */
  customerIds?: string[];
  /** A guest cart's contact email; such a cart cannot be associated with customers. */
  contactEmail?: string;
  items?: SeedCustomItem[];
  /** Last update in epoch milliseconds (orders `GET /v2/carts`). Default: the fake's `now()`. */
  updatedAt?: number;
}

/**
 * The in-memory Elastic Path returned by {@link createFakeElasticPath}: msw handlers
 * plus the controls tests and demos need.
 *
 * @example
 * ```ts
 * // Vitest with msw/node: one fake per test.
 * const fake = createFakeElasticPath();
 * server.use(...fake.handlers);
 * const ada = fake.seedCustomer({ email: "ada@example.com", password: "secret" });
 * const guestCart = fake.seedCart({ items: [{ name: "Tea", quantity: 1, amount: 450 }] });
 * // ...drive the app, then assert on what crossed the wire and on the state:
 * expect(fake.requestsTo("associate")).toHaveLength(1);
 * expect(fake.associations()).toEqual([{ cartId: guestCart.id, customerId: ada.id }]);
 * ```
 *
 * @example
 * ```ts
 * // Storybook (msw-storybook-addon): a request log panel.
 * const stop = fake.onRequest((request) => log.push(`${request.method} ${request.path} ${request.status}`));
 * ```
 */
export interface FakeElasticPath {
  readonly baseUrl: string;
  readonly clientId: string;
  /** Give these to `setupServer(...)`, `setupWorker(...)` or `server.use(...)`. */
  readonly handlers: ReadonlyArray<RequestHandler>;
  /** Adds a customer who can log in with `email` and `password`. */
  seedCustomer(input: SeedCustomerInput): FakeCustomer;
  /** Adds one cart directly to the store (no request is recorded). */
  seedCart(input?: SeedCartInput): SeededCart;
  /** Adds `count` carts with distinct ids and strictly decreasing `updated_at` (the first is the newest). */
  seedCarts(count: number, input?: Omit<SeedCartInput, "id">): SeededCart[];
  /** A valid customer token for a seeded customer, as if they had logged in. */
  issueCustomerToken(customerId: string): string;
  /** Every token issued so far for that customer answers 401 from now on. */
  expireCustomerTokens(customerId: string): void;
  /** The next `count` requests to `endpoint` get `fault` (after latency). Calls queue up per endpoint. */
  failNext(endpoint: FakeEndpoint, count: number, fault: FakeFault): void;
  /** Replaces the latency given in the options (until {@link FakeElasticPath.reset}). */
  setLatency(latency: FakeLatency | undefined): void;
  /** Every answered request, in arrival order. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  requestsTo(endpoint: FakeEndpoint): RecordedRequest[];
  /** Calls `listener` as each request is answered; returns the unsubscribe function. */
  onRequest(listener: (request: RecordedRequest) => void): () => void;
  /** The current (cart, customer) pairs. */
  associations(): FakeAssociation[];
  /** The customer's carts as `GET /v2/carts` lists them (newest first), all pages. */
  cartsOf(customerId: string): Cart[];
  /** The cart as `GET /v2/carts/:id` would answer it, or `undefined` if it does not exist (no cart is created). */
  getCart(cartId: string): Cart | undefined;
  /** Clears customers, carts, tokens, recorded requests and faults; latency goes back to the options. Listeners stay. */
  reset(): void;
}
