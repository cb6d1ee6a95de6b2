/**
 * Hostile input to every public hook and function (issue 7): empty, whitespace, 10 KB
 * strings, unicode look-alikes, path traversal, `__proto__` keys, null, numbers, objects
 * where strings belong. Each is refused with an ElasticPathError that names the argument,
 * before any request, and changes nothing; legitimate input (unicode emails and passwords,
 * long passphrases) still goes through.
 */
import { QueryClient, QueryClientProvider, type QueryKey } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  ElasticPathProvider,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCreateCart,
  useCustomerSession,
  useDeleteCart,
  useDisassociateCartFromCustomer,
  useInfiniteCustomerCarts,
  useUpdateCart,
  type CustomerSession,
} from "../../src";
import { createFakeElasticPath, type FakeElasticPath } from "../../src/testing";
import { createHarness, SHOPPER } from "../support/harness";
import { createTestClient } from "../support/sdk";

const TEN_KB = "a".repeat(10 * 1024);
const protoKeyed = (inner: object) =>
  JSON.parse(`{"__proto__": ${JSON.stringify(inner)}}`) as object;

/** Hostile values for an id that ends up in a URL path (cart and customer ids). */
const hostileIds: Array<[string, unknown]> = [
  ["empty", ""],
  ["whitespace", " \t\n"],
  ["10 KB", TEN_KB],
  ["Cyrillic look-alike", "саrt-1"],
  ["fullwidth look-alike", "ｃart-1"],
  ["zero-width space", "cart\u200b1"],
  ["right-to-left override", "cart\u202e1"],
  ["path traversal", "../admin"],
  ["encoded path traversal", "..%2Fadmin"],
  ["query string", "cart?limit=1"],
  ["null", null],
  ["number", 42],
  ["NaN", Number.NaN],
  ["boolean", true],
  ["object", { toString: () => "cart-1" }],
  ["array", ["cart-1"]],
  ["__proto__-keyed object", protoKeyed({ id: "cart-1" })],
];

/** Hostile values for a string that goes into a header or a body (tokens, emails). */
const hostileText: Array<[string, unknown]> = [
  ["empty", ""],
  ["whitespace", "   "],
  ["null", null],
  ["number", 42],
  ["object", { toString: () => "text" }],
  ["array", ["text"]],
];

/** Hostile values where an object of arguments belongs. */
const hostileObjects: Array<[string, unknown]> = [
  ["null", null],
  ["string", "cartId=1"],
  ["number", 42],
  ["array", [{}]],
];

/**
 * Everything a hostile call could have changed: storage, the query cache, the fake's state.
 * (The refused mutation itself stays in the mutation cache: its hook shows the error.)
 */
function snapshot(queryClient: QueryClient, fake: FakeElasticPath) {
  return JSON.stringify({
    storage: Object.entries(localStorage).sort(),
    queries: queryClient
      .getQueryCache()
      .getAll()
      .map((query) => [query.queryKey, query.state.data, query.state.status]),
    associations: fake.associations(),
  });
}

function expectRefusal(error: unknown, argument: string) {
  expect(error).toBeInstanceOf(ElasticPathError);
  const refusal = error as ElasticPathError;
  expect(refusal.message).toMatch(new RegExp(`\\b${argument}\\b`));
  // Rejected input: no HTTP status, nothing to retry.
  expect(refusal.status).toBeUndefined();
  expect(refusal.retryable).toBe(false);
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Rejections nobody handled surface after the current macrotask.
  await new Promise((resolve) => setTimeout(resolve, 0));
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
});

