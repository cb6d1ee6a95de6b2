import { getCarts } from "@epcc-sdk/sdks-shopper";
import { describe, expect, test } from "vitest";
import { createFakeElasticPath } from "../../src/testing";
import { server } from "../support/server";
import { createAdminClient, createTestClient } from "../support/sdk";

function setup() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const ada = fake.seedCustomer({ email: "ada@example.com", password: "analytical" });
  const { client } = createTestClient(fake);
  const adaToken = fake.issueCustomerToken(ada.id);
  const listAsAda = (query?: Record<string, unknown>) =>
    getCarts({ client, headers: { "X-Moltin-Customer-Token": adaToken }, query });
  return { fake, ada, client, adaToken, listAsAda };
}

const page = (offset: number, limit: number) =>
  `https://useast.api.elasticpath.com/v2/carts?page[offset]=${offset}&page[limit]=${limit}`;

describe("GET /v2/carts", () => {
  test("only the customer's carts, newest updated_at first", async () => {
    const { fake, ada, listAsAda } = setup();
    const grace = fake.seedCustomer({ email: "grace@example.com", password: "cobol" });
    const t = Date.parse("2025-01-10T00:00:00Z");
    const old = fake.seedCart({ name: "old", customerIds: [ada.id], updatedAt: t });
    const newest = fake.seedCart({ name: "newest", customerIds: [ada.id], updatedAt: t + 2000 });
    const middle = fake.seedCart({
      name: "middle",
      customerIds: [ada.id, grace.id],
      updatedAt: t + 1000,
    });
    fake.seedCart({ name: "grace's", customerIds: [grace.id] });
    fake.seedCart({ name: "nobody's" });

    const { data, response } = await listAsAda();
    expect(response.status).toBe(200);
    expect(data?.data.map((cart) => cart.name)).toEqual(["newest", "middle", "old"]);
    expect(data?.data).toEqual([newest, middle, old]);
    expect(data?.data).toEqual(fake.cartsOf(ada.id));
  });

  test("defaults: 20 per page from offset 0, with links and meta", async () => {
    const { fake, ada, listAsAda } = setup();
    fake.seedCarts(3, { customerIds: [ada.id] });
    const { data } = await listAsAda();
    expect(data?.links).toEqual({ current: page(0, 20), first: page(0, 20), last: page(0, 20) });
    expect(data?.meta).toEqual({
      page: { limit: 20, offset: 0, current: 1, total: 1 },
      results: { total: 3 },
    });
  });

  test("page[limit] and page[offset] walk the list; next and prev exist only away from the ends", async () => {
    const { fake, ada, listAsAda } = setup();
    const carts = fake.seedCarts(5, { customerIds: [ada.id] });
    const ids = carts.map((cart) => cart.id);

    const first = await listAsAda({ "page[limit]": 2 });
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

    const second = await listAsAda({ "page[limit]": 2, "page[offset]": 2 });
    expect(second.data?.data.map((cart) => cart.id)).toEqual(ids.slice(2, 4));
    expect(second.data?.links).toMatchObject({ next: page(4, 2), prev: page(0, 2) });
    expect(second.data?.meta?.page).toMatchObject({ current: 2 });

    const last = await listAsAda({ "page[limit]": 2, "page[offset]": 4 });
    expect(last.data?.data.map((cart) => cart.id)).toEqual(ids.slice(4));
    expect(last.data?.links).toEqual({
      current: page(4, 2),
      first: page(0, 2),
      last: page(4, 2),
      prev: page(2, 2),
    });
    expect(last.data?.meta?.page).toEqual({ limit: 2, offset: 4, current: 3, total: 3 });

    const beyond = await listAsAda({ "page[limit]": 2, "page[offset]": 10 });
    expect(beyond.data?.data).toEqual([]);

    expect(fake.requestsTo("list-carts").map((request) => request.query)).toEqual([
      { "page[limit]": "2" },
      { "page[limit]": "2", "page[offset]": "2" },
      { "page[limit]": "2", "page[offset]": "4" },
      { "page[limit]": "2", "page[offset]": "10" },
    ]);
  });

  test("a customer without carts: an empty page", async () => {
    const { listAsAda } = setup();
    const { data, response } = await listAsAda();
    expect(response.status).toBe(200);
    expect(data).toEqual({
      data: [],
      links: { current: page(0, 20), first: page(0, 20), last: page(0, 20) },
      meta: { page: { limit: 20, offset: 0, current: 1, total: 0 }, results: { total: 0 } },
    });
  });

  test("include and filter are accepted and ignored", async () => {
    const { fake, ada, listAsAda } = setup();
    fake.seedCarts(2, { customerIds: [ada.id] });
    const { data, response } = await listAsAda({
      include: ["custom_discounts"],
      filter: 'ilike(name,"nothing")',
    });
    expect(response.status).toBe(200);
    expect(data?.data).toHaveLength(2);
  });

  test.each([
    ["page[limit]", 0],
    ["page[limit]", 101],
    ["page[limit]", "ten"],
    ["page[limit]", 2.5],
    ["page[offset]", -1],
    ["page[offset]", 10001],
  ])("%s=%s: 400", async (name, value) => {
    const { listAsAda } = setup();
    const { error, response } = await listAsAda({ [name]: value });
    expect(response.status).toBe(400);
    const range = name === "page[limit]" ? "from 1 to 100" : "from 0 to 10000";
    expect(error).toEqual({
      errors: [
        { status: 400, title: "Bad Request", detail: `${name} must be an integer ${range}.` },
      ],
    });
  });

  test("the bounds themselves are fine: limit 1 and 100, offset 10000", async () => {
    const { listAsAda } = setup();
    for (const query of [{ "page[limit]": 1 }, { "page[limit]": 100 }, { "page[offset]": 10000 }]) {
      expect((await listAsAda(query)).response.status).toBe(200);
    }
  });

  test("without a customer token: 400", async () => {
    const { fake, client } = setup();
    const { error, response } = await getCarts({ client });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ errors: [{ status: 400, title: "Bad Request" }] });
    // Client credentials do not list carts either without a customer token.
    const admin = createAdminClient(fake).client;
    expect((await getCarts({ client: admin })).response.status).toBe(400);
  });

  test("an expired customer token: 401 (the SDK's GET retry shows: GET, token, GET)", async () => {
    const { fake, ada, listAsAda } = setup();
    fake.expireCustomerTokens(ada.id);
    const { response } = await listAsAda();
    expect(response.status).toBe(401);
    expect(fake.requests.map((r) => `${r.endpoint} ${r.status}`)).toEqual([
      "access-token 200",
      "list-carts 401",
      "access-token 200",
      "list-carts 401",
    ]);
  });
});
