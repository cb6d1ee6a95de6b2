import { createACart, deleteACart, getACart, getCarts, manageCarts } from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath, type FakeElasticPathOptions } from "../../src/testing";
import { server } from "../support/server";
import { createTestClient } from "../support/sdk";

const ACCOUNT_HEADER = "EP-Account-Management-Authentication-Token";

function setup(options?: FakeElasticPathOptions) {
  const fake = createFakeElasticPath(options);
  server.use(...fake.handlers);
  const acme = fake.seedAccount({ name: "Acme" });
  const globex = fake.seedAccount({ name: "Globex" });
  const ada = fake.seedAccountMember({
    username: "ada",
    password: "analytical",
    accountIds: [acme.id, globex.id],
  });
  const { client } = createTestClient(fake);
  const acmeToken = fake.issueAccountToken(ada.id, acme.id);
  const asAcme = { [ACCOUNT_HEADER]: acmeToken };
  const listAsAcme = (query?: Record<string, unknown>) =>
    getCarts({ client, headers: asAcme, query });
  return { fake, acme, globex, ada, client, acmeToken, asAcme, listAsAcme };
}

const page = (offset: number, limit: number) =>
  `https://useast.api.elasticpath.com/v2/carts?page[offset]=${offset}&page[limit]=${limit}`;

describe("GET /v2/carts with an account token", () => {
  test("only that account's carts, newest updated_at first", async () => {
    const { fake, acme, globex, listAsAcme } = setup();
    const customer = fake.seedCustomer({ email: "c@example.com", password: "x" });
    const t = Date.parse("2025-01-10T00:00:00Z");
    const old = fake.seedCart({ name: "old", accountIds: [acme.id], updatedAt: t });
    const newest = fake.seedCart({ name: "newest", accountIds: [acme.id], updatedAt: t + 2000 });
    const shared = fake.seedCart({
      name: "shared",
      accountIds: [acme.id, globex.id],
      updatedAt: t + 1000,
    });
    fake.seedCart({ name: "globex's", accountIds: [globex.id] });
    fake.seedCart({ name: "a customer's", customerIds: [customer.id] });
    fake.seedCart({ name: "nobody's" });

    const { data, response } = await listAsAcme();
    expect(response.status).toBe(200);
    expect(data?.data.map((cart) => cart.name)).toEqual(["newest", "shared", "old"]);
    expect(data?.data).toEqual([newest, shared, old]);
    expect(data?.data).toEqual(fake.cartsOfAccount(acme.id));
    expect(shared.relationships?.accounts).toEqual({
      data: [
        { type: "account", id: acme.id },
        { type: "account", id: globex.id },
      ],
    });
    expect(old.relationships?.customers).toEqual({});
  });

  test("pages as for customers: limit, offset, links and meta", async () => {
    const { fake, acme, listAsAcme } = setup();
    const ids = fake.seedCarts(5, { accountIds: [acme.id] }).map((cart) => cart.id);

    const first = await listAsAcme({ "page[limit]": 2 });
    expect(first.data?.data.map((cart) => cart.id)).toEqual(ids.slice(0, 2));
    expect(first.data?.links).toEqual({
      current: page(0, 2),
      first: page(0, 2),
      last: page(4, 2),
      next: page(2, 2),
    });
    expect(first.data?.meta).toEqual({
      page: { limit: 2, offset: 0, current: 1, total: 3 },
      results: { total: 5 },
    });

    const last = await listAsAcme({ "page[limit]": 2, "page[offset]": 4 });
    expect(last.data?.data.map((cart) => cart.id)).toEqual(ids.slice(4));
    expect(last.data?.links).toEqual({
      current: page(4, 2),
      first: page(0, 2),
      last: page(4, 2),
      prev: page(2, 2),
    });

    const defaults = await listAsAcme();
    expect(defaults.data?.meta?.page).toEqual({ limit: 20, offset: 0, current: 1, total: 1 });
    expect((await listAsAcme({ "page[limit]": 101 })).response.status).toBe(400);
  });

  test("an account without carts: an empty page", async () => {
    const { listAsAcme } = setup();
    const { data } = await listAsAcme();
    expect(data).toEqual({
      data: [],
      links: { current: page(0, 20), first: page(0, 20), last: page(0, 20) },
      meta: { page: { limit: 20, offset: 0, current: 1, total: 0 }, results: { total: 0 } },
    });
  });

  test("the request carries the implicit bearer and the account token", async () => {
    const { fake, acmeToken, listAsAcme } = setup();
    await listAsAcme();
    expect(fake.requestsTo("list-carts")).toMatchObject([
      {
        headers: {
          authorization: expect.stringMatching(/^Bearer /),
          "ep-account-management-authentication-token": acmeToken,
        },
        status: 200,
      },
    ]);
  });
});