/** A signed-in shopper with a cart and a cached list, and every hook a storefront uses. */
function signedInStorefront() {
  const harness = createHarness();
  const { fake, client, queryClient, wrapper } = harness;
  const customer = fake.seedCustomer(SHOPPER);
  const [cart] = fake.seedCarts(1, { customerIds: [customer.id] });
  const session: CustomerSession = {
    status: "signed-in",
    customerId: customer.id,
    token: fake.issueCustomerToken(customer.id),
    expiresAt: Date.now() + 3_600_000,
  };
  localStorage.setItem("_epcc_customer_session", JSON.stringify(session));
  localStorage.setItem("_store_ep_cart", "kept-cart");
  queryClient.setQueryData(cartQueries.customerCarts({ client, session }).queryKey, {
    data: [cart!],
    links: {},
    meta: { page: { limit: 20, offset: 0, current: 1, total: 1 }, results: { total: 1 } },
  });
  const view = renderHook(
    () => ({
      cartId: useCartId(),
      session: useCustomerSession(),
      login: useCustomerLogin(),
      // No automatic call: what is sent is what the test sends.
      associate: useAssociateCartWithCustomer({ associateOnLogin: false }),
      disassociate: useDisassociateCartFromCustomer(),
      create: useCreateCart(),
      update: useUpdateCart(),
      remove: useDeleteCart(),
    }),
    { wrapper },
  );
  const before = snapshot(queryClient, fake);
  return {
    ...harness,
    customer,
    session,
    result: view.result,
    /** Nothing was sent, nothing changed. */
    expectUntouched() {
      expect(fake.requests).toEqual([]);
      expect(snapshot(queryClient, fake)).toBe(before);
      expect(view.result.current.session).toEqual(session);
      expect(view.result.current.cartId[0]).toBe("kept-cart");
    },
  };
}

/** Calls `mutateAsync` and returns what it rejected with (or fails if it resolved). */
async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  let caught: unknown = "resolved";
  await act(async () => {
    caught = await run().then(
      () => "resolved",
      (error: unknown) => error,
    );
  });
  return caught;
}

