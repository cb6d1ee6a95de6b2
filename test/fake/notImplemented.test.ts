/**
 * Requests the fake has no endpoint for: answered 404 and kept in `fake.requests`, marked
 * `notImplemented`, so a test can see its storefront asked for something the fake lacks.
 * Through the wire: the real SDK client against the fake on msw.
 */
import { getACart, getByContextAllProducts } from "@epcc-sdk/sdks-shopper";
import { http, HttpResponse } from "msw";
import { describe, expect, test } from "vitest";
import { toElasticPathError } from "../../src";
import { createFakeElasticPath, type RecordedRequest } from "../../src/testing";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";

function setup(baseUrl?: string) {
  const fake = createFakeElasticPath(baseUrl ? { baseUrl } : undefined);
  server.use(...fake.handlers);
  return { fake, client: createTestClient(fake).client };
}

describe("a request the fake does not implement", () => {
  test("is answered 404 with an error entry that says so, and logged as not implemented", async () => {
    const { fake, client } = setup();
    const heard: RecordedRequest[] = [];
    fake.onRequest((request) => heard.push(request));

    const answer = await getByContextAllProducts({ client, query: { "page[limit]": BigInt(5) } });

    expect(answer.response.status).toBe(404);
    expect(toElasticPathError(answer, "Loading the products").message).toBe(
      "Loading the products failed with HTTP 404 (Not Found: The fake Elastic Path does not answer GET /catalog/products: it fakes the endpoints listed in fakeEndpoints only).",
    );
    const [token, products] = fake.requests;
    expect(token).toMatchObject({ endpoint: "access-token", status: 200 });
    expect(token).not.toHaveProperty("notImplemented");
    expect(products).toMatchObject({
      id: 2,
      endpoint: "not-implemented",
      notImplemented: true,
      method: "GET",
      path: "/catalog/products",
      query: { "page[limit]": "5" },
      status: 404,
    });
    expect(products?.headers.authorization).toMatch(/^Bearer /);
    expect(heard).toEqual(fake.requests);
  });

  test("keeps its place among the answered requests, its body included", async () => {
    const { fake, client } = setup();
    const cart = fake.seedCart();

    await getACart({ client, path: { cartID: cart.id } });
    await client.post({
      url: "/v2/carts/{id}/shipping-groups",
      path: { id: cart.id },
      body: { a: 1 },
    });
    await getACart({ client, path: { cartID: cart.id } });

    expect(
      fake.requests.map(({ method, path, status, notImplemented }) => ({
        call: `${method} ${path} ${status}`,
        notImplemented,
      })),
    ).toEqual([
      { call: "POST /oauth/access_token 200", notImplemented: undefined },
      { call: `GET /v2/carts/${cart.id} 200`, notImplemented: undefined },
      { call: `POST /v2/carts/${cart.id}/shipping-groups 404`, notImplemented: true },
      { call: `GET /v2/carts/${cart.id} 200`, notImplemented: undefined },
    ]);
    expect(fake.requests[2]?.body).toEqual({ a: 1 });
    expect(fake.requestsTo("get-cart")).toHaveLength(2);
  });

  test("is forgotten by reset(), like any other request", async () => {
    const { fake, client } = setup();
    await getByContextAllProducts({ client });
    fake.reset();
    expect(fake.requests).toEqual([]);
  });

  test("is only what falls below the fake's baseUrl: other hosts and paths reach their own handlers", async () => {
    server.use(
      http.get("https://cdn.example.com/logo.json", () => HttpResponse.json({ cdn: true })),
      http.get("https://proxy.example.com/other/path", () => HttpResponse.json({ other: true })),
    );
    // Registered after them, so its handlers come first.
    const { fake } = setup("https://proxy.example.com/ep");

    const elsewhere = await fetch("https://cdn.example.com/logo.json");
    const beside = await fetch("https://proxy.example.com/other/path");

    expect(await elsewhere.json()).toEqual({ cdn: true });
    expect(await beside.json()).toEqual({ other: true });
    expect(fake.requests).toEqual([]);
  });
});
