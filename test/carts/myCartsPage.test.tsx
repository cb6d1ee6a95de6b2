/**
 * "My carts" as an account page: create, rename, delete and switch carts, for a customer,
 * through the real SDK client and the fake Elastic Path. The account member's side is in
 * test/accounts/accountCartsPage.test.tsx.
 */
import { useQuery } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  cartQueries,
  ElasticPathError,
  useAssociateCartWithCustomer,
  useCartId,
  useCreateCart,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useDeleteCart,
  useElasticPath,
  useInfiniteCustomerCarts,
  useUpdateCart,
} from "../../src";
import type { FakeElasticPath, FakeElasticPathOptions, FakeEndpoint } from "../../src/testing";
import { cacheKeysAndVariables, countOf, createHarness, SHOPPER } from "../support/harness";

/** Retries without backoff: these tests are about what is sent again, not when. */
const FAST = { retryDelay: 1 };

function useMyCartsPage() {
  const [cartId, setCartId] = useCartId();
  const { client } = useElasticPath();
  return {
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    associate: useAssociateCartWithCustomer(FAST),
    carts: useCustomerCarts(),
    infinite: useInfiniteCustomerCarts({ limit: 2 }),
    cartId,
    setCartId,
    // A cart badge: the current cart's own query.
    badge: useQuery({ ...cartQueries.cart({ client }, cartId ?? "none"), enabled: !!cartId }),
    create: useCreateCart(),
    update: useUpdateCart(FAST),
    remove: useDeleteCart(FAST),
  };
}

async function signedIn({
  carts = 3,
  fake,
}: { carts?: number; fake?: FakeElasticPathOptions } = {}) {
  const harness = createHarness({ fake });
  const customer = harness.fake.seedCustomer(SHOPPER);
  const seeded = harness.fake.seedCarts(carts, { customerIds: [customer.id] });
  const rendered = renderHook(useMyCartsPage, { wrapper: harness.wrapper });
  const { token } = await act(() => rendered.result.current.login.mutateAsync(SHOPPER));
  await waitFor(() => expect(rendered.result.current.carts.data?.data).toHaveLength(carts));
  await waitFor(() => expect(rendered.result.current.infinite.isSuccess).toBe(true));
  return { ...harness, ...rendered, customer, seeded, token };
}

/** Resolves when a request to `endpoint` reaches the fake (before it is answered, `ms` later). */
function arrivalOf(fake: FakeElasticPath, endpoint: FakeEndpoint, ms: number): Promise<void> {
  return new Promise((arrived) =>
    fake.setLatency((request) => {
      if (request.endpoint !== endpoint) return 0;
      arrived();
      return ms;
    }),
  );
}

const ids = (list: { id?: string }[] | undefined) => list?.map((cart) => cart.id);
const names = (list: { name?: string }[] | undefined) => list?.map((cart) => cart.name);

