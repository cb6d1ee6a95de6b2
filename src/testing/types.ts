import type {
  CartItemResponse,
  CartResponse,
  OrderItemResponse,
  OrderResponse,
} from "@epcc-sdk/sdks-shopper";
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

/** An order as Elastic Path returns it (the SDK's `OrderResponse`), its `id` typed as present. */
export type FakeOrder = OrderResponse & { id: string };

/** An order's item as `GET /v2/orders/:id/items` lists it (the SDK's `OrderItemResponse`). */
export type FakeOrderItem = OrderItemResponse;

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
  /** `PUT /v2/carts/:cartId` (rename, describe) */
  | "update-cart"
  /** `DELETE /v2/carts/:cartId` */
  | "delete-cart"
  /** `POST /v2/carts/:cartId/items` (products, custom items, promotion codes and cart merge) */
  | "add-items"
  /** `PUT /v2/carts/:cartId/items/:itemId` (quantity; 0 removes) */
  | "update-item"
  /** `DELETE /v2/carts/:cartId/items/:itemId` */
  | "delete-item"
  /** `DELETE /v2/carts/:cartId/items` (empty the cart) */
  | "clear-items"
  /** `DELETE /v2/carts/:cartId/discounts/:code` (remove a promotion code) */
  | "delete-discount"
  /** `POST /v2/carts/:cartId/checkout` */
  | "checkout"
  /** `GET /v2/orders` (the shopper's orders) */
  | "list-orders"
  /** `GET /v2/orders/:orderId` */
  | "get-order"
  /** `GET /v2/orders/:orderId/items` */
  | "get-order-items"
  /** `POST /v2/carts/:cartId/relationships/customers` */
  | "associate"
  /** `DELETE /v2/carts/:cartId/relationships/customers` */
  | "disassociate"
  /** `POST /v2/account-members/tokens` (account member login: Account Management tokens) */
  | "account-member-token"
  /** `POST /v2/carts/:cartId/relationships/accounts` */
  | "associate-account"
  /** `DELETE /v2/carts/:cartId/relationships/accounts` */
  | "disassociate-account";

/**
 * A failure injected with {@link FakeElasticPath.failNext}: an HTTP error answer, or a
 * network failure (the `fetch` promise rejects with a `TypeError`).
 *
 * By default a fault lands before the service sees the request: nothing changes. With
 * `afterApplying: true` (5xx and network failures only) it lands on the way back: the
 * request is served as usual and whatever it changed stays, but the client gets the fault
 * instead of the answer. That is the unknown outcome a non-idempotent request (a cart
 * merge, a new cart) must not be re-sent after. A 429 always means the request was not
 * served, so it has no `afterApplying`.
 *
 * @example
 * ```ts
 * fake.failNext("list-carts", 1, { status: 429, retryAfter: 2 });
 * fake.failNext("associate", 3, { status: 503 });
 * fake.failNext("get-cart", 1, { network: true });
 * // The merge happens, but the app sees a 504, then a dropped connection on the next one:
 * fake.failNext("add-items", 1, { status: 504, afterApplying: true });
 * fake.failNext("add-items", 1, { network: true, afterApplying: true });
 * ```
 */