describe("POST /v2/carts with an account token", () => {
  test("the new cart is already associated with the account", async () => {
    const { fake, acme, client, asAcme, listAsAcme } = setup();
    const { data, response } = await createACart({
      client,
      body: { data: { name: "Office" } },
      headers: asAcme,
    });
    expect(response.status).toBe(201);
    const cartId = data?.data?.id ?? "";
    expect(data?.data?.relationships?.accounts).toEqual({
      data: [{ type: "account", id: acme.id }],
    });
    expect(fake.accountAssociations()).toEqual([{ cartId, accountId: acme.id }]);
    expect((await listAsAcme()).data?.data.map((cart) => cart.id)).toEqual([cartId]);
    expect(fake.requestsTo("associate-account")).toEqual([]);
  });

  test("a contact email together with an account token: 400", async () => {
    const { fake, client, asAcme } = setup();
    const { error, response } = await createACart({
      client,
      body: { data: { name: "Guest", contact: { email: "guest@example.com" } } },
      headers: asAcme,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual({
      errors: [
        {
          status: 400,
          title: "Cannot add contact email to an account cart",
          detail: "A cart associated with an account cannot have a contact email.",
        },
      ],
    });
    expect(fake.accountAssociations()).toEqual([]);
  });

  test("a revoked account token: 401, and no cart is made", async () => {
    const { fake, ada, client, asAcme } = setup();
    fake.expireAccountTokens(ada.id);
    const { error, response } = await createACart({
      client,
      body: { data: { name: "Office" } },
      headers: asAcme,
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ errors: [{ status: 401, title: "Unauthorized" }] });
    expect(fake.accountAssociations()).toEqual([]);
  });
});

describe("other cart endpoints with an account token", () => {
  test("a garbled account token: 401 on get, delete and add items", async () => {
    const { fake, client } = setup();
    const cartID = fake.seedCart().id ?? "";
    const headers = { [ACCOUNT_HEADER]: "garbled" };
    const answers = [
      await getACart({ client, path: { cartID }, headers }),
      await deleteACart({ client, path: { cartID }, headers }),
      await manageCarts({
        client,
        path: { cartID },
        headers,
        body: {
          data: { type: "custom_item", name: "Tea", quantity: 1, price: { amount: 450 } },
        } as never,
      }),
    ];
    expect(answers.map(({ response }) => response.status)).toEqual([401, 401, 401]);
    expect(fake.getCart(cartID)?.relationships?.items).toEqual({ data: null });
  });

  test("a valid account token: get and add items work as without one", async () => {
    const { fake, client, asAcme } = setup();
    const cartID = fake.seedCart().id ?? "";
    expect((await getACart({ client, path: { cartID }, headers: asAcme })).response.status).toBe(
      200,
    );
    const added = await manageCarts({
      client,
      path: { cartID },
      headers: asAcme,
      body: {
        data: { type: "custom_item", name: "Tea", quantity: 1, price: { amount: 450 } },
      } as never,
    });
    expect(added.response.status).toBe(201);
  });

  test("an account's last cart can be deleted: 204", async () => {
    const { fake, acme, client, asAcme } = setup();
    const cartID = fake.seedCart({ accountIds: [acme.id] }).id ?? "";
    const { response } = await deleteACart({ client, path: { cartID }, headers: asAcme });
    expect(response.status).toBe(204);
    expect(fake.cartsOfAccount(acme.id)).toEqual([]);
  });
});

describe("merging a guest cart with an account token", () => {
  const mergeBody = (cartId: string) => ({
    data: { type: "cart_items", cart_id: cartId },
    options: { add_all_or_nothing: false },
  });

  function withGuestCart() {
    const context = setup();
    const guest = context.fake.seedCart({
      items: [{ name: "Tea", sku: "tea", quantity: 2, amount: 450 }],
    });
    const merge = (target: string) =>
      manageCarts({
        client: context.client,
        path: { cartID: target },
        headers: context.asAcme,
        body: mergeBody(guest.id ?? "") as never,
      });
    return { ...context, guest, merge };
  }

  test("into the account's own cart: 201 with the copied items", async () => {
    const { fake, acme, merge } = withGuestCart();
    const target = fake.seedCart({
      accountIds: [acme.id],
      items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }],
    });
    const { data, response } = await merge(target.id ?? "");
    expect(response.status).toBe(201);
    expect(data?.data?.map((item) => [item.sku, item.quantity])).toEqual([["tea", 3]]);
  });

  test.each([
    ["another account's cart", "globex"],
    ["a cart of no account", "nobody"],
    ["a cart id that does not exist yet", "unknown"],
  ] as const)("into %s: 403, nothing copied", async (_, whose) => {
    const { fake, globex, merge } = withGuestCart();
    const targetId =
      whose === "globex"
        ? (fake.seedCart({ accountIds: [globex.id] }).id ?? "")
        : whose === "nobody"
          ? (fake.seedCart().id ?? "")
          : "not-yet";
    const { error, response } = await merge(targetId);
    expect(response.status).toBe(403);
    expect(error).toEqual({
      errors: [
        {
          status: 403,
          title: "Forbidden",
          detail:
            "With an account token, the target cart of a merge must be associated with that account.",
        },
      ],
    });
    const target = fake.getCart(targetId);
    if (whose === "unknown") expect(target).toBeUndefined();
    else expect(target?.relationships?.items).toEqual({ data: null });
  });
});
