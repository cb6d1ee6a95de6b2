import { createACart, getACart, getCarts, manageCarts } from "@epcc-sdk/sdks-shopper";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  createFakeElasticPath,
  fakeEndpoints,
  type FakeElasticPathOptions,
  type FakeEndpoint,
  type FakeFault,
  type RecordedRequest,
} from "../../src/testing";
import { server } from "../support/server";
import { createTestClient, loginAs } from "../support/sdk";

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  return { fake, client };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("createFakeElasticPath options", () => {
  test("defaults", () => {
    const fake = createFakeElasticPath();
    expect(fake.baseUrl).toBe("https://useast.api.elasticpath.com");
    expect(fake.clientId).toBe("fake-client-id");
    // One per endpoint, and a last one for what the fake does not implement.
    expect(fake.handlers).toHaveLength(fakeEndpoints.length + 1);
    expect(fake.passwordProfileId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a baseUrl with a path: handlers answer below it and log paths relative to it", async () => {
    const { fake, client } = setup({ baseUrl: "https://proxy.example.com/ep/" });
    expect(fake.baseUrl).toBe("https://proxy.example.com/ep");
    const { response } = await getACart({ client, path: { cartID: "abc" } });
    expect(response.status).toBe(200);
    expect(fake.requests.map((request) => request.path)).toEqual([
      "/oauth/access_token",
      "/v2/carts/abc",
    ]);
    expect(fake.getCart("abc")?.links?.self).toBe("https://proxy.example.com/ep/v2/carts/abc");
  });

  test.each([
    [
      { baseUrl: "not a url" },
      'createFakeElasticPath: baseUrl must be an absolute http(s) URL without query or hash, got "not a url".',
    ],
    [{ clientId: "" }, "createFakeElasticPath: clientId must be a non-empty string."],
    [{ clientSecret: " " }, "createFakeElasticPath: clientSecret must be a non-empty string."],
    [
      { latencyMs: -5 },
      "createFakeElasticPath: latencyMs must be a number of milliseconds >= 0 or a function, got -5.",
    ],
  ])("invalid options %j throw", (options, message) => {
    expect(() => createFakeElasticPath(options)).toThrow(message);
  });
});

describe("seeding", () => {
  test("seedCustomer returns the customer without the password; name defaults from the email", () => {
    const fake = createFakeElasticPath();
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    expect(ada).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: "ada@example.com",
      name: "ada",
    });
    expect(
      fake.seedCustomer({ id: "c-1", email: "b@example.com", password: "x", name: "Bea" }),
    ).toEqual({
      id: "c-1",
      email: "b@example.com",
      name: "Bea",
    });
  });

  test.each([
    [{ password: "x" }, "seedCustomer needs an email address."],
    [{ email: "no-at-sign", password: "x" }, "seedCustomer needs an email address."],
    [{ email: "a@b.c", password: "" }, "seedCustomer needs a non-empty password."],
  ])("seedCustomer(%j) throws", (input, message) => {
    const fake = createFakeElasticPath();
    expect(() => fake.seedCustomer(input as never)).toThrow(message);
  });

  test("seedCustomer refuses a second customer with the same email, whatever its case", () => {
    const fake = createFakeElasticPath();
    fake.seedCustomer({ email: "ada@example.com", password: "x" });
    expect(() => fake.seedCustomer({ email: "ADA@example.com", password: "y" })).toThrow(
      'A customer with email "ADA@example.com" is already seeded.',
    );
  });

  test("seedCart: defaults, items with totals, customers, contact email", () => {
    const fake = createFakeElasticPath({ now: () => Date.parse("2025-02-02T02:02:02Z") });
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    const empty = fake.seedCart();
    expect(empty).toMatchObject({
      name: "Cart",
      description: "",
      meta: {
        timestamps: { created_at: "2025-02-02T02:02:02Z", updated_at: "2025-02-02T02:02:02Z" },
      },
      relationships: { items: { data: null }, customers: {} },
    });

    const full = fake.seedCart({
      id: "mine",
      name: "Mine",
      description: "d",
      customerIds: [ada.id],
      items: [{ name: "Tea", sku: "tea", quantity: 2, amount: 450 }],
      updatedAt: Date.parse("2025-01-01T00:00:00Z"),
    });
    expect(full).toMatchObject({
      id: "mine",
      name: "Mine",
      description: "d",
      meta: {
        display_price: { with_tax: { amount: 900, formatted: "$9.00" } },
        timestamps: { created_at: "2025-01-01T00:00:00Z", updated_at: "2025-01-01T00:00:00Z" },
      },
      relationships: { customers: { data: [{ type: "customer", id: ada.id }] } },
    });
    expect(fake.seedCart({ contactEmail: "guest@example.com" }).contact).toEqual({
      email: "guest@example.com",
    });
  });

  test.each([
    [
      { id: "has space" },
      'seedCart: id may only contain letters, digits, "-" and "_", got "has space".',
    ],
    [{ customerIds: ["nobody"] }, 'seedCart: no customer with id "nobody" was seeded.'],
    [
      { items: [{ name: "Tea", quantity: 0, amount: 1 }] },
      "seedCart: items[0]: quantity must be a positive integer, got 0.",
    ],
    [
      { items: [{ name: "Tea", quantity: 1, amount: 1.5 }] },
      "seedCart: items[0]: amount must be an integer >= 0 in minor units, got 1.5.",
    ],
    [{ items: [{ quantity: 1, amount: 1 }] }, "seedCart: items[0] needs a name."],
    [
      { currency: "eur" },
      'seedCart: currency must be a three-letter ISO 4217 code such as "EUR", got "eur".',
    ],
    [
      { currency: 978 },
      'seedCart: currency must be a three-letter ISO 4217 code such as "EUR", got 978.',
    ],
  ])("seedCart(%j) throws", (input, message) => {
    const fake = createFakeElasticPath();
    expect(() => fake.seedCart(input as never)).toThrow(message);
  });

  test("seedCart: a cart's currency prices the cart and its items; default USD", async () => {
    const { fake, client } = setup();
    const usd = fake.seedCart({ items: [{ name: "Tea", quantity: 2, amount: 450 }] });
    expect(usd.meta?.display_price?.with_tax).toEqual({
      amount: 900,
      currency: "USD",
      formatted: "$9.00",
    });
    const eur = fake.seedCart({
      id: "eur",
      currency: "EUR",
      items: [{ name: "Tea", quantity: 2, amount: 450 }],
    });
    expect(eur.meta?.display_price?.with_tax).toEqual({
      amount: 900,
      currency: "EUR",
      formatted: "€9.00",
    });
    expect(fake.cartItems("eur")?.[0]).toMatchObject({
      unit_price: { amount: 450, currency: "EUR" },
      meta: { display_price: { with_tax: { value: { currency: "EUR", formatted: "€9.00" } } } },
    });
    // The yen has no minor unit: 450 is ¥450.
    fake.seedCart({
      id: "jpy",
      currency: "JPY",
      items: [{ name: "Tea", quantity: 1, amount: 450 }],
    });
    const { data } = await getACart({ client, path: { cartID: "jpy" } });
    expect(data?.data?.meta?.display_price?.with_tax).toEqual({
      amount: 450,
      currency: "JPY",
      formatted: "¥450",
    });
  });

  test("seedCart refuses a contact email on a customer's cart, and a duplicate id", () => {
    const fake = createFakeElasticPath();
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    expect(() => fake.seedCart({ contactEmail: "g@example.com", customerIds: [ada.id] })).toThrow(
      "seedCart: a cart with a contactEmail cannot have customers, as in Elastic Path.",
    );
    fake.seedCart({ id: "same" });
    expect(() => fake.seedCart({ id: "same" })).toThrow('A cart with id "same" already exists.');
  });

  test("seedCarts: distinct ids, strictly decreasing updated_at, numbered names", () => {
    const fake = createFakeElasticPath();
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    const carts = fake.seedCarts(3, {
      customerIds: [ada.id],
      updatedAt: Date.parse("2025-05-05T05:00:00Z"),
    });
    expect(new Set(carts.map((cart) => cart.id)).size).toBe(3);
    expect(carts.map((cart) => cart.name)).toEqual(["Cart 1", "Cart 2", "Cart 3"]);
    expect(carts.map((cart) => cart.meta?.timestamps?.updated_at)).toEqual([
      "2025-05-05T05:00:00Z",
      "2025-05-05T04:59:00Z",
      "2025-05-05T04:58:00Z",
    ]);
    expect(fake.cartsOf(ada.id)).toEqual(carts);
  });

  test.each([0, -1, 1.5])("seedCarts(%s) throws", (count) => {
    const fake = createFakeElasticPath();
    expect(() => fake.seedCarts(count)).toThrow(
      `seedCarts: count must be a positive integer, got ${count}.`,
    );
  });

  test("issueCustomerToken and expireCustomerTokens need a seeded customer", () => {
    const fake = createFakeElasticPath();
    expect(() => fake.issueCustomerToken("nobody")).toThrow(
      'issueCustomerToken: no customer with id "nobody" was seeded.',
    );
    expect(() => fake.expireCustomerTokens("nobody")).toThrow(
      'expireCustomerTokens: no customer with id "nobody" was seeded.',
    );
  });

  test("getCart does not create a cart; cartsOf an unknown customer is empty", () => {
    const fake = createFakeElasticPath();
    expect(fake.getCart("nope")).toBeUndefined();
    expect(fake.getCart("nope")).toBeUndefined();
    expect(fake.cartsOf("nobody")).toEqual([]);
  });

  test("cartItems: the items as the wire shows them, in order; an unknown cart stays unknown", async () => {
    const { fake, client } = setup();
    fake.seedCart({
      id: "mine",
      items: [
        { name: "Tea", sku: "tea", quantity: 2, amount: 450 },
        { name: "Scone", quantity: 1, amount: 300 },
      ],
    });
    const { data } = await manageCarts({
      client,
      path: { cartID: "mine" },
      body: {
        data: { type: "custom_item", name: "Tea", sku: "tea", quantity: 1, price: { amount: 450 } },
      },
    });
    const requestsSoFar = fake.requests.length;

    const items = fake.cartItems("mine");
    expect(items?.map(({ name, sku, quantity }) => [name, sku, quantity])).toEqual([
      ["Tea", "tea", 3],
      ["Scone", "", 1],
    ]);
    // The same items the 201 listed (the SDK types that answer as CartsResponse).
    expect(items).toEqual((data as unknown as { data: unknown }).data);
    expect(fake.getCart("mine")?.relationships?.items?.data).toEqual(
      items?.map(({ id }) => ({ type: "custom_item", id })),
    );
    expect(fake.cartItems("nope")).toBeUndefined();
    expect(fake.getCart("nope")).toBeUndefined();
    expect(fake.cartItems(fake.seedCart().id)).toEqual([]);
    expect(fake.requests).toHaveLength(requestsSoFar);
  });

  test("seeding records no requests", () => {
    const fake = createFakeElasticPath();
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    fake.seedCarts(2, { customerIds: [ada.id] });
    fake.issueCustomerToken(ada.id);
    expect(fake.requests).toEqual([]);
  });
});

