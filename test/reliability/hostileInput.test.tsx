/**
 * Hostile input to every public hook and function (issue 7): empty, whitespace, 10 KB
 * strings, unicode look-alikes, path traversal, `__proto__` keys, null, numbers, objects
 * where strings belong. Each is refused with an ElasticPathError that names the argument,
 * before any request, and changes nothing; legitimate input (unicode emails and passwords,
 * long passphrases) still goes through.
 */
import { createShopperClient } from "@epcc-sdk/sdks-shopper";
import { QueryClient, QueryClientProvider, useQuery, type QueryKey } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  ElasticPathProvider,
  useAccountCarts,
  useAccountLogin,
  useAccountSession,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCreateCart,
  useCustomerSession,
  useDisassociateCartFromAccount,
  useDeleteCart,
  useDisassociateCartFromCustomer,
  useInfiniteAccountCarts,
  useInfiniteCustomerCarts,
  useSelectAccount,
  type AccountSession,
  useUpdateCart,
  type CustomerSession,
} from "../../src";
import {
  createFakeElasticPath,
  startFakeElasticPathWorker,
  type FakeElasticPath,
  type FakeEndpoint,
} from "../../src/testing";
import { seedMember } from "../support/accounts";
import { createHarness, SHOPPER, type Harness } from "../support/harness";
import { memoryStorage } from "../support/memoryStorage";
import { createAdminClient, createTestClient } from "../support/sdk";
import { server } from "../support/server";

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
    accountAssociations: fake.accountAssociations(),
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

type ShopperKind = "customer" | "account";

/** A signed-in session of either kind, in storage, as the provider keeps it. */
function signIn(kind: ShopperKind, { fake, client }: Harness) {
  const expiresAt = Date.now() + 3_600_000;
  if (kind === "customer") {
    const customer = fake.seedCustomer(SHOPPER);
    const session: CustomerSession = {
      status: "signed-in",
      customerId: customer.id,
      token: fake.issueCustomerToken(customer.id),
      expiresAt,
    };
    localStorage.setItem("_epcc_customer_session", JSON.stringify(session));
    const [cart] = fake.seedCarts(1, { customerIds: [customer.id] });
    const { queryKey } = cartQueries.customerCarts({ client, session });
    return { session, ownerId: customer.id, token: session.token, cart: cart!, queryKey };
  }
  const { business, family, member } = seedMember(fake);
  const accounts = [business, family].map(({ id, name }) => ({
    accountId: id,
    accountName: name,
    token: fake.issueAccountToken(member.id, id),
    expiresAt,
  }));
  const session: AccountSession = {
    status: "signed-in",
    accountMemberId: member.id,
    ...accounts[0]!,
    accounts,
  };
  localStorage.setItem("_epcc_account_session", JSON.stringify({ ...session, status: undefined }));
  const [cart] = fake.seedCarts(1, { accountIds: [business.id] });
  const { queryKey } = cartQueries.accountCarts({ client, session });
  return { session, ownerId: business.id, token: accounts[0]!.token, cart: cart!, queryKey };
}

/** What the tests reach into, the same for both kinds of shopper. */
interface StorefrontHooks {
  cartId: ReturnType<typeof useCartId>;
  session: CustomerSession | AccountSession;
  login: { mutateAsync(variables: never): Promise<unknown> };
  associate: { mutateAsync(variables: never): Promise<unknown>; error: unknown };
  disassociate: { mutateAsync(variables: never): Promise<unknown>; error: unknown };
  create: { mutateAsync(variables: never): Promise<unknown>; error: unknown };
  update: { mutateAsync(variables: never): Promise<unknown>; error: unknown };
  remove: { mutateAsync(variables: never): Promise<unknown>; error: unknown };
  selectAccount?: (accountId: string) => void;
}