describe("useCreateCart", () => {
  it("creates the cart with the customer's token: theirs at once, first on every list, no association request", async () => {
    const { fake, result, customer, token, seeded } = await signedIn();
    const listsBefore = countOf(fake, "list-carts");
    // Slow lists: the new cart must show before any list is fetched again.
    fake.setLatency(({ endpoint }) => (endpoint === "list-carts" ? 100 : 0));

    act(() => result.current.create.mutate({ name: "Gift for Mum", description: "Her birthday" }));

    await waitFor(() => expect(names(result.current.carts.data?.data)?.[0]).toBe("Gift for Mum"));
    expect(names(result.current.infinite.data?.pages[0]?.data)?.[0]).toBe("Gift for Mum");
    expect(result.current.carts.data?.meta?.results?.total).toBe(4);
    expect(result.current.create.isPending).toBe(true); // still reconciling
    expect(countOf(fake, "list-carts")).toBe(listsBefore);

    await waitFor(() => expect(result.current.create.isSuccess).toBe(true));
    const [request] = fake.requestsTo("create-cart");
    expect(request).toMatchObject({
      method: "POST",
      path: "/v2/carts",
      body: { data: { name: "Gift for Mum", description: "Her birthday" } },
      status: 201,
    });
    expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    expect(request?.headers["ep-account-management-authentication-token"]).toBeUndefined();
    const created = result.current.create.data!;
    expect(created).toMatchObject({ name: "Gift for Mum", description: "Her birthday" });
    expect(fake.associations()).toContainEqual({ cartId: created.id, customerId: customer.id });
    expect(countOf(fake, "associate")).toBe(0);
    // Reconciled: both lists fetched again once, and they agree with the server.
    expect(countOf(fake, "list-carts")).toBe(listsBefore + 2);
    expect(ids(result.current.carts.data?.data)).toEqual([created.id, ...ids(seeded)!]);
    // Not made current unless asked.
    expect(result.current.cartId).toBeUndefined();
  });

  it("with makeCurrent the new cart becomes the current cart, and the automatic association does not send it", async () => {
    const { fake, result, queryClient } = await signedIn();
    await act(() =>
      result.current.create.mutateAsync({ name: "Office supplies", makeCurrent: true }),
    );
    const created = result.current.create.data!;

    expect(result.current.cartId).toBe(created.id);
    expect(localStorage.getItem("_store_ep_cart")).toBe(created.id);
    // A cart badge shows it from the answer at once (TanStack refreshes it in the background).
    expect(result.current.badge.data).toEqual({ cart: created, items: [] });
    // No automatic association was started for it (it would be in the mutation cache at once)...
    expect(result.current.associate.isIdle).toBe(true);
    expect(
      queryClient.getMutationCache().findAll({ mutationKey: ["epcc", "carts", "associate"] }),
    ).toHaveLength(0);
    // ...and none crossed the wire once everything settled.
    await waitFor(() => expect(result.current.carts.isFetching).toBe(false));
    expect(countOf(fake, "associate")).toBe(0);
  });

  it("re-sends after a 429 (proof it was not applied), waiting what Retry-After asks", async () => {
    const { fake, result, customer } = await signedIn();
    fake.failNext("create-cart", 2, { status: 429, retryAfter: 0 });
    await act(() => result.current.create.mutateAsync({ name: "Weekend" }));
    expect(fake.requestsTo("create-cart").map((r) => r.status)).toEqual([429, 429, 201]);
    expect(fake.cartsOf(customer.id).filter((cart) => cart.name === "Weekend")).toHaveLength(1);
  });

  it.each([
    ["a 503", { status: 503 } as const, 503],
    ["a 500", { status: 500 } as const, 500],
    ["a network failure", { network: true } as const, "network-error"],
  ])(
    "is not sent again after %s, whose outcome is unknown: the error says so, and the lists are read again",
    async (_label, fault, recorded) => {
      const { fake, result } = await signedIn();
      const listsBefore = countOf(fake, "list-carts");
      fake.failNext("create-cart", 1, fault);

      const error = await act(() =>
        result.current.create.mutateAsync({ name: "Weekend" }).catch((e: unknown) => e),
      );

      expect(fake.requestsTo("create-cart").map((r) => r.status)).toEqual([recorded]);
      expect(error).toBeInstanceOf(ElasticPathError);
      expect((error as ElasticPathError).message).toMatch(
        /^Creating the cart failed.* The cart may have been created all the same, so it was not sent again\.$/,
      );
      expect((error as ElasticPathError).status).toBe(
        recorded === "network-error" ? undefined : recorded,
      );
      expect(countOf(fake, "list-carts")).toBe(listsBefore + 2);
    },
  );

  it("a caller's retry replaces the rule: retry: false sends a 429 once", async () => {
    const harness = createHarness();
    harness.fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), create: useCreateCart({ retry: false }) }),
      { wrapper: harness.wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    harness.fake.failNext("create-cart", 1, { status: 429, retryAfter: 0 });
    await act(() => result.current.create.mutateAsync({ name: "Once" }).catch(() => {}));
    expect(harness.fake.requestsTo("create-cart").map((r) => r.status)).toEqual([429]);
    expect(result.current.create.error?.status).toBe(429);
  });

  it.each([
    [{ name: "" }, "name must not be empty or whitespace."],
    [{ name: "   " }, "name must not be empty or whitespace."],
    [{ name: "x".repeat(256) }, "name must be at most 255 characters long."],
    [{ name: 7 }, "name must be a string, but got a number."],
    [{ name: "Gifts", description: 3 }, "description must be a string."],
    [{ name: "Gifts", makeCurrent: "yes" }, "makeCurrent must be true or false."],
    [null, "variables must be an object, but got null."],
  ])("refuses %j before any request: %s", async (variables, message) => {
    const { fake, result, seeded } = await signedIn();
    const error = await act(() =>
      result.current.create.mutateAsync(variables as never).catch((e: unknown) => e),
    );
    expect(error).toEqual(new ElasticPathError(message));
    expect(countOf(fake, "create-cart")).toBe(0);
    expect(ids(result.current.carts.data?.data)).toEqual(ids(seeded));
  });

  it("refuses a signed-out shopper before any request", async () => {
    const harness = createHarness();
    const { result } = renderHook(() => useCreateCart(), { wrapper: harness.wrapper });
    const error = await act(() => result.current.mutateAsync({ name: "Mine" }).catch((e) => e));
    expect(error).toEqual(
      new ElasticPathError("Creating a cart needs a signed-in customer or account member."),
    );
    expect(countOf(harness.fake, "create-cart")).toBe(0);
  });

  it("a logout while the request is in the air: nothing written into the cache, and the cart is not made current", async () => {
    const { fake, result, customer, queryClient } = await signedIn();
    const arrived = arrivalOf(fake, "create-cart", 50);
    const pending = result.current.create.mutateAsync({ name: "Late", makeCurrent: true });
    await arrived;
    act(() => result.current.logout());
    const created = await act(() => pending);

    expect(fake.getCart(created.id!)).toBeDefined(); // Elastic Path did create it
    expect(result.current.cartId).toBeUndefined();
    const keys = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    );
    expect(keys).not.toContain(customer.id);
    expect(keys).not.toContain(created.id);
  });

  it("a 401 ends the session", async () => {
    const { fake, result, customer } = await signedIn();
    fake.expireCustomerTokens(customer.id);
    const error = await act(() =>
      result.current.create.mutateAsync({ name: "Mine" }).catch((e: unknown) => e),
    );
    expect((error as { status?: number }).status).toBe(401);
    await waitFor(() => expect(result.current.session.status).toBe("signed-out"));
    expect(countOf(fake, "create-cart")).toBe(1);
    // The session is over: the hook keeps nothing of that shopper's call either.
    await waitFor(() => expect(result.current.create.status).toBe("idle"));
  });
});

