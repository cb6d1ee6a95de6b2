import { ElasticPathError } from "../core/errors/ElasticPathError";
import { Catalog, type StoredProduct } from "./catalog";
import { renderCart, renderCartItems } from "./cartView";
import { FaultQueue } from "./faults";
import { routes } from "./handlers";
import {
  CHECKOUT_VALIDATION_STATUS,
  MAX_DISTINCT_ITEMS,
  SELF_SIGNUP_CREATES_ACCOUNT,
} from "./inferred";
import { notImplementedHandler } from "./notImplemented";
import { renderOrder, renderOrderItems } from "./orderView";
import { OrderBook } from "./orders";
import { RequestLog } from "./requestLog";
import { toHandler, type FakeRuntime } from "./route";
import { FakeStore, type StoredCart } from "./store";
import { TokenBook } from "./tokens";
import type {
  Cart,
  FakeElasticPath,
  FakeElasticPathOptions,
  SeedCartInput,
  SeededCart,
} from "./types";
import {
  checkAccountInput,
  checkAccountMemberInput,
  checkCartInput,
  checkCount,
  checkCustomerInput,
  checkEndpoint,
  checkFault,
  checkLatency,
  checkOidcCodeInput,
  checkOptions,
  checkProductInput,
  checkPromotionInput,
} from "./validate";

const DEFAULT_BASE_URL = "https://useast.api.elasticpath.com";
const DEFAULT_CLIENT_ID = "fake-client-id";
const DEFAULT_CLIENT_SECRET = "fake-client-secret";
/** `seedCarts` spaces carts a minute apart, so their second-precision `updated_at` differ too. */
const SEEDED_CARTS_SPACING_MS = 60_000;