describe("failNext", () => {
  test("429 with Retry-After, default 1, then back to normal", async () => {
    const { fake, client } = setup();
    fake.failNext("get-cart", 1, { status: 429 });
    fake.failNext("get-cart", 1, { status: 429, retryAfter: 30 });
    fake.failNext("get-cart", 1, { status: 429, retryAfter: "Wed, 21 Oct 2015 07:28:00 GMT" });

    const first = await getACart({ client, path: { cartID: "abc" } });
    expect(first.response.status).toBe(429);
    expect(first.response.headers.get("retry-after")).toBe("1");
    expect(first.response.headers.get("content-type")).toBe("application/json");
    expect(first.error).toEqual({
      errors: [
        { status: 429, title: "Too Many Requests", detail: "Injected by the fake Elastic Path." },
      ],
    });
    const second = await getACart({ client, path: { cartID: "abc" } });
    expect(second.response.headers.get("retry-after")).toBe("30");
    const third = await getACart({ client, path: { cartID: "abc" } });
    expect(third.response.headers.get("retry-after")).toBe("Wed, 21 Oct 2015 07:28:00 GMT");
    const fourth = await getACart({ client, path: { cartID: "abc" } });
    expect(fourth.response.status).toBe(200);
    expect(fake.requestsTo("get-cart").map((request) => request.status)).toEqual([
      429, 429, 429, 200,
    ]);
  });

  test.each([500, 502, 503, 504] as const)(
    "%s: the error shape, nothing changes",
    async (status) => {
      const { fake, client } = setup();
      fake.failNext("add-items", 2, { status });
      const add = () =>
        manageCarts({
          client,
          path: { cartID: "abc" },
          body: { data: { type: "custom_item", name: "Tea", quantity: 1, price: { amount: 1 } } },
        });
      const { error, response } = await add();
      expect(response.status).toBe(status);
      expect(error).toMatchObject({ errors: [{ status }] });
      expect((await add()).response.status).toBe(status);
      expect(fake.getCart("abc")).toBeUndefined();
      expect((await add()).response.status).toBe(201);
    },
  );

  describe("afterApplying: the request is served, then its answer is replaced", () => {
    function mergeSetup() {
      const { fake, client } = setup();
      fake.seedCart({
        id: "guest",
        items: [{ name: "Tea", sku: "tea", quantity: 2, amount: 450 }],
      });
      fake.seedCart({ id: "mine", items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }] });
      const merge = () =>
        manageCarts({
          client,
          path: { cartID: "mine" },
          body: {
            data: { type: "cart_items", cart_id: "guest" },
            options: { add_all_or_nothing: false },
          },
        });
      const teaInMine = () => fake.cartItems("mine")?.map((item) => item.quantity);
      return { fake, client, merge, teaInMine };
    }

    test.each([500, 502, 503, 504] as const)(
      "%s: the client sees the error, the merge happened",
      async (status) => {
        const { fake, merge, teaInMine } = mergeSetup();
        fake.failNext("add-items", 1, { status, afterApplying: true });

        const { data, error, response } = await merge();
        expect(response.status).toBe(status);
        expect(data).toBeUndefined();
        expect(error).toEqual({
          errors: [
            { status, title: expect.any(String), detail: "Injected by the fake Elastic Path." },
          ],
        });
        expect(teaInMine()).toEqual([3]);
        expect(fake.requestsTo("add-items")).toMatchObject([{ status }]);

        // The fault was used up; the same merge again is applied again (not idempotent).
        expect((await merge()).response.status).toBe(201);
        expect(teaInMine()).toEqual([5]);
      },
    );

    test("network: the SDK call rejects with a TypeError, the merge happened", async () => {
      const { fake, merge, teaInMine } = mergeSetup();
      fake.failNext("add-items", 1, { network: true, afterApplying: true });
      await expect(merge()).rejects.toThrow(TypeError);
      expect(teaInMine()).toEqual([3]);
      expect(fake.requestsTo("add-items")).toMatchObject([{ status: "network-error" }]);
    });

    test("without it (or with false), a fault lands before: nothing changes", async () => {
      const { fake, merge, teaInMine } = mergeSetup();
      fake.failNext("add-items", 1, { status: 503 });
      fake.failNext("add-items", 1, { status: 503, afterApplying: false });
      fake.failNext("add-items", 1, { network: true, afterApplying: false });
      expect((await merge()).response.status).toBe(503);
      expect((await merge()).response.status).toBe(503);
      await expect(merge()).rejects.toThrow(TypeError);
      expect(teaInMine()).toEqual([1]);
    });

    test("queued with other faults, in order; each applies or not as it says", async () => {
      const { fake, merge, teaInMine } = mergeSetup();
      fake.failNext("add-items", 1, { status: 502 });
      fake.failNext("add-items", 2, { status: 504, afterApplying: true });
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await merge()).response.status);
      expect(statuses).toEqual([502, 504, 504, 201]);
      expect(teaInMine()).toEqual([1 + 2 * 3]);
    });

    test("any endpoint: a cart created with the shopper's token exists, though the client saw a 500", async () => {
      const { fake, client } = setup();
      const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
      fake.failNext("create-cart", 1, { status: 500, afterApplying: true });
      const { response } = await createACart({
        client,
        body: { data: { name: "Weekend" } },
        headers: { "X-Moltin-Customer-Token": fake.issueCustomerToken(ada.id) },
      });
      expect(response.status).toBe(500);
      expect(fake.cartsOf(ada.id).map((cart) => cart.name)).toEqual(["Weekend"]);
    });

    test("a request the service refuses changes nothing; the client still sees the fault", async () => {
      const { fake, client, teaInMine } = mergeSetup();
      fake.failNext("add-items", 1, { status: 503, afterApplying: true });
      const { response } = await manageCarts({
        client,
        path: { cartID: "mine" },
        body: { data: { type: "cart_items", cart_id: "mine" } },
      });
      expect(response.status).toBe(503);
      expect(teaInMine()).toEqual([1]);
    });
  });

  test("faults on the auth endpoints carry string statuses, like their other errors", async () => {
    const { fake, client } = setup();
    fake.seedCustomer({ email: "ada@example.com", password: "x" });
    fake.failNext("customer-token", 1, { status: 503 });
    await expect(loginAs(client, "ada@example.com", "x")).rejects.toThrow(
      'Login as ada@example.com failed with 503: {"errors":[{"status":"503","title":"Service Unavailable"',
    );
  });

  test("a network error: the SDK call rejects with a TypeError; the log says network-error", async () => {
    const { fake, client } = setup();
    fake.failNext("get-cart", 1, { network: true });
    await expect(getACart({ client, path: { cartID: "abc" } })).rejects.toThrow(TypeError);
    expect(fake.requestsTo("get-cart")).toMatchObject([{ status: "network-error" }]);
    expect((await getACart({ client, path: { cartID: "abc" } })).response.status).toBe(200);
  });

  test("faults queue per endpoint, in order, and only hit their endpoint", async () => {
    const { fake, client } = setup();
    fake.failNext("get-cart", 2, { status: 503 });
    fake.failNext("get-cart", 1, { status: 500 });
    await getACart({ client, path: { cartID: "abc" } });
    await getACart({ client, path: { cartID: "abc" } });
    await getACart({ client, path: { cartID: "abc" } });
    await getACart({ client, path: { cartID: "abc" } });
    expect(fake.requestsTo("access-token").map((request) => request.status)).toEqual([200]);
    expect(fake.requestsTo("get-cart").map((request) => request.status)).toEqual([
      503, 503, 500, 200,
    ]);
  });

  test("a fault on access-token makes the SDK's token fetch fail", async () => {
    const { fake, client } = setup();
    fake.failNext("access-token", 1, { status: 500 });
    await expect(getACart({ client, path: { cartID: "abc" } })).rejects.toThrow(
      "Failed to get access token",
    );
    expect(fake.requests.map((request) => `${request.endpoint} ${request.status}`)).toEqual([
      "access-token 500",
    ]);
  });

  test.each<[FakeEndpoint, number, FakeFault, string]>([
    [
      "nope" as FakeEndpoint,
      1,
      { status: 500 },
      'failNext: unknown endpoint "nope"; use one of access-token, customer-token, create-cart, list-carts, get-cart, update-cart, delete-cart, add-items, update-item, delete-item, clear-items, delete-discount, checkout, list-orders, get-order, get-order-items, associate, disassociate, account-member-token, associate-account, disassociate-account.',
    ],
    ["get-cart", 0, { status: 500 }, "failNext: count must be a positive integer, got 0."],
    [
      "get-cart",
      1,
      { status: 404 } as never,
      "failNext: fault status must be 429, 500, 502, 503 or 504, got 404.",
    ],
    ["get-cart", 1, { network: false } as never, "failNext: a network fault is { network: true }."],
    [
      "get-cart",
      1,
      { status: 429, retryAfter: -1 },
      "failNext: retryAfter must be seconds >= 0 or an HTTP date string.",
    ],
    [
      "add-items",
      1,
      { status: 429, afterApplying: true } as never,
      "failNext: a 429 cannot have afterApplying: Elastic Path answers 429 to requests it did not serve.",
    ],
    [
      "add-items",
      1,
      { status: 503, afterApplying: "yes" } as never,
      'failNext: afterApplying must be true or false, got "yes".',
    ],
    [
      "add-items",
      1,
      { network: true, afterApplying: 1 } as never,
      "failNext: afterApplying must be true or false, got 1.",
    ],
  ])("failNext(%j, %j, %j) throws", (endpoint, count, fault, message) => {
    const fake = createFakeElasticPath();
    expect(() => fake.failNext(endpoint, count, fault)).toThrow(message);
  });
});

