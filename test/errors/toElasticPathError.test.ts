/**
 * `toElasticPathError` on what a storefront's own SDK calls return and throw, through the
 * wire: the real SDK client against the fake on msw.
 */
import { createShopperClient, getACart } from "@epcc-sdk/sdks-shopper";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { cartQueries, ElasticPathError, toElasticPathError } from "../../src";
import { toElasticPathError as fromQueriesEntry } from "../../src/queries";
import { createFakeElasticPath } from "../../src/testing";
import { memoryStorage } from "../support/memoryStorage";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";

const SOME_CART = "0b9a7a3e-5a43-4d3e-9d0b-7f1c3c1c9e11";
// Elastic Path answers a cart id it does not know with a new empty cart, not a 404: the
// failures below are the fake's injected ones, answered as Elastic Path words them.

function storefront() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  return { fake, client: createTestClient(fake).client };
}

describe("toElasticPathError", () => {
  it("gives an SDK answer's error status the sentence, status and entries the hooks give", async () => {
    const { client, fake } = storefront();
    const cart = fake.seedCart();
    fake.failNext("get-cart", 2, { status: 503 });
    const answer = await getACart({ client, path: { cartID: cart.id } });

    const error = toElasticPathError(answer, "Loading the cart");
    // The package's own query for the same cart fails on the same answer: the same error.
    const fromPackage = await new QueryClient({ defaultOptions: { queries: { retry: false } } })
      .fetchQuery({ ...cartQueries.cart({ client }, cart.id), retry: false })
      .catch((thrown: unknown) => thrown);

    expect(fromPackage).toBeInstanceOf(ElasticPathError);
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(error.message).toBe((fromPackage as ElasticPathError).message);
    expect(error.message).toMatch(/^Loading the cart failed with HTTP 503 \(.+\)\.$/);
    expect(error).toMatchObject({
      name: "ElasticPathError",
      status: 503,
      retryable: true,
      errors: (fromPackage as ElasticPathError).errors,
    });
    expect(error.errors.length).toBeGreaterThan(0);
    expect(fake.requestsTo("get-cart").map((request) => request.status)).toEqual([503, 503]);
  });

  it("names the request by method and path when not told what it was", async () => {
    const { client, fake } = storefront();
    const cart = fake.seedCart();
    fake.failNext("get-cart", 1, { status: 500 });
    const answer = await getACart({ client, path: { cartID: cart.id } });

    expect(toElasticPathError(answer).message).toMatch(
      new RegExp(`^GET /v2/carts/${cart.id} failed with HTTP 500 \\(.+\\)\\.$`),
    );
  });

  it("reads a 429's Retry-After and calls it retryable, as the retry policy does", async () => {
    const { client, fake } = storefront();
    const cart = fake.seedCart();
    fake.failNext("get-cart", 1, { status: 429, retryAfter: 2 });

    const error = toElasticPathError(await getACart({ client, path: { cartID: cart.id } }));

    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2000 });
  });

  it("turns a network failure the SDK threw into a retryable error that says so", async () => {
    const { client, fake } = storefront();
    const cart = fake.seedCart();
    fake.failNext("get-cart", 1, { network: true });

    const thrown = await getACart({ client, path: { cartID: cart.id } }).catch((e: unknown) => e);
    const error = toElasticPathError(thrown, "Loading the cart");

    expect(thrown).not.toBeInstanceOf(ElasticPathError);
    expect(error.message).toBe("Loading the cart failed: Elastic Path could not be reached.");
    expect(error).toMatchObject({ status: undefined, retryable: true, cause: thrown });
  });

  it("says the store refused the client id when the SDK could not get a token", async () => {
    const fake = createFakeElasticPath();
    server.use(...fake.handlers);
    const { client } = createShopperClient(
      { baseUrl: fake.baseUrl },
      { clientId: "not-this-store", storage: memoryStorage() },
    );

    const thrown = await getACart({ client, path: { cartID: SOME_CART } }).catch((e: unknown) => e);

    expect(toElasticPathError(thrown).message).toBe(
      "The Elastic Path request failed: the store refused this storefront's client id (check clientId and baseUrl in createShopperClient).",
    );
    expect(fake.requestsTo("get-cart")).toEqual([]);
  });

  it("returns an ElasticPathError as it is, and says so of an answer that did not fail", async () => {
    const { client, fake } = storefront();
    const cart = fake.seedCart();
    const mine = new ElasticPathError("Mine.");
    const answer = await getACart({ client, path: { cartID: cart.id } });

    expect(toElasticPathError(mine)).toBe(mine);
    expect(answer.error).toBeUndefined();
    expect(toElasticPathError(answer, "Loading the cart").message).toBe(
      "Loading the cart did not fail: Elastic Path answered HTTP 200.",
    );
  });

  it("is one function in both entries", () => {
    expect(fromQueriesEntry).toBe(toElasticPathError);
  });
});