describe("useUpdateCart", () => {
  it("renames at once in every list and in the cart's own query, sends the PUT, then reconciles", async () => {
    const { fake, result, seeded, token } = await signedIn({ fake: { latencyMs: 0 } });
    const target = seeded[1]!;
    act(() => result.current.setCartId(target.id));
    await waitFor(() => expect(result.current.badge.data?.cart.name).toBe(target.name));
    fake.setLatency(({ endpoint }) => (endpoint === "update-cart" ? 100 : 0));

    act(() => result.current.update.mutate({ cartId: target.id!, name: "Office supplies" }));

    // Optimistic: renamed everywhere before Elastic Path has answered.
    await waitFor(() =>
      expect(names(result.current.carts.data?.data)?.[1]).toBe("Office supplies"),
    );
    expect(names(result.current.infinite.data?.pages[0]?.data)?.[1]).toBe("Office supplies");
    expect(result.current.badge.data?.cart.name).toBe("Office supplies");
    expect(countOf(fake, "update-cart")).toBe(0);

    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    const [request] = fake.requestsTo("update-cart");
    expect(request).toMatchObject({
      method: "PUT",
      path: `/v2/carts/${target.id}`,
      body: { data: { name: "Office supplies" } },
      status: 200,
    });
    expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    expect(result.current.update.data).toMatchObject({ id: target.id, name: "Office supplies" });
    // Reconciled: the renamed cart is the most recently updated, so Elastic Path lists it first.
    expect(ids(result.current.carts.data?.data)?.[0]).toBe(target.id);
    expect(fake.getCart(target.id!)?.description).toBe(target.description);
  });

  it("puts the old name back when the change fails for good (503 on every try)", async () => {
    const { fake, result, seeded } = await signedIn();
    fake.failNext("update-cart", 4, { status: 503 });
    await act(() =>
      result.current.update
        .mutateAsync({ cartId: seeded[0]!.id!, name: "Renamed" })
        .catch(() => {}),
    );
    expect(fake.requestsTo("update-cart").map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(result.current.update.error?.status).toBe(503);
    expect(names(result.current.carts.data?.data)).toEqual(names(seeded));
    expect(fake.getCart(seeded[0]!.id!)?.name).toBe(seeded[0]!.name);
  });

  it("sends only the fields given: a description alone keeps the name", async () => {
    const { fake, result, seeded } = await signedIn();
    await act(() =>
      result.current.update.mutateAsync({ cartId: seeded[2]!.id!, description: "For the trip" }),
    );
    expect(fake.requestsTo("update-cart")[0]?.body).toEqual({
      data: { description: "For the trip" },
    });
    expect(fake.getCart(seeded[2]!.id!)).toMatchObject({
      name: seeded[2]!.name,
      description: "For the trip",
    });
  });

  it.each([
    [{ cartId: "a/b", name: "x" }, 'cartId may only contain letters, digits, "-" and "_".'],
    [{ cartId: "abc" }, "Give a name or a description to change."],
    [{ cartId: "abc", name: "" }, "name must not be empty or whitespace."],
    [{ cartId: "abc", description: null }, "description must be a string."],
    ["abc", "variables must be an object, but got a string."],
  ])("refuses %j before any request, leaving the lists alone: %s", async (variables, message) => {
    const { fake, result, seeded } = await signedIn();
    const error = await act(() =>
      result.current.update.mutateAsync(variables as never).catch((e: unknown) => e),
    );
    expect(error).toEqual(new ElasticPathError(message));
    expect(countOf(fake, "update-cart")).toBe(0);
    expect(names(result.current.carts.data?.data)).toEqual(names(seeded));
  });

  it("a logout while a failing change is in the air: the old lists are not put back", async () => {
    const { fake, result, seeded, customer, queryClient } = await signedIn();
    const arrived = arrivalOf(fake, "update-cart", 50);
    fake.failNext("update-cart", 1, { status: 503 });
    const pending = result.current.update
      .mutateAsync({ cartId: seeded[0]!.id!, name: "Renamed" })
      .catch((e: unknown) => e);
    await arrived;
    act(() => result.current.logout());
    const error = await act(() => pending);
    expect(error).toEqual(
      new ElasticPathError("The shopper signed out before the cart was changed."),
    );
    // The retry after the logout was not sent with the old token, nor any other.
    expect(fake.requestsTo("update-cart").map((r) => r.status)).toEqual([503]);
    const keys = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey),
    );
    expect(keys).not.toContain(customer.id);
  });
});