describe("latency", () => {
  test("a fixed latency delays every answer; faults come after it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const { fake, client } = setup({ latencyMs: 200 });
    fake.failNext("get-cart", 1, { status: 503 });
    let settled = false;
    const pending = getACart({ client, path: { cartID: "abc" } }).then((result) => {
      settled = true;
      return result;
    });

    await vi.advanceTimersByTimeAsync(199); // the token request's latency
    expect(fake.requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests.map((request) => request.endpoint)).toEqual(["access-token"]);
    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).response.status).toBe(503);
  });

  test("a latency function sees method, path and endpoint; setLatency and reset change it", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    const seen: unknown[] = [];
    const { fake, client } = setup({
      latencyMs: (request) => {
        seen.push(request);
        return request.endpoint === "get-cart" ? 1000 : 0;
      },
    });
    const slow = getACart({ client, path: { cartID: "abc" } });
    await vi.advanceTimersByTimeAsync(1000);
    await slow;
    expect(seen).toEqual([
      { method: "POST", path: "/oauth/access_token", endpoint: "access-token" },
      { method: "GET", path: "/v2/carts/abc", endpoint: "get-cart" },
    ]);

    fake.setLatency(0);
    expect((await getACart({ client, path: { cartID: "abc" } })).response.status).toBe(200);
    expect(seen).toHaveLength(2);

    fake.reset();
    const slowAgain = getACart({ client, path: { cartID: "abc" } });
    // reset forgot the SDK's token: a slow 401, a fast new token, a slow retry.
    await vi.advanceTimersByTimeAsync(2000);
    expect((await slowAgain).response.status).toBe(200);
    expect(seen.slice(2).map((request) => (request as { endpoint: string }).endpoint)).toEqual([
      "get-cart",
      "access-token",
      "get-cart",
    ]);
  });

  test("setLatency validates its input", () => {
    const fake = createFakeElasticPath();
    expect(() => fake.setLatency(Number.NaN)).toThrow(
      "setLatency must be a number of milliseconds >= 0 or a function, got NaN.",
    );
  });

  test("a latency function returning nonsense: a 500 that says why", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { fake, client } = setup();
    fake.setLatency(() => -1);
    await expect(getACart({ client, path: { cartID: "abc" } })).rejects.toThrow();
    expect(fake.requests[0]).toMatchObject({ endpoint: "access-token", status: 500 });
    expect(error).toHaveBeenCalled();
  });
});