/**
 * Creates an in-memory Elastic Path Commerce Cloud: msw request handlers for tokens,
 * customer login, account member login (Account Management: password, OIDC, passwordless
 * and self sign-up, one token per account), carts, their contents (catalog products with
 * prices and stock, custom items, promotion codes; updates, removals, emptying), cart
 * merges, customer and account cart associations, the shopper's cart list (with a customer
 * or an account token), checkout and the shopper's orders, answering as the real service
 * does (errors included), plus controls to seed data, issue tokens and one-time codes,
 * inject latency and faults, and inspect every request.
 *
 * Customer and account tokens are never accepted together: a request carrying both
 * `X-Moltin-Customer-Token` and `EP-Account-Management-Authentication-Token` gets a 400.
 *
 * It returns handlers only, so it runs wherever msw does: `setupServer` in Node tests,
 * `setupWorker` in the browser (Storybook), Vitest browser mode.
 *
 * @example
 * ```ts
 * import { setupServer } from "msw/node";
 * import { createShopperClient, getCarts } from "@epcc-sdk/sdks-shopper";
 * import { createFakeElasticPath } from "epcc-react-hooks/testing";
 *
 * const fake = createFakeElasticPath();
 * const server = setupServer(...fake.handlers);
 * server.listen();
 *
 * const ada = fake.seedCustomer({ email: "ada@example.com", password: "secret" });
 * fake.seedCarts(3, { customerIds: [ada.id] });
 *
 * const { client } = createShopperClient({ baseUrl: fake.baseUrl }, { clientId: fake.clientId });
 * const { data } = await getCarts({
 *   client,
 *   headers: { "X-Moltin-Customer-Token": fake.issueCustomerToken(ada.id) },
 * });
 * // data.data: Ada's 3 carts, newest first
 * fake.requestsTo("list-carts"); // [{ method: "GET", path: "/v2/carts", status: 200, ... }]
 * ```
 *
 * @example
 * ```ts
 * // A flaky network, for retry logic and loading states:
 * const fake = createFakeElasticPath({ latencyMs: () => 50 + Math.random() * 200 });
 * fake.failNext("associate", 2, { status: 503 });
 * fake.failNext("list-carts", 1, { status: 429, retryAfter: 2 });
 * fake.failNext("get-cart", 1, { network: true });
 * // An unknown outcome: the cart merge is applied, the app sees a 504 (or a dropped connection).
 * fake.failNext("add-items", 1, { status: 504, afterApplying: true });
 * fake.failNext("add-items", 1, { network: true, afterApplying: true });
 * ```
 *
 * @example
 * ```ts
 * // A catalog, a promotion code, a cart and a guest checkout.
 * import { checkoutApi, getACart, manageCarts } from "@epcc-sdk/sdks-shopper";
 *
 * const mug = fake.seedProduct({ sku: "mug", name: "Mug", prices: { USD: { amount: 1200 } }, stock: 5 });
 * fake.seedPromotion({ code: "SAVE10", percentOff: 10 });
 * await manageCarts({ client, path: { cartID }, body: { data: { type: "cart_item", id: mug.id, quantity: 2 } } });
 * await manageCarts({ client, path: { cartID }, body: { data: { type: "promotion_item", code: "SAVE10" } } });
 * const { data } = await getACart({ client, path: { cartID }, query: { include: ["items"] } });
 * // data.data.meta.display_price.with_tax.amount === 2160; data.included.items: the mugs and SAVE10
 * const address = { first_name: "Ada", last_name: "Lovelace", line_1: "1 Main St", postcode: "94107", country: "US", region: "CA" };
 * await checkoutApi({
 *   client,
 *   path: { cartID },
 *   body: { data: { customer: { email: "ada@example.com", name: "Ada" }, billing_address: address, shipping_address: address } },
 * }); // 201, a new order every time; fake.stockOf("mug") === 3
 * ```
 *
 * @example
 * ```ts
 * // Account Management: an account member, an account's carts, and a cart to save.
 * import { createAccountCartAssociation, getCarts, postV2AccountMembersTokens } from "@epcc-sdk/sdks-shopper";
 *
 * const fake = createFakeElasticPath();
 * const acme = fake.seedAccount({ name: "Acme" });
 * const ada = fake.seedAccountMember({ username: "ada", password: "secret", accountIds: [acme.id] });
 * fake.seedCarts(2, { accountIds: [acme.id] });
 *
 * const login = await postV2AccountMembersTokens({
 *   client,
 *   body: {
 *     data: {
 *       type: "account_management_authentication_token",
 *       authentication_mechanism: "password",
 *       password_profile_id: fake.passwordProfileId,
 *       username: "ada",
 *       password: "secret",
 *     },
 *   },
 * });
 * const token = login.data?.data?.[0]?.token ?? ""; // Acme's token, 24 hours
 * const headers = { "EP-Account-Management-Authentication-Token": token };
 * await getCarts({ client, headers }); // Acme's 2 carts, newest first
 * const guest = fake.seedCart();
 * await createAccountCartAssociation({
 *   client,
 *   path: { cartID: guest.id ?? "" },
 *   body: { data: [{ type: "account", id: acme.id }] },
 *   headers,
 * }); // 200; the same again answers 204
 * fake.accountAssociations(); // includes { cartId: guest.id, accountId: acme.id }
 *
 * // Other mechanisms get their one-time codes from the fake:
 * const code = fake.issueOidcAuthorizationCode(ada.id, { redirectUri, codeVerifier });
 * const otp = fake.issueOneTimePassword(ada.id);
 * fake.expireAccountTokens(ada.id); // every token so far now answers 401
 * ```
 */