describe("useDeleteCart", () => {
  it("takes the cart off every list at once, sends the DELETE, then reconciles", async () => {
    const { fake, result, seeded, token, customer } = await signedIn();
    const [gone, ...kept] = seeded;
    fake.setLatency(({ endpoint }) => (endpoint === "delete-cart" ? 100 : 0));

    act(() => result.current.remove.mutate({ cartId: gone!.id! }));

    await waitFor(() => expect(ids(result.current.carts.data?.data)).toEqual(ids(kept)));
    expect(ids(result.current.infinite.data?.pages[0]?.data)).toEqual(ids(kept.slice(0, 1)));
    expect(result.current.carts.data?.meta?.results?.total).toBe(2);
    expect(countOf(fake, "delete-cart")).toBe(0);

    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));
    const [request] = fake.requestsTo("delete-cart");
    expect(request).toMatchObject({ method: "DELETE", path: `/v2/carts/${gone!.id}`, status: 204 });
    expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    expect(result.current.remove.data).toEqual({ cartId: gone!.id });
    expect(countOf(fake, "disassociate")).toBe(0);
    expect(fake.getCart(gone!.id!)).toBeUndefined();
    expect(ids(result.current.carts.data?.data)).toEqual(ids(fake.cartsOf(customer.id)));
  });

  it("deleting the current cart forgets the current cart id and its cached cart", async () => {
    const { result, seeded, queryClient } = await signedIn();
    const current = seeded[0]!;
    act(() => result.current.setCartId(current.id));
    await waitFor(() => expect(result.current.badge.isSuccess).toBe(true));

    await act(() => result.current.remove.mutateAsync({ cartId: current.id! }));

    expect(result.current.cartId).toBeUndefined();
    expect(localStorage.getItem("_store_ep_cart")).toBeNull();
    expect(queryClient.getQueryData(cartQueries.cartKey(current.id!))).toBeUndefined();
  });

  it("deleting another cart keeps the current one", async () => {
    const { result, seeded } = await signedIn();
    act(() => result.current.setCartId(seeded[0]!.id));
    await act(() => result.current.remove.mutateAsync({ cartId: seeded[1]!.id! }));
    expect(result.current.cartId).toBe(seeded[0]!.id);
  });

  it("a customer's last cart: Elastic Path's 400 \"Last cart\", recognisable, not retried, and the cart comes back", async () => {
    const { fake, result, seeded } = await signedIn({ carts: 1 });

    const error = await act(() =>
      result.current.remove.mutateAsync({ cartId: seeded[0]!.id! }).catch((e: unknown) => e),
    );

    expect(error).toBeInstanceOf(ElasticPathError);
    const refusal = error as ElasticPathError;
    expect(refusal.status).toBe(400);
    expect(refusal.errors[0]?.title).toBe("Last cart");
    expect(refusal.message).toBe(
      "Deleting the cart failed with HTTP 400 (Last cart: This is the last cart associated with a customer and it cannot be deleted, try disassociating instead).",
    );
    expect(countOf(fake, "delete-cart")).toBe(1);
    expect(ids(result.current.carts.data?.data)).toEqual(ids(seeded));
    expect(fake.getCart(seeded[0]!.id!)).toBeDefined();
  });

  it("with disassociateFirst: the association is removed, and the DELETE sent only once that was answered", async () => {
    const { fake, result, seeded, customer, token } = await signedIn({ carts: 1 });
    // A slow disassociation: a DELETE sent beside it would start before it is answered.
    fake.setLatency(({ endpoint }) => (endpoint === "disassociate" ? 50 : 0));

    await act(() =>
      result.current.remove.mutateAsync({ cartId: seeded[0]!.id!, disassociateFirst: true }),
    );

    const [off] = fake.requestsTo("disassociate");
    const [deletion] = fake.requestsTo("delete-cart");
    expect(off).toMatchObject({
      method: "DELETE",
      path: `/v2/carts/${seeded[0]!.id}/relationships/customers`,
      body: { data: [{ type: "customer", id: customer.id }] },
      status: 204,
    });
    expect(off?.headers["x-moltin-customer-token"]).toBe(token);
    expect(deletion?.status).toBe(204);
    expect(deletion!.startedAt).toBeGreaterThanOrEqual(off!.finishedAt);
    expect(fake.getCart(seeded[0]!.id!)).toBeUndefined();
    expect(result.current.carts.data?.data).toEqual([]);
  });

  it("with disassociateFirst, a deletion that fails for good: disassociated once, and the cart stays off the list", async () => {
    const { fake, result, seeded, customer } = await signedIn({ carts: 2 });
    fake.failNext("delete-cart", 4, { status: 503 });
    await act(() =>
      result.current.remove
        .mutateAsync({ cartId: seeded[0]!.id!, disassociateFirst: true })
        .catch(() => {}),
    );
    expect(fake.requestsTo("delete-cart").map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(countOf(fake, "disassociate")).toBe(1);
    // It is no longer the customer's: the list the server gives agrees.
    expect(ids(result.current.carts.data?.data)).toEqual([seeded[1]!.id]);
    expect(fake.cartsOf(customer.id).map((cart) => cart.id)).toEqual([seeded[1]!.id]);
  });

  it("retries a 503, then deletes", async () => {
    const { fake, result, seeded } = await signedIn();
    fake.failNext("delete-cart", 1, { status: 503 });
    await act(() => result.current.remove.mutateAsync({ cartId: seeded[0]!.id! }));
    expect(fake.requestsTo("delete-cart").map((r) => r.status)).toEqual([503, 204]);
    expect(result.current.carts.data?.data).toHaveLength(2);
  });

  it.each([
    [{ cartId: "a b" }, 'cartId may only contain letters, digits, "-" and "_".'],
    [{ cartId: "" }, "cartId must not be empty or whitespace."],
    [{ cartId: "abc", disassociateFirst: 1 }, "disassociateFirst must be true or false."],
    [[], "variables must be an object, but got an array."],
  ])("refuses %j before any request, leaving the lists alone: %s", async (variables, message) => {
    const { fake, result, seeded } = await signedIn();
    const error = await act(() =>
      result.current.remove.mutateAsync(variables as never).catch((e: unknown) => e),
    );
    expect(error).toEqual(new ElasticPathError(message));
    expect(countOf(fake, "delete-cart") + countOf(fake, "disassociate")).toBe(0);
    expect(ids(result.current.carts.data?.data)).toEqual(ids(seeded));
  });
});