describe("useCartId's setter", () => {
  it.each(hostileIds)("refuses %s and keeps the cart", (_, value) => {
    const shop = signedInStorefront();
    let caught: unknown;
    act(() => {
      try {
        shop.result.current.cartId[1](value as string);
      } catch (error) {
        caught = error;
      }
    });
    expectRefusal(caught, "cartId");
    shop.expectUntouched();
  });

  it.each([["__proto__"], ["constructor"], ["a".repeat(256)], ["Cart_1-x"]])(
    "accepts the safe id %s, which touches no prototype",
    (id) => {
      const shop = signedInStorefront();
      act(() => shop.result.current.cartId[1](id));
      expect(shop.result.current.cartId[0]).toBe(id);
      expect(localStorage.getItem("_store_ep_cart")).toBe(id);
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe("useCustomerLogin's variables", () => {
  const cases: Array<[string, unknown, string]> = [
    ...hostileObjects.map(([label, value]): [string, unknown, string] => [
      label,
      value,
      "variables",
    ]),
    ["__proto__-keyed credentials", protoKeyed(SHOPPER), "variables"],
    ...hostileText.map(([label, email]): [string, unknown, string] => [
      `email ${label}`,
      { email, password: SHOPPER.password },
      "email",
    ]),
    ["email of 10 KB", { email: `${TEN_KB}@example.com`, password: "x" }, "email"],
    ["email without @", { email: "ada.example.com", password: "x" }, "email"],
    ...hostileText
      .filter(([label]) => label !== "whitespace") // a passphrase of spaces is a passphrase
      .map(([label, password]): [string, unknown, string] => [
        `password ${label}`,
        { email: SHOPPER.email, password },
        "password",
      ]),
    ["password of 10 KB", { email: SHOPPER.email, password: TEN_KB }, "password"],
  ];

  it.each(cases)("refuses %s before any request", async (_, variables, argument) => {
    const shop = signedInStorefront();
    const error = await rejection(() => shop.result.current.login.mutateAsync(variables as never));
    expectRefusal(error, argument);
    shop.expectUntouched();
  });

  const legitimate: Array<[string, { email: string; password: string }]> = [
    ["a unicode email", { email: "josé@exämple.com", password: "correct horse" }],
    ["an email in Chinese", { email: "用户@例子.广告", password: "correct horse" }],
    ["a unicode password", { email: "ada@example.com", password: "pässwörd 🔑 密码" }],
    ["a 1024-character password", { email: "ada@example.com", password: "p".repeat(1024) }],
    ["a password with ../ and __proto__", { email: "ada@example.com", password: "../__proto__" }],
  ];

  it.each(legitimate)("accepts %s", async (_, credentials) => {
    const { fake, wrapper } = createHarness();
    const customer = fake.seedCustomer(credentials);
    const { result } = renderHook(() => useCustomerLogin(), { wrapper });
    const session = await act(() => result.current.mutateAsync(credentials));
    expect(session.customerId).toBe(customer.id);
    expect(fake.requestsTo("customer-token")[0]?.body).toMatchObject({ data: credentials });
  });
});

describe.each([
  ["useAssociateCartWithCustomer", "associate"],
  ["useDisassociateCartFromCustomer", "disassociate"],
] as const)("%s's variables", (_, hook) => {
  const valid = (shop: ReturnType<typeof signedInStorefront>) => ({
    cartId: "cart-1",
    customerId: shop.customer.id,
    customerToken: shop.session.status === "signed-in" ? shop.session.token : "",
  });
  const cases: Array<[string, (base: Record<string, unknown>) => unknown, string]> = [
    ...hostileObjects.map(([label, value]): [string, () => unknown, string] => [
      label,
      () => value,
      "variables",
    ]),
    ["undefined", () => undefined, "variables"],
    ["__proto__-keyed variables", (base) => protoKeyed(base), "variables"],
    ...hostileIds.map(
      ([label, cartId]): [string, (base: Record<string, unknown>) => unknown, string] => [
        `cartId ${label}`,
        (base) => ({ ...base, cartId }),
        "cartId",
      ],
    ),
    ...hostileIds.map(
      ([label, customerId]): [string, (base: Record<string, unknown>) => unknown, string] => [
        `customerId ${label}`,
        (base) => ({ ...base, customerId }),
        "customerId",
      ],
    ),
    ...hostileText.map(
      ([label, customerToken]): [string, (base: Record<string, unknown>) => unknown, string] => [
        `customerToken ${label}`,
        (base) => ({ ...base, customerToken }),
        "customerToken",
      ],
    ),
    ["customerToken of 10 KB", (base) => ({ ...base, customerToken: TEN_KB }), "customerToken"],
    // A header cannot carry these: refused up front, not reported as a network failure.
    [
      "customerToken with a line break",
      (base) => ({ ...base, customerToken: "abc\r\nX-Admin: 1" }),
      "customerToken",
    ],
    [
      "customerToken with non-ASCII",
      (base) => ({ ...base, customerToken: "tökén" }),
      "customerToken",
    ],
  ];

  it.each(cases)("refuses %s before any request", async (_label, make, argument) => {
    const shop = signedInStorefront();
    const variables = make(valid(shop));
    const error = await rejection(() => shop.result.current[hook].mutateAsync(variables as never));
    expectRefusal(error, argument);
    await waitFor(() => expect(shop.result.current[hook].error).toBe(error));
    shop.expectUntouched();
  });
});

describe("the My carts mutations' variables", () => {
  type Case = [string, unknown, string];
  const variablesCases = (base: Record<string, unknown>): Case[] => [
    ...hostileObjects.map(([label, value]): Case => [label, value, "variables"]),
    ["undefined", undefined, "variables"],
    ["__proto__-keyed variables", protoKeyed(base), "variables"],
  ];
  const notStrings: Array<[string, unknown]> = hostileText.filter(
    ([, value]) => typeof value !== "string",
  );
  const notBooleans: Array<[string, unknown]> = [
    ["a string", "yes"],
    ["a number", 1],
    ["null", null],
  ];
  const names = (base: Record<string, unknown>): Case[] => [
    ...hostileText.map(([label, name]): Case => [`name ${label}`, { ...base, name }, "name"]),
    ["name of 10 KB", { ...base, name: TEN_KB }, "name"],
    ...notStrings.map(([label, description]): Case => [
      `description ${label}`,
      { ...base, description },
      "description",
    ]),
  ];
  const cartIds = (base: Record<string, unknown>): Case[] =>
    hostileIds.map(([label, cartId]): Case => [`cartId ${label}`, { ...base, cartId }, "cartId"]);

  const cases: Array<["create" | "update" | "remove", ...Case]> = [
    ...[
      ...variablesCases({ name: "Gifts" }),
      ...names({ name: "Gifts" }),
      ...notBooleans.map(([label, makeCurrent]): Case => [
        `makeCurrent ${label}`,
        { name: "Gifts", makeCurrent },
        "makeCurrent",
      ]),
    ].map((c) => ["create", ...c] as ["create", ...Case]),
    ...[
      ...variablesCases({ cartId: "cart-1", name: "Gifts" }),
      ...cartIds({ name: "Gifts" }),
      ...names({ cartId: "cart-1" }).filter(([label]) => !label.startsWith("name ") || true),
      ["nothing to change", { cartId: "cart-1" }, "name"] as Case,
    ].map((c) => ["update", ...c] as ["update", ...Case]),
    ...[
      ...variablesCases({ cartId: "cart-1" }),
      ...cartIds({}),
      ...notBooleans.map(([label, disassociateFirst]): Case => [
        `disassociateFirst ${label}`,
        { cartId: "cart-1", disassociateFirst },
        "disassociateFirst",
      ]),
    ].map((c) => ["remove", ...c] as ["remove", ...Case]),
  ];

  it.each(cases)("%s refuses %s before any request", async (hook, _label, variables, argument) => {
    const shop = signedInStorefront();
    const error = await rejection(() => shop.result.current[hook].mutateAsync(variables as never));
    expectRefusal(error, argument);
    await waitFor(() => expect(shop.result.current[hook].error).toBe(error));
    shop.expectUntouched();
  });
});

describe.each([
  ["useCustomerCarts", (params: unknown) => useCustomerCarts(params as never)],
  ["useInfiniteCustomerCarts", (params: unknown) => useInfiniteCustomerCarts(params as never)],
] as const)("%s's params", (_, useList) => {
  const cases: Array<[string, unknown, string]> = [
    ...hostileObjects.map(([label, value]): [string, unknown, string] => [label, value, "params"]),
    ["__proto__-keyed params", protoKeyed({ limit: 1000 }), "params"],
    ...([0, 101, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, "10", null, {}] as unknown[]).map(
      (limit): [string, unknown, string] => [`limit ${String(limit)}`, { limit }, "limit"],
    ),
  ];

  it.each(cases)("refuses %s while rendering, before any request", (_label, params, argument) => {
    const shop = signedInStorefront();
    // Thrown while rendering: React reports it through console.error on its way out.
    vi.spyOn(console, "error").mockImplementation(() => {});
    let caught: unknown;
    expect(() =>
      renderHook(
        () => {
          try {
            return useList(params);
          } catch (error) {
            caught = error;
            throw error;
          }
        },
        { wrapper: shop.wrapper },
      ),
    ).toThrow();
    expectRefusal(caught, argument);
    shop.expectUntouched();
  });
});

describe("cartQueries", () => {
  const harness = () => {
    const { fake, client } = createHarness();
    const signedIn: CustomerSession = {
      status: "signed-in",
      customerId: "customer-1",
      token: "token",
      expiresAt: Date.now() + 60_000,
    };
    return { fake, client, signedIn };
  };
  type Call = (h: ReturnType<typeof harness>) => unknown;
  const cases: Array<[string, Call, string]> = [
    ...hostileObjects.map(([label, params]): [string, Call, string] => [
      `customerCarts params ${label}`,
      ({ client, signedIn }) =>
        cartQueries.customerCarts({ client, session: signedIn }, params as never),
      "params",
    ]),
    ...([0, 101, "20", null] as unknown[]).map((limit): [string, Call, string] => [
      `customerCarts limit ${String(limit)}`,
      ({ client, signedIn }) =>
        cartQueries.customerCarts({ client, session: signedIn }, { limit } as never),
      "limit",
    ]),
    ...([-1, 10_001, 2.5, "0"] as unknown[]).map((offset): [string, Call, string] => [
      `customerCarts offset ${String(offset)}`,
      ({ client, signedIn }) =>
        cartQueries.customerCarts({ client, session: signedIn }, { offset } as never),
      "offset",
    ]),
    ...([0, 101, "20"] as unknown[]).map((limit): [string, Call, string] => [
      `infiniteCustomerCarts limit ${String(limit)}`,
      ({ client, signedIn }) =>
        cartQueries.infiniteCustomerCarts({ client, session: signedIn }, { limit } as never),
      "limit",
    ]),
    ...hostileIds.map(([label, cartId]): [string, Call, string] => [
      `cart cartId ${label}`,
      ({ client }) => cartQueries.cart({ client }, cartId as string),
      "cartId",
    ]),
    ...[
      ["null", null],
      ["an empty object", {}],
      ["a source without a client", { session: { status: "signed-out" } }],
    ].map(([label, source]): [string, Call, string] => [
      `customerCarts source ${String(label)}`,
      () => cartQueries.customerCarts(source as never),
      "source",
    ]),
    [
      "customerCarts source with a malformed session",
      ({ client }) =>
        cartQueries.customerCarts({
          client,
          session: { status: "signed-in", customerId: "../x" } as never,
        }),
      "session",
    ],
    ["cart without a client", () => cartQueries.cart({} as never, "cart-1"), "client"],
    ["cart with a null source", () => cartQueries.cart(null as never, "cart-1"), "client"],
  ];

  it.each(cases)("refuses %s", (_label, call, argument) => {
    const h = harness();
    let caught: unknown;
    try {
      call(h);
    } catch (error) {
      caught = error;
    }
    expectRefusal(caught, argument);
    expect(h.fake.requests).toEqual([]);
  });
});

describe("ElasticPathProvider's props", () => {
  const adapter = { get: () => undefined, set: () => {} };
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["client null", { client: null }, "client"],
    ["client a string", { client: "https://useast.api.elasticpath.com" }, "client"],
    ["client an empty object", { client: {} }, "client"],
    ...hostileIds.map(([label, cartId]): [string, Record<string, unknown>, string] => [
      `controlled cartId ${label}`,
      { cartId },
      "cartId",
    ]),
    ["controlled session null", { session: null }, "session"],
    ["controlled session a string", { session: "signed-in" }, "session"],
    ["controlled session of unknown status", { session: { status: "admin" } }, "session"],
    [
      "controlled session without a token",
      { session: { status: "signed-in", customerId: "c-1", expiresAt: Date.now() + 1000 } },
      "session",
    ],
    [
      "controlled session with an unsafe customer id",
      {
        session: {
          status: "signed-in",
          customerId: "../c",
          token: "t",
          expiresAt: Date.now() + 1000,
        },
      },
      "session",
    ],
    [
      "controlled session expiring at a string",
      { session: { status: "signed-in", customerId: "c-1", token: "t", expiresAt: "tomorrow" } },
      "session",
    ],
    ["onSessionChange a string", { onSessionChange: "reload()" }, "onSessionChange"],
    ["onCartIdChange an object", { onCartIdChange: {} }, "onCartIdChange"],
    ["keepCartOnLogout a string", { keepCartOnLogout: "false" }, "keepCartOnLogout"],
    ["sessionStorage a string", { sessionStorage: "localStorage" }, "sessionStorage"],
    ["sessionStorage without set", { sessionStorage: { get: adapter.get } }, "sessionStorage"],
    ["cartIdStorage null", { cartIdStorage: null }, "cartIdStorage"],
    [
      "cartIdStorage with get not a function",
      { cartIdStorage: { ...adapter, get: 5 } },
      "cartIdStorage",
    ],
  ];

  it.each(cases)("refuses %s while rendering", (_label, props, argument) => {
    const fake = createFakeElasticPath();
    const { client } = createTestClient(fake);
    localStorage.setItem("_store_ep_cart", "kept-cart");
    const before = JSON.stringify(Object.entries(localStorage).sort());
    vi.spyOn(console, "error").mockImplementation(() => {});
    const queryClient = new QueryClient();
    let caught: unknown;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider client={client} {...props}>
          {children}
        </ElasticPathProvider>
      </QueryClientProvider>
    );
    try {
      renderHook(() => useCustomerSession(), { wrapper });
    } catch (error) {
      caught = error;
    }
    expectRefusal(caught, argument);
    expect(fake.requests).toEqual([]);
    expect(JSON.stringify(Object.entries(localStorage).sort())).toBe(before);
    expect(queryClient.getQueryCache().getAll()).toEqual([] as QueryKey[]);
  });
});

describe("what storage holds (anyone can edit it)", () => {
  const storedSessions: Array<[string, string]> = [
    ["not JSON", "{signed-in"],
    ["JSON null", "null"],
    [
      "a __proto__-keyed session",
      '{"__proto__": {"customerId": "c-1", "token": "t", "expiresAt": 9e15}}',
    ],
    ["an unsafe customer id", JSON.stringify({ customerId: "../c", token: "t", expiresAt: 9e15 })],
    [
      "a token with a line break",
      JSON.stringify({ customerId: "c-1", token: "t\r\nX: 1", expiresAt: 9e15 }),
    ],
    ["a 10 KB token", JSON.stringify({ customerId: "c-1", token: TEN_KB, expiresAt: 9e15 })],
    ["expiresAt a string", JSON.stringify({ customerId: "c-1", token: "t", expiresAt: "9e15" })],
  ];

  it.each(storedSessions)("reads a stored session that is %s as signed out", (_, stored) => {
    const { fake, wrapper } = createHarness();
    localStorage.setItem("_epcc_customer_session", stored);
    const { result } = renderHook(
      () => ({ session: useCustomerSession(), carts: useCustomerCarts() }),
      { wrapper },
    );
    expect(result.current.session).toEqual({ status: "signed-out" });
    expect(fake.requests).toEqual([]);
  });

  it.each(hostileIds.filter(([, value]) => typeof value === "string"))(
    "reads a stored cart id that is %s as no cart",
    (_, stored) => {
      const { fake, wrapper } = createHarness();
      localStorage.setItem("_store_ep_cart", stored as string);
      const { result } = renderHook(() => useCartId(), { wrapper });
      expect(result.current[0]).toBeUndefined();
      expect(fake.requests).toEqual([]);
    },
  );
});

describe("createFakeElasticPath and its seed functions", () => {
  /** A fake with one customer and one cart, to show a refused call changed nothing. */
  const seeded = () => {
    const fake = createFakeElasticPath();
    const customer = fake.seedCustomer({ email: "ada@example.com", password: "secret" });
    fake.seedCart({ id: "cart-1", customerIds: [customer.id] });
    const state = () =>
      JSON.stringify([fake.associations(), fake.cartsOf(customer.id), fake.requests]);
    return { fake, customer, state, before: state() };
  };
  type Call = (s: ReturnType<typeof seeded>) => unknown;
  const cases: Array<[string, Call, RegExp]> = [
    [
      "baseUrl javascript:",
      () => createFakeElasticPath({ baseUrl: "javascript:alert(1)" }),
      /baseUrl/,
    ],
    [
      "baseUrl with a query",
      () => createFakeElasticPath({ baseUrl: "https://x.test/?a=1" }),
      /baseUrl/,
    ],
    ["baseUrl a number", () => createFakeElasticPath({ baseUrl: 42 as never }), /baseUrl/],
    ["clientId empty", () => createFakeElasticPath({ clientId: "" }), /clientId/],
    ["clientId whitespace", () => createFakeElasticPath({ clientId: "  " }), /clientId/],
    [
      "clientSecret null",
      () => createFakeElasticPath({ clientSecret: null as never }),
      /clientSecret/,
    ],
    ["latencyMs negative", () => createFakeElasticPath({ latencyMs: -1 }), /latencyMs/],
    ["latencyMs NaN", () => createFakeElasticPath({ latencyMs: Number.NaN }), /latencyMs/],
    ["latencyMs a string", () => createFakeElasticPath({ latencyMs: "10" as never }), /latencyMs/],
    ["now a number", () => createFakeElasticPath({ now: 0 as never }), /now/],
    ["seedCustomer null", ({ fake }) => fake.seedCustomer(null as never), /email/],
    [
      "seedCustomer email empty",
      ({ fake }) => fake.seedCustomer({ email: "", password: "x" }),
      /email/,
    ],
    [
      "seedCustomer email a number",
      ({ fake }) => fake.seedCustomer({ email: 42 as never, password: "x" }),
      /email/,
    ],
    [
      "seedCustomer password empty",
      ({ fake }) => fake.seedCustomer({ email: "b@x.test", password: "" }),
      /password/,
    ],
    [
      "seedCustomer password null",
      ({ fake }) => fake.seedCustomer({ email: "b@x.test", password: null as never }),
      /password/,
    ],
    [
      "seedCustomer id whitespace",
      ({ fake }) => fake.seedCustomer({ id: " ", email: "b@x.test", password: "x" }),
      /id/,
    ],
    [
      "seedCustomer id taken",
      ({ fake, customer }) =>
        fake.seedCustomer({ id: customer.id, email: "b@x.test", password: "x" }),
      /id/,
    ],
    ["seedCart id path traversal", ({ fake }) => fake.seedCart({ id: "../cart" }), /id/],
    ["seedCart id look-alike", ({ fake }) => fake.seedCart({ id: "саrt" }), /id/],
    ["seedCart id 10 KB of spaces", ({ fake }) => fake.seedCart({ id: " ".repeat(10_240) }), /id/],
    ["seedCart id taken", ({ fake }) => fake.seedCart({ id: "cart-1" }), /cart-1/],
    ["seedCart name empty", ({ fake }) => fake.seedCart({ name: "" }), /name/],
    ["seedCart null", ({ fake }) => fake.seedCart(null as never), /cart fields/],
    [
      "seedCart unknown customer",
      ({ fake }) => fake.seedCart({ customerIds: ["__proto__"] }),
      /customer/,
    ],
    [
      "seedCart item quantity 0",
      ({ fake }) => fake.seedCart({ items: [{ name: "x", quantity: 0, amount: 1 }] }),
      /quantity/,
    ],
    [
      "seedCart item amount a string",
      ({ fake }) => fake.seedCart({ items: [{ name: "x", quantity: 1, amount: "1" as never }] }),
      /amount/,
    ],
    ["seedCarts count 0", ({ fake }) => fake.seedCarts(0), /count/],
    ["seedCarts count 1.5", ({ fake }) => fake.seedCarts(1.5), /count/],
    ["seedCarts count a string", ({ fake }) => fake.seedCarts("3" as never), /count/],
    [
      "issueCustomerToken unknown customer",
      ({ fake }) => fake.issueCustomerToken("__proto__"),
      /customer/,
    ],
    [
      "expireCustomerTokens null",
      ({ fake }) => fake.expireCustomerTokens(null as never),
      /customer/,
    ],
    [
      "failNext unknown endpoint",
      ({ fake }) => fake.failNext("../associate" as never, 1, { status: 500 }),
      /endpoint/,
    ],
    ["failNext count 0", ({ fake }) => fake.failNext("associate", 0, { status: 500 }), /count/],
    [
      "failNext status 404",
      ({ fake }) => fake.failNext("associate", 1, { status: 404 } as never),
      /status/,
    ],
    ["setLatency negative", ({ fake }) => fake.setLatency(-5), /setLatency/],
  ];

  it.each(cases)("refuses %s with an error naming it, changing nothing", (_label, call, names) => {
    const s = seeded();
    expect(() => call(s)).toThrow(names);
    // Like every failure the package reports (public-api.md, Errors).
    expect(() => call(s)).toThrow(ElasticPathError);
    expect(s.state()).toBe(s.before);
  });
});