export type FakeFault =
  /** Rate limited, not served. `retryAfter` is the `Retry-After` header: seconds or an HTTP date; default `"1"`. */
  | { status: 429; retryAfter?: number | string }
  /** `afterApplying`: served first, its effects kept, then the answer replaced by this error. Default `false`. */
  | { status: 500 | 502 | 503 | 504; afterApplying?: boolean }
  /** `afterApplying`: served first, its effects kept, then the connection dropped. Default `false`. */
  | { network: true; afterApplying?: boolean };

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
 *
 * @example
 * ```ts
 * // Account Management: a known password profile, no self sign-up, `expires` in epoch seconds.
 * const fake = createFakeElasticPath({
 *   passwordProfileId: "7e3c4bde-1f0a-4b8e-9d6c-2a5b8f1e0c3d",
 *   selfSignup: false,
 *   accountTokenExpires: "epoch-seconds",
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
  /** The id of the store's one password profile, sent as `password_profile_id` by account member logins. Default: a new UUID. */
  passwordProfileId?: string;
  /** Whether the store allows self sign-up (`authentication_mechanism: "self_signup"`). Default `true`. */
  selfSignup?: boolean;
  /**
   * Elastic Path's `auto_create_account_for_account_members` setting: whether self sign-up
   * also creates an account named after the new member, with the member in it (so the
   * sign-up answer holds a token). Default `true`; with `false` the answer's `data` is `[]`.
   */
  autoCreateAccountForAccountMembers?: boolean;
  /**
   * How account tokens' `expires` is sent: `"date-time"`, an ISO 8601 string as Elastic
   * Path's schema says (default), or `"epoch-seconds"`, a number, as its description says.
   */
  accountTokenExpires?: "date-time" | "epoch-seconds";
  /**
   * Elastic Path's cart setting `items.separate_items_by_location`: with `true`, the same
   * product from two locations makes two lines; with `false` (Elastic Path's default) it
   * makes one line, which takes the latest location.
   */
  separateItemsByLocation?: boolean;
  /**
   * The status of a checkout refused for a missing required field (an address's
   * `first_name`, the guest's `email`): `400` (default), the one client error Elastic
   * Path's Checkout API documents, or `422`, for apps that must handle both.
   */
  checkoutValidationStatus?: 400 | 422;
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
  /** The endpoint that answered; `"not-implemented"` for a request the fake has no endpoint for. */
  endpoint: FakeEndpoint | "not-implemented";
  /**
   * `true` when the fake has no such endpoint (the catalog, shipping groups...) and answered it 404
   * with an error entry saying so, with no latency, fault or token check: the
   * storefront asked for something the fake lacks, not something Elastic Path refused.
   * Absent on every other request.
   *
   * @example
   * ```ts
   * expect(fake.requests.filter((request) => request.notImplemented)).toEqual([]);
   * ```
   */
  notImplemented?: true;
  /** Upper-case HTTP method. */
  method: string;
  /** Path below `baseUrl`, without query, e.g. `"/v2/carts/abc/relationships/customers"`. */
  path: string;
  query: Record<string, string>;
  /** Request headers, names lower-cased. */
  headers: Record<string, string>;
  /** Parsed JSON, form fields as an object, the raw text when it did not parse, or `undefined` when empty. */
  body: unknown;
  /** The status the client saw (an injected fault's, even one after applying), or `"network-error"` for an injected network failure. */
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

/**
 * A seeded account (Account Management): a business unit, a family, a shopper of their own.
 *
 * @example
 * ```ts
 * const acme: FakeAccount = fake.seedAccount({ name: "Acme" });
 * fake.seedCart({ accountIds: [acme.id] });
 * ```
 */
export interface FakeAccount {
  id: string;
  name: string;
}

/**
 * A seeded account member, without the password.
 *
 * @example
 * ```ts
 * const ada: FakeAccountMember = fake.seedAccountMember({
 *   username: "ada@example.com",
 *   password: "analytical",
 *   accountIds: [acme.id],
 * });
 * // ada: { id: "…uuid…", username: "ada@example.com", name: "ada", email: "ada@example.com" }
 * ```
 */
export interface FakeAccountMember {
  id: string;
  username: string;
  name: string;
  email: string;
}

/**
 * Input of {@link FakeElasticPath.seedAccount}.
 *
 * @example
 * ```ts
 * fake.seedAccount({ name: "Acme" });
 * fake.seedAccount({ id: "5b495058-9ffc-4b9b-810a-c9d43ffc6500", name: "Globex" });
 * ```
 */
export interface SeedAccountInput {
  /** Default: a new UUID. Use UUIDs if responses must validate against Elastic Path's OpenAPI files. */
  id?: string;
  /** The `account_name` of its tokens. */
  name: string;
}

/**
 * Input of {@link FakeElasticPath.seedAccountMember}: a user of the store's password profile.
 *
 * @example
 * ```ts
 * const acme = fake.seedAccount({ name: "Acme" });
 * const family = fake.seedAccount({ name: "The Lovelaces" });
 * fake.seedAccountMember({
 *   username: "ada@example.com",
 *   password: "analytical",
 *   name: "Ada Lovelace",
 *   accountIds: [acme.id, family.id], // the login answer lists Acme first
 * });
 * fake.seedAccountMember({ username: "newcomer", password: "x", accountIds: [] }); // no account yet
 * ```
 */
export interface SeedAccountMemberInput {
  /** Default: a new UUID. */
  id?: string;
  /** Login name in the password profile; compared case-insensitively. */
  username: string;
  password: string;
  /** Default: the username, up to an `@`. */
  name?: string;
  /** Default: the username if it holds an `@`, else `""`. */
  email?: string;
  /** Seeded accounts the member belongs to, in this order (the token answer lists them in this order). */
  accountIds: string[];
}

/** One current (cart, account) association. */
export interface FakeAccountAssociation {
  cartId: string;
  accountId: string;
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

/** A price of a seeded product in one currency. */
export interface SeedPrice {
  /** In the currency's minor unit (cents for USD), an integer >= 0. */
  amount: number;
  /** Whether `amount` includes tax. Default `false`. */
  includesTax?: boolean;
}

/**
 * Input of {@link FakeElasticPath.seedProduct}: a product of the fake store's catalog, to
 * add to carts by id or SKU (`{ data: { type: "cart_item", id | sku, quantity } }`).
 *
 * @example
 * ```ts
 * fake.seedProduct({ sku: "tea", name: "Tea", prices: { USD: { amount: 450 } } }); // stock not managed
 * fake.seedProduct({
 *   sku: "mug",
 *   name: "Mug",
 *   prices: { USD: { amount: 1200, includesTax: true }, EUR: { amount: 1100 } },
 *   stock: 3, // a 4th mug in one cart: 400 Insufficient stock
 * });
 * fake.seedProduct({
 *   sku: "desk",
 *   name: "Desk",
 *   prices: { USD: { amount: 25_000 } },
 *   stock: { "north-warehouse": 2, "south-warehouse": 0 }, // per location (`data.location`)
 * });
 * ```
 */
export interface SeedProductInput {
  /** Default: a new UUID. Use UUIDs if responses must validate against Elastic Path's OpenAPI files. */
  id?: string;
  /** Unique in the catalog. */
  sku: string;
  name: string;
  description?: string;
  /**
   * Prices by ISO 4217 code. Adding the product to a cart whose currency has no price here
   * is refused with a 400, as Elastic Path refuses it.
   */
  prices: Record<string, SeedPrice>;
  /**
   * Units in stock: one number for the product, or one per location slug. Default:
   * stock is not managed (any quantity). Items without a `location` draw on every
   * location. Checking out takes the ordered units out of stock.
   */
  stock?: number | Record<string, number>;
}

/** A seeded product. */
export interface FakeProduct {
  id: string;
  sku: string;
  name: string;
}

/**
 * Input of {@link FakeElasticPath.seedPromotion}: a promotion code shoppers can apply
 * (`{ data: { type: "promotion_item", code } }`). Give exactly one of `percentOff` and
 * `amountOff`.
 *
 * @example
 * ```ts
 * fake.seedPromotion({ code: "SAVE10", percentOff: 10 }); // 10% off the cart
 * fake.seedPromotion({ code: "FIVER", name: "$5 off", amountOff: { USD: 500 } }); // USD carts only
 * ```
 */
export interface SeedPromotionInput {
  /** What shoppers type; compared case-insensitively. */
  code: string;
  /** The promotion item's name in the cart. Default: the code. */
  name?: string;
  /** Percent off the cart's items, 1–100, rounded to the minor unit. */
  percentOff?: number;
  /**
   * Minor units off the cart, by currency. A cart in a currency not listed cannot use the
   * code: 404, as for an unknown code.
   */
  amountOff?: Record<string, number>;
}

/** A seeded promotion. */
export interface FakePromotion {
  id: string;
  code: string;
  name: string;
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
 * fake.seedCart({ currency: "EUR", items: [{ name: "Tee", quantity: 1, amount: 1900 }] }); // €19.00
 * const acme = fake.seedAccount({ name: "Acme" });
 * fake.seedCart({ name: "Office supplies", accountIds: [acme.id] });
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
  /** Seeded accounts to associate the cart with. */
  accountIds?: string[];
  /** A guest cart's contact email; such a cart cannot be associated with customers or accounts. */
  contactEmail?: string;
  items?: SeedCustomItem[];
  /**
   * The cart's currency, an ISO 4217 code such as `"EUR"`; its items' amounts are in its
   * minor unit. Default `"USD"`, the fake store's currency. A merge between carts of
   * different currencies is refused with a 400.
   */
  currency?: string;
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
 * // Account Management: a member of two accounts logs in with a password.
 * const acme = fake.seedAccount({ name: "Acme" });
 * const family = fake.seedAccount({ name: "The Lovelaces" });
 * const ada = fake.seedAccountMember({
 *   username: "ada@example.com",
 *   password: "analytical",
 *   accountIds: [acme.id, family.id],
 * });
 * const { data } = await postV2AccountMembersTokens({
 *   client,
 *   body: {
 *     data: {
 *       type: "account_management_authentication_token",
 *       authentication_mechanism: "password",
 *       password_profile_id: fake.passwordProfileId,
 *       username: "ada@example.com",
 *       password: "analytical",
 *     },
 *   },
 * });
 * // data.data: one token per account, Acme's first; data.meta.account_member_id === ada.id
 * const acmeToken = fake.issueAccountToken(ada.id, acme.id); // or skip the login altogether
 * await getCarts({ client, headers: { "EP-Account-Management-Authentication-Token": acmeToken } });
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
  /** The store's one password profile (a UUID unless the `passwordProfileId` option names it). */
  readonly passwordProfileId: string;
  /** Adds an account (Account Management). */
  seedAccount(input: SeedAccountInput): FakeAccount;
  /** Adds an account member who can log in with `username` and `password`, a member of `accountIds`. */
  seedAccountMember(input: SeedAccountMemberInput): FakeAccountMember;
  /**
   * A one-time OIDC authorization code for the member, as the identity provider would hand
   * it to the redirect URI: valid once, for 10 minutes, with that `redirectUri` and
   * `codeVerifier` (`authentication_mechanism: "oidc"`).
   */
  issueOidcAuthorizationCode(
    memberId: string,
    input: { redirectUri: string; codeVerifier: string },
  ): string;
  /**
   * A one-time password token (passwordless login), as Elastic Path's webhook would send
   * it: valid once, for 10 minutes (`authentication_mechanism: "passwordless"`).
   */
  issueOneTimePassword(memberId: string): string;
  /** A valid Account Management token for (member, account), as if they had logged in. The member must belong to the account. */
  issueAccountToken(memberId: string, accountId: string): string;
  /** Every account token issued so far for that member answers 401 from now on (revocation); a new login works. */
  expireAccountTokens(memberId: string): void;
  /**
   * The next `count` requests to `endpoint` get `fault`, after latency: instead of being
   * served, or, with `afterApplying: true`, after being served (their effects stay). Calls
   * queue up per endpoint; the request log records the status the client saw.
   *
   * @example
   * ```ts
   * fake.failNext("associate", 2, { status: 503 }); // two 503s, nothing associated
   * fake.failNext("add-items", 1, { status: 502, afterApplying: true }); // merged, yet a 502
   * ```
   */
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
  /** The current (cart, account) pairs. */
  accountAssociations(): FakeAccountAssociation[];
  /** The account's carts as `GET /v2/carts` lists them with its token (newest first), all pages. */
  cartsOfAccount(accountId: string): Cart[];
  /** The cart as `GET /v2/carts/:id` would answer it, or `undefined` if it does not exist (no cart is created). */
  getCart(cartId: string): Cart | undefined;
  /**
   * The cart's items as `GET /v2/carts/:id/items` would list them (its `data`), in the order
   * they were added, or `undefined` if the cart does not exist (no cart is created). For
   * assertions on names and quantities, e.g. after a merge; records no request.
   *
   * @example
   * ```ts
   * fake.seedCart({ id: "guest", items: [{ name: "Tea", sku: "tea", quantity: 2, amount: 450 }] });
   * fake.seedCart({ id: "mine", items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }] });
   * // ...the app merges "guest" into "mine", then:
   * expect(fake.cartItems("mine")?.map(({ sku, quantity }) => [sku, quantity])).toEqual([["tea", 3]]);
   * ```
   */
  cartItems(cartId: string): CartItemResponse[] | undefined;
  /**
   * Adds a product to the catalog, with a price per currency and optional stock.
   *
   * @example
   * ```ts
   * const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1200 } }, stock: 3 });
   * await manageCarts({ client, path: { cartID }, body: { data: { type: "cart_item", id: mug.id, quantity: 1 } } });
   * ```
   */
  seedProduct(input: SeedProductInput): FakeProduct;
  /** Adds a promotion code (a percentage or a fixed amount off the cart). */
  seedPromotion(input: SeedPromotionInput): FakePromotion;
  /**
   * Units of a product (by id or SKU) left in stock, at `location` or in all; `undefined`
   * when its stock is not managed. Throws for a product that was not seeded.
   *
   * @example
   * ```ts
   * // ...after checking out a cart with 2 mugs:
   * expect(fake.stockOf("mug")).toBe(1);
   * ```
   */
  stockOf(product: string, location?: string): number | undefined;
  /**
   * Every order checkout created, newest first, as `GET /v2/orders/:id` answers them.
   *
   * @example
   * ```ts
   * // A checkout whose answer was lost still made its order:
   * fake.failNext("checkout", 1, { network: true, afterApplying: true });
   * // ...the app checks out, sees a network error, then:
   * expect(fake.orders()).toHaveLength(1);
   * expect(fake.orders()[0]?.external_ref).toBe(attemptRef);
   * ```
   */
  orders(): FakeOrder[];
  /** An order's items as `GET /v2/orders/:id/items` lists them, or `undefined` for no such order. */
  orderItems(orderId: string): FakeOrderItem[] | undefined;
  /**
   * Clears customers, accounts, account members, carts, products, promotions, orders,
   * tokens, one-time codes, recorded requests and faults; latency goes back to the options.
   * Listeners and the password profile id stay.
   */
  reset(): void;
}