describe("the request log", () => {
  test("records method, path, query, lower-cased headers, parsed body, status and timing", async () => {
    const { fake, client } = setup();
    const before = Date.now();
    await getCarts({
      client,
      query: { "page[limit]": 5 },
      headers: { "X-Moltin-Customer-Token": "bogus" },
    });
    const [, list] = fake.requests;
    expect(list).toEqual({
      id: 2,
      endpoint: "list-carts",
      method: "GET",
      path: "/v2/carts",
      query: { "page[limit]": "5" },
      headers: expect.objectContaining({
        authorization: expect.stringMatching(/^Bearer /),
        "x-moltin-customer-token": "bogus",
      }),
      body: undefined,
      status: 401,
      startedAt: expect.any(Number),
      finishedAt: expect.any(Number),
    });
    expect(list?.startedAt).toBeGreaterThanOrEqual(before);
    expect(list?.finishedAt).toBeGreaterThanOrEqual(list?.startedAt ?? 0);
    expect(Object.isFrozen(list)).toBe(true);
  });

  test("keeps arrival order even when a later request finishes first", async () => {
    const { fake, client } = setup();
    await getACart({ client, path: { cartID: "warm-up" } }); // fetch the token first
    fake.setLatency((request) => (request.path.endsWith("slow") ? 40 : 0));
    const finished: number[] = [];
    fake.onRequest((request) => finished.push(request.id));
    await Promise.all([
      getACart({ client, path: { cartID: "slow" } }),
      getACart({ client, path: { cartID: "fast" } }),
    ]);
    expect(finished).toEqual([4, 3]);
    expect(fake.requests.map((request) => request.path)).toEqual([
      "/oauth/access_token",
      "/v2/carts/warm-up",
      "/v2/carts/slow",
      "/v2/carts/fast",
    ]);
  });

  test("onRequest listeners hear every answered request until they unsubscribe", async () => {
    const { fake, client } = setup();
    const heard: RecordedRequest[] = [];
    const unsubscribe = fake.onRequest((request) => heard.push(request));
    await getACart({ client, path: { cartID: "abc" } });
    unsubscribe();
    await getACart({ client, path: { cartID: "abc" } });
    expect(heard.map((request) => request.endpoint)).toEqual(["access-token", "get-cart"]);
  });

  test("a listener that throws does not break the answer", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { fake, client } = setup();
    fake.onRequest(() => {
      throw new Error("panel broke");
    });
    expect((await getACart({ client, path: { cartID: "abc" } })).response.status).toBe(200);
    expect(error).toHaveBeenCalled();
  });

  test("requests is a snapshot; requestsTo filters by endpoint and validates it", async () => {
    const { fake, client } = setup();
    const snapshot = fake.requests;
    await getACart({ client, path: { cartID: "abc" } });
    expect(snapshot).toEqual([]);
    expect(fake.requestsTo("get-cart")).toHaveLength(1);
    expect(() => fake.requestsTo("carts" as FakeEndpoint)).toThrow(
      'requestsTo: unknown endpoint "carts"',
    );
  });
});