describe("switching carts", () => {
  it("useCartId's setter makes a listed cart current; the association it starts is a 204 no-op", async () => {
    const { fake, result, seeded } = await signedIn();
    const listsBefore = countOf(fake, "list-carts");
    act(() => result.current.setCartId(seeded[2]!.id));

    expect(result.current.cartId).toBe(seeded[2]!.id);
    // The recipe a list marks the current cart with:
    expect(
      result.current.carts.data?.data.map((cart) => cart.id === result.current.cartId),
    ).toEqual([false, false, true]);
    await waitFor(() => expect(result.current.associate.data?.status).toBe("already-associated"));
    expect(fake.requestsTo("associate").map((r) => r.status)).toEqual([204]);
    expect(countOf(fake, "list-carts")).toBe(listsBefore);
  });
});

it("no token in keys or variables, whichever mutation ran", async () => {
  const { result, seeded, token, queryClient } = await signedIn();
  await act(() => result.current.create.mutateAsync({ name: "New" }));
  await act(() => result.current.update.mutateAsync({ cartId: seeded[0]!.id!, name: "Renamed" }));
  await act(() => result.current.remove.mutateAsync({ cartId: seeded[1]!.id! }));
  expect(cacheKeysAndVariables(queryClient)).not.toContain(token);
});