export function createFakeElasticPath(options: FakeElasticPathOptions = {}): FakeElasticPath {
  checkOptions(options);
  const now = options.now ?? (() => Date.now());
  const runtime: FakeRuntime = {
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    passwordProfileId: options.passwordProfileId ?? crypto.randomUUID(),
    selfSignup: options.selfSignup ?? true,
    autoCreateAccountForAccountMembers:
      options.autoCreateAccountForAccountMembers ?? SELF_SIGNUP_CREATES_ACCOUNT,
    accountTokenExpires: options.accountTokenExpires ?? "date-time",
    store: new FakeStore(now, options.separateItemsByLocation ?? false),
    catalog: new Catalog(),
    orders: new OrderBook(now),
    checkoutValidationStatus: options.checkoutValidationStatus ?? CHECKOUT_VALIDATION_STATUS,
    tokens: new TokenBook(now),
    faults: new FaultQueue(),
    log: new RequestLog(),
    latency: options.latencyMs ?? 0,
    generation: 0,
  };
  const { store, catalog, orders, tokens, faults, log } = runtime;
  const render = (cart: StoredCart): Cart => renderCart(cart, runtime.baseUrl);

  function requireCustomer(customerId: string, caller: string): void {
    if (typeof customerId !== "string" || !store.getCustomer(customerId)) {
      throw new ElasticPathError(
        `${caller}: no customer with id "${String(customerId)}" was seeded.`,
      );
    }
  }

  function requireAccount(accountId: string, caller: string): void {
    if (typeof accountId !== "string" || !store.getAccount(accountId)) {
      throw new ElasticPathError(
        `${caller}: no account with id "${String(accountId)}" was seeded.`,
      );
    }
  }

  function requireAccountMember(memberId: string, caller: string) {
    const member = typeof memberId === "string" ? store.getAccountMember(memberId) : undefined;
    if (!member) {
      throw new ElasticPathError(
        `${caller}: no account member with id "${String(memberId)}" was seeded.`,
      );
    }
    return member;
  }

  function seedCart(input: SeedCartInput, caller: string): SeededCart {
    checkCartInput(input, caller);
    const customerIds = input.customerIds ?? [];
    customerIds.forEach((customerId) => requireCustomer(customerId, caller));
    const accountIds = input.accountIds ?? [];
    accountIds.forEach((accountId) => requireAccount(accountId, caller));
    const cart = store.createCart({
      id: input.id,
      name: input.name,
      description: input.description,
      contactEmail: input.contactEmail,
      currency: input.currency,
      updatedAt: input.updatedAt,
    });
    const items = (input.items ?? []).map((item) => ({
      name: item.name,
      sku: item.sku,
      quantity: item.quantity,
      unitAmount: item.amount,
    }));
    // Seeding is not a change seen by the service: keep the requested `updatedAt`.
    const { rejected } = store.addItems(cart, items, { touch: false });
    if (rejected.length > 0) {
      store.deleteCart(cart.id);
      throw new ElasticPathError(
        `${caller}: a cart holds at most ${MAX_DISTINCT_ITEMS} distinct items.`,
      );
    }
    customerIds.forEach((customerId) => store.associate(cart, customerId, { touch: false }));
    accountIds.forEach((accountId) => store.associateAccount(cart, accountId, { touch: false }));
    return { ...render(cart), id: cart.id };
  }

  return {
    baseUrl: runtime.baseUrl,
    clientId: runtime.clientId,
    // Last, so it takes only what no endpoint took.
    handlers: [...routes.map((route) => toHandler(route, runtime)), notImplementedHandler(runtime)],

    seedCustomer(input) {
      checkCustomerInput(input);
      const customer = store.addCustomer({
        id: input.id ?? crypto.randomUUID(),
        email: input.email,
        name: input.name ?? input.email.slice(0, input.email.indexOf("@")),
        password: input.password,
      });
      return { id: customer.id, email: customer.email, name: customer.name };
    },

    seedCart(input = {}) {
      return seedCart(input, "seedCart");
    },

    seedCarts(count, input = {}) {
      checkCount(count, "seedCarts");
      if (input && "id" in input)
        throw new ElasticPathError("seedCarts gives each cart its own id: drop input.id.");
      const newest = input.updatedAt ?? now();
      return Array.from({ length: count }, (_, index) =>
        seedCart(
          {
            ...input,
            name: input.name ?? `Cart ${index + 1}`,
            updatedAt: newest - index * SEEDED_CARTS_SPACING_MS,
          },
          "seedCarts",
        ),
      );
    },

    issueCustomerToken(customerId) {
      requireCustomer(customerId, "issueCustomerToken");
      return tokens.issueCustomerToken(customerId).token;
    },

    expireCustomerTokens(customerId) {
      requireCustomer(customerId, "expireCustomerTokens");
      tokens.expireCustomerTokens(customerId);
    },

    passwordProfileId: runtime.passwordProfileId,

    seedAccount(input) {
      checkAccountInput(input);
      const account = store.addAccount({ id: input.id ?? crypto.randomUUID(), name: input.name });
      return { id: account.id, name: account.name };
    },

    seedAccountMember(input) {
      checkAccountMemberInput(input);
      input.accountIds.forEach((accountId) => requireAccount(accountId, "seedAccountMember"));
      const { username } = input;
      const member = store.addAccountMember({
        id: input.id ?? crypto.randomUUID(),
        username,
        password: input.password,
        name: input.name ?? username.split("@")[0] ?? username,
        email: input.email ?? (username.includes("@") ? username : ""),
        accountIds: [...input.accountIds],
      });
      return { id: member.id, username: member.username, name: member.name, email: member.email };
    },

    issueOidcAuthorizationCode(memberId, input) {
      requireAccountMember(memberId, "issueOidcAuthorizationCode");
      checkOidcCodeInput(input, "issueOidcAuthorizationCode");
      return tokens.issueOidcCode(memberId, input.redirectUri, input.codeVerifier);
    },

    issueOneTimePassword(memberId) {
      requireAccountMember(memberId, "issueOneTimePassword");
      return tokens.issueOneTimePassword(memberId);
    },

    issueAccountToken(memberId, accountId) {
      const member = requireAccountMember(memberId, "issueAccountToken");
      requireAccount(accountId, "issueAccountToken");
      if (!member.accountIds.includes(accountId)) {
        throw new ElasticPathError(
          `issueAccountToken: account member "${memberId}" is not a member of account "${accountId}".`,
        );
      }
      return tokens.issueAccountToken(memberId, accountId).token;
    },

    expireAccountTokens(memberId) {
      requireAccountMember(memberId, "expireAccountTokens");
      tokens.expireAccountTokens(memberId);
    },

    failNext(endpoint, count, fault) {
      checkEndpoint(endpoint, "failNext");
      checkCount(count, "failNext");
      checkFault(fault);
      faults.add(endpoint, count, fault);
    },

    setLatency(latency) {
      checkLatency(latency, "setLatency");
      runtime.latency = latency ?? 0;
    },

    get requests() {
      return log.all();
    },

    requestsTo(endpoint) {
      checkEndpoint(endpoint, "requestsTo");
      return log.all().filter((request) => request.endpoint === endpoint);
    },

    onRequest(listener) {
      if (typeof listener !== "function")
        throw new ElasticPathError("onRequest needs a listener function.");
      return log.subscribe(listener);
    },

    associations() {
      return store.associations();
    },

    cartsOf(customerId) {
      return store.cartsOf(customerId).map(render);
    },

    accountAssociations() {
      return store.accountAssociations();
    },

    cartsOfAccount(accountId) {
      return store.cartsOfAccount(accountId).map(render);
    },

    getCart(cartId) {
      const cart = store.getCart(cartId);
      return cart && render(cart);
    },

    cartItems(cartId) {
      const cart = store.getCart(cartId);
      return cart && renderCartItems(cart, runtime.baseUrl);
    },

    seedProduct(input) {
      checkProductInput(input);
      const { stock } = input;
      const product = catalog.addProduct({
        id: input.id ?? crypto.randomUUID(),
        sku: input.sku,
        name: input.name,
        description: input.description ?? "",
        prices: new Map(
          Object.entries(input.prices).map(([currency, price]) => [
            currency,
            { amount: price.amount, includesTax: price.includesTax ?? false },
          ]),
        ),
        stock:
          stock === undefined
            ? undefined
            : typeof stock === "number"
              ? { kind: "any", available: stock }
              : { kind: "locations", available: new Map(Object.entries(stock)) },
      });
      return { id: product.id, sku: product.sku, name: product.name };
    },

    seedPromotion(input) {
      checkPromotionInput(input);
      const promotion = catalog.addPromotion({
        id: crypto.randomUUID(),
        code: input.code,
        name: input.name ?? input.code,
        discount:
          input.amountOff !== undefined
            ? { kind: "amount", amounts: new Map(Object.entries(input.amountOff)) }
            : { kind: "percent", percent: input.percentOff ?? 0 },
      });
      return { id: promotion.id, code: promotion.code, name: promotion.name };
    },

    stockOf(reference, location) {
      const product: StoredProduct | undefined =
        catalog.getProduct(reference) ?? catalog.findBySku(reference);
      if (!product) {
        throw new ElasticPathError(`stockOf: no product with id or SKU "${reference}" was seeded.`);
      }
      return product.stock ? catalog.available(product, location) : undefined;
    },

    orders() {
      return orders.newestFirst().map((order) => renderOrder(order, runtime.baseUrl));
    },

    orderItems(orderId) {
      const order = orders.get(orderId);
      return order && renderOrderItems(order);
    },

    reset() {
      store.clear();
      catalog.clear();
      orders.clear();
      tokens.clear();
      faults.clear();
      log.clear();
      runtime.latency = options.latencyMs ?? 0;
      runtime.generation += 1;
    },
  };
}