describe("reset", () => {
  test("clears seeds, tokens, requests, faults and latency; listeners stay", async () => {
    const { fake, client } = setup({ latencyMs: 0 });
    const ada = fake.seedCustomer({ email: "ada@example.com", password: "x" });
    fake.seedCarts(2, { customerIds: [ada.id] });
    const token = fake.issueCustomerToken(ada.id);
    await getCarts({ client, headers: { "X-Moltin-Customer-Token": token } });
    fake.failNext("get-cart", 5, { status: 500 });
    fake.setLatency(10_000);
    const heard: number[] = [];
    fake.onRequest((request) => heard.push(request.id));

    fake.reset();
    expect(fake.requests).toEqual([]);
    expect(fake.associations()).toEqual([]);
    expect(fake.cartsOf(ada.id)).toEqual([]);
    expect(() => fake.issueCustomerToken(ada.id)).toThrow();

    // The SDK's old token is unknown now: 401, then it fetches a new one (ids restart at 1).
    const { response } = await getACart({ client, path: { cartID: "abc" } });
    expect(response.status).toBe(200);
    expect(
      fake.requests.map((request) => `${request.id} ${request.endpoint} ${request.status}`),
    ).toEqual(["1 get-cart 401", "2 access-token 200", "3 get-cart 200"]);
    expect(heard).toEqual([1, 2, 3]);
  });

  test("a request in flight during reset is answered but not logged", async () => {
    const { fake, client } = setup();
    await getACart({ client, path: { cartID: "warm-up" } });
    fake.setLatency(30);
    const pending = getACart({ client, path: { cartID: "abc" } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    fake.reset();
    expect((await pending).response.status).toBe(200);
    // The in-flight GET met the emptied token book (401, not logged); the SDK's new token
    // and its retry are logged, numbered from 1 again.
    expect(fake.requests.map((r) => `${r.id} ${r.method} ${r.path} ${r.status}`)).toEqual([
      "1 POST /oauth/access_token 200",
      "2 GET /v2/carts/abc 200",
    ]);
  });
});