// No automatic call: what is sent is what the test sends.
const useCustomerStorefront = (): StorefrontHooks => ({
  cartId: useCartId(),
  session: useCustomerSession(),
  login: useCustomerLogin(),
  associate: useAssociateCartWithCustomer({ associateOnLogin: false }),
  disassociate: useDisassociateCartFromCustomer(),
  create: useCreateCart(),
  update: useUpdateCart(),
  remove: useDeleteCart(),
});
const useAccountStorefront = (): StorefrontHooks => ({
  cartId: useCartId(),
  session: useAccountSession(),
  login: useAccountLogin(),
  associate: useAssociateCartWithAccount({ associateOnLogin: false }),
  disassociate: useDisassociateCartFromAccount(),
  create: useCreateCart(),
  update: useUpdateCart(),
  remove: useDeleteCart(),
  selectAccount: useSelectAccount(),
});

/**
 * A signed-in shopper (a customer, or an account member acting for the first of two
 * accounts) with a cart and a cached list, and every hook a storefront uses.
 */
function signedInStorefront(kind: ShopperKind = "customer") {
  const harness = createHarness();
  const { fake, queryClient, wrapper } = harness;
  const { session, ownerId, token, cart, queryKey } = signIn(kind, harness);
  localStorage.setItem("_store_ep_cart", "kept-cart");
  queryClient.setQueryData(queryKey, {
    data: [cart],
    links: {},
    meta: { page: { limit: 20, offset: 0, current: 1, total: 1 }, results: { total: 1 } },
  });
  const view = renderHook(kind === "customer" ? useCustomerStorefront : useAccountStorefront, {
    wrapper,
  });
  const before = snapshot(queryClient, fake);
  return {
    ...harness,
    kind,
    ownerId,
    token,
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

/** A login of `kind` with these variables is refused, naming `argument`, and nothing changes. */
async function expectLoginRefused(kind: ShopperKind, variables: unknown, argument: string) {
  const shop = signedInStorefront(kind);
  const error = await rejection(() => shop.result.current.login.mutateAsync(variables as never));
  expectRefusal(error, argument);
  shop.expectUntouched();
  // A refused login keeps no secret either: nothing of what was typed but the email or username.
  const secrets = ["password", "oneTimePasswordToken", "authorizationCode", "codeVerifier"]
    .map((field) => (variables as Record<string, unknown> | null)?.[field])
    .filter((value): value is string => typeof value === "string" && value.trim().length > 3);
  const mutations = JSON.stringify(
    shop.queryClient
      .getMutationCache()
      .getAll()
      .map((mutation) => mutation.state),
  );
  for (const secret of secrets) expect(mutations).not.toContain(JSON.stringify(secret));
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

  it.each(cases)("refuses %s before any request", (_, variables, argument) =>
    expectLoginRefused("customer", variables, argument),
  );

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

describe("useAccountLogin's variables", () => {
  // Valid variables of each mechanism; each case spoils one field.
  const mechanisms: Record<string, Record<string, unknown>> = {
    password: { passwordProfileId: "profile-1", username: "ada", password: "secret" },
    oidc: {
      mechanism: "oidc",
      authorizationCode: "code-1",
      redirectUri: "https://shop.example/callback",
      codeVerifier: "verifier-0123456789",
    },
    passwordless: {
      mechanism: "passwordless",
      passwordProfileId: "profile-1",
      username: "ada",
      oneTimePasswordToken: "123456",
    },
    "self-signup": {
      mechanism: "self-signup",
      passwordProfileId: "profile-1",
      username: "ada",
      password: "secret",
      name: "Ada",
      email: "ada@example.com",
    },
  };
  const longText: Array<[string, unknown]> = [...hostileText, ["of 10 KB", TEN_KB]];
  /** What each field must not be: ids go into a request body but must be safe ids, text is text. */
  const hostileFor = (field: string): Array<[string, unknown]> => {
    if (field === "passwordProfileId" || field === "accountId") return hostileIds;
    if (field === "mechanism") return [];
    // A passphrase of spaces is a passphrase.
    if (field === "password") return longText.filter(([label]) => label !== "whitespace");
    if (field === "email") return [...longText, ["without @", "ada.example.com"]];
    return longText;
  };
  const cases: Array<[string, unknown, string]> = [
    ...hostileObjects.map(([label, value]): [string, unknown, string] => [
      label,
      value,
      "variables",
    ]),
    ["__proto__-keyed credentials", protoKeyed(mechanisms.password!), "variables"],
    ...(["magic-link", "", "PASSWORD", "__proto__", "toString", 42, null, {}] as unknown[]).map(
      (mechanism): [string, unknown, string] => [
        `mechanism ${JSON.stringify(mechanism)}`,
        { ...mechanisms.password, mechanism },
        "mechanism",
      ],
    ),
    ...Object.entries(mechanisms).flatMap(([name, valid]) =>
      [...Object.keys(valid), "accountId"].flatMap((field) =>
        hostileFor(field).map(([label, value]): [string, unknown, string] => [
          `${name}: ${field} ${label}`,
          { ...valid, [field]: value },
          field,
        ]),
      ),
    ),
  ];

  it.each(cases)("refuses %s before any request", (_, variables, argument) =>
    expectLoginRefused("account", variables, argument),
  );

  const legitimate: Array<[string, { username: string; password: string }]> = [
    ["a unicode username and password", { username: "josé@exämple.com", password: "pässwörd 🔑" }],
    ["a username in Chinese", { username: "用户", password: "correct horse" }],
    ["a 1024-character password", { username: "ada", password: "p".repeat(1024) }],
  ];

  it.each(legitimate)("accepts %s", async (_, credentials) => {
    const { fake, wrapper } = createHarness();
    const account = fake.seedAccount({ name: "Acme" });
    fake.seedAccountMember({ ...credentials, accountIds: [account.id] });
    const { result } = renderHook(() => useAccountLogin(), { wrapper });
    const session = await act(() =>
      result.current.mutateAsync({ passwordProfileId: fake.passwordProfileId, ...credentials }),
    );
    expect(session.accountId).toBe(account.id);
    expect(fake.requestsTo("account-member-token")[0]?.body).toMatchObject({
      data: credentials,
    });
  });
});

describe("useSelectAccount's account id", () => {
  const cases: Array<[string, unknown]> = [
    ...hostileIds,
    ["an account the member does not belong to", "account-of-someone-else"],
  ];

  it.each(cases)("refuses %s and keeps the account and the cart", (_, accountId) => {
    const shop = signedInStorefront("account");
    let caught: unknown;
    act(() => {
      try {
        shop.result.current.selectAccount!(accountId as string);
      } catch (error) {
        caught = error;
      }
    });
    expectRefusal(caught, "accountId");
    shop.expectUntouched();
  });
});

describe.each([
  ["useAssociateCartWithCustomer", "customer", "associate"],
  ["useDisassociateCartFromCustomer", "customer", "disassociate"],
  ["useAssociateCartWithAccount", "account", "associate"],
  ["useDisassociateCartFromAccount", "account", "disassociate"],
] as const)("%s's variables", (hookName, kind, hook) => {
  // `{ cartId, customerId, customerToken }` or `{ cartId, accountId, accountToken }`.
  const idField = `${kind}Id`;
  const tokenField = `${kind}Token`;
  const valid = (shop: ReturnType<typeof signedInStorefront>) => ({
    cartId: "cart-1",
    [idField]: shop.ownerId,
    [tokenField]: shop.token,
  });
  type Make = (base: Record<string, unknown>) => unknown;
  const withField =
    (field: string) =>
    ([label, value]: [string, unknown]): [string, Make, string] => [
      `${field} ${label}`,
      (base) => ({ ...base, [field]: value }),
      field,
    ];
  const cases: Array<[string, Make, string]> = [
    ...hostileObjects.map(([label, value]): [string, Make, string] => [
      label,
      () => value,
      "variables",
    ]),
    ["undefined", () => undefined, "variables"],
    ["__proto__-keyed variables", (base) => protoKeyed(base), "variables"],
    ...hostileIds.map(withField("cartId")),
    ...hostileIds.map(withField(idField)),
    ...hostileText.map(withField(tokenField)),
    ...(
      [
        ["of 10 KB", TEN_KB],
        // A header cannot carry these: refused up front, not reported as a network failure.
        ["with a line break", "abc\r\nX-Admin: 1"],
        ["with non-ASCII", "tökén"],
      ] as Array<[string, unknown]>
    ).map(withField(tokenField)),
  ];

  it.each(cases)(`${hookName} refuses %s before any request`, async (_label, make, argument) => {
    const shop = signedInStorefront(kind);
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
  ["useCustomerCarts", "customer", (params: unknown) => useCustomerCarts(params as never)],
  [
    "useInfiniteCustomerCarts",
    "customer",
    (params: unknown) => useInfiniteCustomerCarts(params as never),
  ],
  ["useAccountCarts", "account", (params: unknown) => useAccountCarts(params as never)],
  [
    "useInfiniteAccountCarts",
    "account",
    (params: unknown) => useInfiniteAccountCarts(params as never),
  ],
] as const)("%s's params", (hookName, kind, useList) => {
  const cases: Array<[string, unknown, string]> = [
    ...hostileObjects.map(([label, value]): [string, unknown, string] => [label, value, "params"]),
    ["__proto__-keyed params", protoKeyed({ limit: 1000 }), "params"],
    ...([0, 101, 1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, "10", null, {}] as unknown[]).map(
      (limit): [string, unknown, string] => [`limit ${String(limit)}`, { limit }, "limit"],
    ),
  ];

  it.each(cases)(
    `${hookName} refuses %s while rendering, before any request`,
    (_label, params, argument) => {
      const shop = signedInStorefront(kind);
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
    },
  );
});

describe("cartQueries", () => {
  const harness = () => {
    const { fake, client } = createHarness();
    const expiresAt = Date.now() + 60_000;
    const customer: CustomerSession = {
      status: "signed-in",
      customerId: "customer-1",
      token: "token",
      expiresAt,
    };
    const membership = { accountId: "account-1", accountName: "Acme", token: "token", expiresAt };
    const account: AccountSession = {
      status: "signed-in",
      accountMemberId: "member-1",
      ...membership,
      accounts: [membership],
    };
    return { fake, client, sessions: { customer, account } };
  };
  type Harness = ReturnType<typeof harness>;
  type Call = (h: Harness) => unknown;
  type List = (source: never, params?: never) => unknown;
  // Each list with a source of its kind: the customer's and the selected account's carts.
  const lists: Array<[string, ShopperKind, List]> = [
    ["customerCarts", "customer", cartQueries.customerCarts],
    ["infiniteCustomerCarts", "customer", cartQueries.infiniteCustomerCarts],
    ["accountCarts", "account", cartQueries.accountCarts],
    ["infiniteAccountCarts", "account", cartQueries.infiniteAccountCarts],
  ];
  const paged = lists.filter(([name]) => !name.startsWith("infinite"));
  const call =
    (list: List, kind: ShopperKind, params: unknown): Call =>
    ({ client, sessions }) =>
      list({ client, session: sessions[kind] } as never, params as never);
  const cases: Array<[string, Call, string]> = [
    ...paged.flatMap(([name, kind, list]) => [
      ...hostileObjects.map(([label, params]): [string, Call, string] => [
        `${name} params ${label}`,
        call(list, kind, params),
        "params",
      ]),
      ...([0, 101, "20", null] as unknown[]).map((limit): [string, Call, string] => [
        `${name} limit ${String(limit)}`,
        call(list, kind, { limit }),
        "limit",
      ]),
      ...([-1, 10_001, 2.5, "0"] as unknown[]).map((offset): [string, Call, string] => [
        `${name} offset ${String(offset)}`,
        call(list, kind, { offset }),
        "offset",
      ]),
    ]),
    ...lists
      .filter(([name]) => name.startsWith("infinite"))
      .flatMap(([name, kind, list]) =>
        ([0, 101, "20"] as unknown[]).map((limit): [string, Call, string] => [
          `${name} limit ${String(limit)}`,
          call(list, kind, { limit }),
          "limit",
        ]),
      ),
    ...hostileIds.map(([label, cartId]): [string, Call, string] => [
      `cart cartId ${label}`,
      ({ client }) => cartQueries.cart({ client }, cartId as string),
      "cartId",
    ]),
    ...lists.flatMap(([name, , list]) =>
      [
        ["null", null],
        ["an empty object", {}],
        ["a source without a client", { session: { status: "signed-out" } }],
      ].map(([label, source]): [string, Call, string] => [
        `${name} source ${String(label)}`,
        () => list(source as never),
        "source",
      ]),
    ),
    ...lists.flatMap(([name, kind, list]): Array<[string, Call, string]> => [
      [
        `${name} source with a malformed session`,
        ({ client, sessions }) =>
          list({
            client,
            session: { ...sessions[kind], customerId: "../x", accountId: "../x" },
          } as never),
        "session",
      ],
      [
        `${name} source with a session token holding a line break`,
        ({ client, sessions }) => {
          const session = sessions[kind];
          const token = "bad\ntoken";
          const accounts = "accounts" in session ? session.accounts : [];
          return list({
            client,
            session: { ...session, token, accounts: accounts.map((a) => ({ ...a, token })) },
          } as never);
        },
        "session",
      ],
    ]),
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

/** A signed-in account session, as the provider keeps it, and ways to spoil it. */
const membership = { accountId: "a-1", accountName: "Acme", token: "t-1", expiresAt: 9e15 };
const accountSession = {
  status: "signed-in",
  accountMemberId: "m-1",
  ...membership,
  accounts: [membership, { ...membership, accountId: "a-2", token: "t-2" }],
};
const spoiledMembership = (fields: Record<string, unknown>) => ({
  ...accountSession,
  ...fields,
  accounts: [{ ...membership, ...fields }, accountSession.accounts[1]],
});
const hostileAccountSessions: Array<[string, unknown]> = [
  ["null", null],
  ["a string", "signed-in"],
  ["of unknown status", { status: "admin" }],
  ["without accounts", { ...accountSession, accounts: undefined }],
  ["with no account", { ...accountSession, accounts: [] }],
  ["with accounts an object", { ...accountSession, accounts: { 0: membership } }],
  ["with an unsafe member id", { ...accountSession, accountMemberId: "../m" }],
  ["selecting an account not listed", { ...accountSession, accountId: "a-3" }],
  ["whose token is not the selected account's", { ...accountSession, token: "t-2" }],
  ["with an unsafe account id", spoiledMembership({ accountId: "../a" })],
  ["with an account name of 10 KB", spoiledMembership({ accountName: TEN_KB })],
  ["with an account name a number", spoiledMembership({ accountName: 42 })],
  ["with a token holding a line break", spoiledMembership({ token: "t\r\nX: 1" })],
  ["with a 10 KB token", spoiledMembership({ token: TEN_KB })],
  ["expiring at a string", spoiledMembership({ expiresAt: "tomorrow" })],
  ["with a __proto__-keyed account", { ...accountSession, accounts: [protoKeyed(membership)] }],
];

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
    ...hostileAccountSessions.map(
      ([label, accountSession]): [string, Record<string, unknown>, string] => [
        `controlled accountSession ${label}`,
        { accountSession },
        "accountSession",
      ],
    ),
    [
      "onAccountSessionChange a string",
      { onAccountSessionChange: "reload()" },
      "onAccountSessionChange",
    ],
    [
      "accountSessionStorage a string",
      { accountSessionStorage: "localStorage" },
      "accountSessionStorage",
    ],
    [
      "accountSessionStorage without get",
      { accountSessionStorage: { set: adapter.set } },
      "accountSessionStorage",
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
      // Both sessions read, so that the account session is checked too.
      renderHook(() => [useCustomerSession(), useAccountSession()], { wrapper });
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

  // Stored without `status`, as the provider writes it; anything else reads as signed out.
  const storedAccountSessions: Array<[string, string]> = [
    ["not JSON", "{signed-in"],
    ["JSON null", "null"],
    ["a JSON string", JSON.stringify("signed-in")],
    [
      "a __proto__-keyed session",
      `{"__proto__": ${JSON.stringify({ ...accountSession, status: undefined })}}`,
    ],
    ...hostileAccountSessions
      .filter(([, session]) => typeof session === "object" && session !== null)
      .filter(([label]) => label !== "of unknown status") // the status is not stored
      .map(([label, session]): [string, string] => [
        label,
        JSON.stringify({ ...(session as object), status: undefined }),
      ]),
  ];

  // The session and "My carts" of each kind: signed out, and nothing sent.
  const readers: Record<ShopperKind, { key: string; use: () => { session: unknown } }> = {
    customer: {
      key: "_epcc_customer_session",
      use: () => ({ session: useCustomerSession(), carts: useCustomerCarts() }),
    },
    account: {
      key: "_epcc_account_session",
      use: () => ({ session: useAccountSession(), carts: useAccountCarts() }),
    },
  };
  it.each([
    ...storedSessions.map(([label, stored]) => ["customer", label, stored] as const),
    ...storedAccountSessions.map(([label, stored]) => ["account", label, stored] as const),
  ])("reads a stored %s session that is %s as signed out", (kind, _, stored) => {
    const { fake, wrapper } = createHarness();
    localStorage.setItem(readers[kind].key, stored);
    const { result } = renderHook(readers[kind].use, { wrapper });
    expect(result.current.session).toEqual({ status: "signed-out" });
    expect(fake.requests).toEqual([]);
  });

  it("reads the stored account session the provider wrote (the table above spoils only what it names)", () => {
    const { wrapper } = createHarness();
    localStorage.setItem(
      "_epcc_account_session",
      JSON.stringify({ ...accountSession, status: undefined }),
    );
    const { result } = renderHook(() => useAccountSession(), { wrapper });
    expect(result.current).toMatchObject({ status: "signed-in", accountId: "a-1" });
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

describe("startFakeElasticPathWorker", () => {
  it("refuses to start outside a browser with service workers, saying where the fake runs there", async () => {
    localStorage.setItem("_store_ep_cart", "kept-cart");
    // jsdom, like Node, has no service workers.
    await expect(startFakeElasticPathWorker()).rejects.toThrow(
      new ElasticPathError(
        "startFakeElasticPathWorker needs a browser with service workers (https or localhost); in Node, give fake.handlers to msw/node's setupServer.",
      ),
    );
    expect(localStorage.getItem("_store_ep_cart")).toBe("kept-cart");
  });
});

describe("what the SDK throws, said as it happened", () => {
  type Client = ReturnType<typeof createShopperClient>["client"];
  /** A wrong client id, as the Quick start has it until the developer pastes theirs. */
  const withUnknownClientId = (fake: FakeElasticPath) =>
    createShopperClient(
      { baseUrl: fake.baseUrl },
      { clientId: "YOUR_CLIENT_ID", storage: memoryStorage() },
    ).client;
  const withFakeClientId = (fake: FakeElasticPath) => createTestClient(fake).client;

  /**
   * A signed-in shopper with a cart on a fake, every hook that calls Elastic Path, and an
   * app's QueryClient that retries as TanStack does by default (quickly): so a failure
   * the package calls final is seen not to be retried.
   */
  function storefront(makeClient: (fake: FakeElasticPath) => Client) {
    const fake = createFakeElasticPath();
    server.use(...fake.handlers);
    const customer = fake.seedCustomer(SHOPPER);
    const cart = fake.seedCart();
    const client = makeClient(fake);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 1 } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider client={client}>{children}</ElasticPathProvider>
      </QueryClientProvider>
    );
    const signIn = () =>
      localStorage.setItem(
        "_epcc_customer_session",
        JSON.stringify({
          customerId: customer.id,
          token: fake.issueCustomerToken(customer.id),
          expiresAt: Date.now() + 3_600_000,
        }),
      );
    return { fake, customer, cart, client, wrapper, signIn };
  }
  type Shop = ReturnType<typeof storefront>;

  /** Each of the package's calls to Elastic Path, run until it fails; resolves to its error. */
  const operations: Record<string, (shop: Shop) => Promise<unknown>> = {
    login: async ({ wrapper }) => {
      const { result } = renderHook(() => useCustomerLogin(), { wrapper });
      return rejection(() => result.current.mutateAsync(SHOPPER));
    },
    association: async ({ wrapper, fake, customer, cart }) => {
      const { result } = renderHook(
        () => useAssociateCartWithCustomer({ associateOnLogin: false }),
        { wrapper },
      );
      return rejection(() =>
        result.current.mutateAsync({
          cartId: cart.id,
          customerId: customer.id,
          customerToken: fake.issueCustomerToken(customer.id),
        }),
      );
    },
    "My carts": async (shop) => {
      shop.signIn();
      const { result } = renderHook(() => useCustomerCarts(), { wrapper: shop.wrapper });
      await waitFor(() => expect(result.current.isError).toBe(true));
      return result.current.error;
    },
    "a cart": async ({ wrapper, client, cart }) => {
      const { result } = renderHook(() => useQuery(cartQueries.cart({ client }, cart.id)), {
        wrapper,
      });
      await waitFor(() => expect(result.current.isError).toBe(true));
      return result.current.error;
    },
  };

  const statuses = (fake: FakeElasticPath) =>
    fake.requests.map((request) => `${request.endpoint} ${request.status}`);

  // `cartQueries.cart` is query options for the app's own `useQuery`: how often it is
  // retried is the app's QueryClient's call, so only the error is the package's there.
  const retriedByThePackage = new Set(["login", "association", "My carts"]);

  it.each(Object.entries(operations))(
    "%s with a client id the store does not know: refused and final",
    async (name, operation) => {
      const shop = storefront(withUnknownClientId);
      const error = await operation(shop);
      expect(error).toBeInstanceOf(ElasticPathError);
      const refused = error as ElasticPathError;
      expect(refused.message).toMatch(
        /^[A-Z][^:]+ failed: the store refused this storefront's client id \(check clientId and baseUrl in createShopperClient\)\.$/,
      );
      expect(refused.message).not.toMatch(/could not be reached/);
      expect(refused.retryable).toBe(false);
      // No status of its own: a 401 must not read as a wrong password or an expired session.
      expect(refused.status).toBeUndefined();
      // Token requests only, each answered 401: the call itself never went out.
      expect(new Set(statuses(shop.fake))).toEqual(new Set(["access-token 401"]));
      // And not sent again.
      if (retriedByThePackage.has(name)) expect(statuses(shop.fake)).toHaveLength(1);
    },
  );

  it("a refused client secret (a server's client-credentials client): refused, final, sent once", async () => {
    const shop = storefront((fake) => createAdminClient(fake, "not-the-secret").client);
    const { result } = renderHook(() => useAssociateCartWithCustomer({ associateOnLogin: false }), {
      wrapper: shop.wrapper,
    });
    // Trusted server code: no customer token, the client-credentials bearer acts for anyone.
    const error = await rejection(() =>
      result.current.mutateAsync({ cartId: shop.cart.id, customerId: shop.customer.id }),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect((error as ElasticPathError).message).toBe(
      "Associating the cart with the customer failed: Elastic Path refused it with HTTP 401 (Unauthorized: The client secret is wrong).",
    );
    expect(error).toMatchObject({ retryable: false, status: undefined });
    expect(statuses(shop.fake)).toEqual(["access-token 401"]);
  });

  const networkCases: Array<[string, FakeEndpoint]> = [
    ["on the way to /oauth/access_token", "access-token"],
    ["on the login request itself", "customer-token"],
  ];
  it.each(networkCases)(
    "a network failure %s still says Elastic Path could not be reached",
    async (_, endpoint) => {
      const shop = storefront(withFakeClientId);
      shop.fake.failNext(endpoint, 1, { network: true });
      const error = await operations.login!(shop);
      expect(error).toBeInstanceOf(ElasticPathError);
      expect(error).toMatchObject({
        message: "Logging in failed: Elastic Path could not be reached.",
        retryable: true,
        status: undefined,
      });
      expect(statuses(shop.fake).at(-1)).toBe(`${endpoint} network-error`);
    },
  );

  /** `GET /v2/carts` ("My carts") answered by hand with `body`, counting the requests that arrive. */
  function listAnsweredWith(shop: Shop, body: string, contentType: string) {
    const requests: string[] = [];
    server.use(
      http.get(`${shop.fake.baseUrl}/v2/carts`, ({ request }) => {
        requests.push(request.url);
        return new HttpResponse(body, { status: 200, headers: { "Content-Type": contentType } });
      }),
    );
    return requests;
  }

  it("a 200 whose JSON cannot be parsed: the answer could not be read, not retried", async () => {
    const shop = storefront(withFakeClientId);
    const requests = listAnsweredWith(shop, '{"data": {"id": "cart', "application/json");
    const error = await operations["My carts"]!(shop);
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error).toMatchObject({
      message: "Loading the customer's carts failed: Elastic Path's answer is not valid JSON.",
      retryable: false,
    });
    expect(requests).toHaveLength(1);
  });

  it("a 200 that is a web page (a baseUrl that is not an API host): says so, not retried", async () => {
    const shop = storefront(withFakeClientId);
    const requests = listAnsweredWith(
      shop,
      "<!doctype html><title>My store</title>",
      "text/html; charset=utf-8",
    );
    const error = await operations["My carts"]!(shop);
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error).toMatchObject({
      message:
        "Loading the customer's carts failed: the answer is text/html; charset=utf-8, not JSON; is baseUrl an Elastic Path API host?",
      retryable: false,
    });
    expect(requests).toHaveLength(1);
  });

  it("a client made with throwOnError: Elastic Path's refusal, without a status it cannot vouch for", async () => {
    const shop = storefront(
      (fake) =>
        createShopperClient(
          { baseUrl: fake.baseUrl, throwOnError: true },
          { clientId: fake.clientId, storage: memoryStorage() },
        ).client,
    );
    const { result } = renderHook(() => useCustomerLogin(), { wrapper: shop.wrapper });
    const error = await rejection(() =>
      result.current.mutateAsync({ email: SHOPPER.email, password: "not the password" }),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error).toMatchObject({
      message:
        "Logging in failed: Elastic Path refused it with HTTP 401 (Unauthorized: The email or password is incorrect).",
      retryable: false,
      status: undefined,
      errors: [{ status: "401", title: "Unauthorized" }],
    });
    // Sent once. (After any 401 the SDK fetches a fresh access token, in case its own had expired.)
    expect(shop.fake.requestsTo("customer-token").map((request) => request.status)).toEqual([401]);
  });

  it("a token provider of the app's that throws: said, final, and nothing is sent", async () => {
    const shop = storefront(
      (fake) =>
        createShopperClient(
          { baseUrl: fake.baseUrl },
          {
            clientId: fake.clientId,
            storage: memoryStorage(),
            tokenProvider: async () => {
              throw new RangeError("The vault holding the client secret is sealed.");
            },
          },
        ).client,
    );
    const error = await operations.login!(shop);
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error).toMatchObject({
      message: "Logging in failed: the SDK client threw (see cause).",
      retryable: false,
      cause: expect.any(RangeError),
    });
    expect(shop.fake.requests).toEqual([]);
  });

  it("a request cancelled in flight (its AbortSignal): says it was cancelled, final", async () => {
    const shop = storefront(withFakeClientId);
    shop.fake.setLatency(50);
    const controller = new AbortController();
    const { queryFn } = cartQueries.cart({ client: shop.client }, shop.cart.id);
    const loading = (queryFn as (context: { signal: AbortSignal }) => Promise<unknown>)({
      signal: controller.signal,
    });
    controller.abort();
    const error = await loading.then(
      () => "resolved",
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error).toMatchObject({
      message: "Loading the cart was cancelled.",
      retryable: false,
    });
  });
});
