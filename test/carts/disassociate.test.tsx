import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathError,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useDisassociateCartFromCustomer,
  useInfiniteCustomerCarts,
} from "../../src";
import { countOf, createHarness, OTHER_SHOPPER, SHOPPER } from "../support/harness";

function useAccountPage() {
  return {
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    carts: useCustomerCarts(),
    infinite: useInfiniteCustomerCarts({ limit: 2 }),
    remove: useDisassociateCartFromCustomer({ retryDelay: 1 }),
  };
}

async function signedInWithCarts(latencyMs = 0) {
  const harness = createHarness({ fake: { latencyMs } });
  const customer = harness.fake.seedCustomer(SHOPPER);
  const carts = harness.fake.seedCarts(3, { customerIds: [customer.id] });
  const rendered = renderHook(useAccountPage, { wrapper: harness.wrapper });
  const { token } = await act(() => rendered.result.current.login.mutateAsync(SHOPPER));
  await waitFor(() => expect(rendered.result.current.carts.data?.data).toHaveLength(3));
  await waitFor(() => expect(rendered.result.current.infinite.isSuccess).toBe(true));
  return { ...harness, ...rendered, customer, carts, token };
}

const ids = (list: { id?: string }[] | undefined) => list?.map((cart) => cart.id);

describe("useDisassociateCartFromCustomer", () => {
  it("removes the cart from every list at once, sends the DELETE, then reconciles", async () => {
    const { fake, result, customer, carts, token } = await signedInWithCarts(150);
    const [gone, ...kept] = carts;
    const listsBefore = countOf(fake, "list-carts");

    act(() =>
      result.current.remove.mutate({
        cartId: gone!.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );

    // Optimistic: gone from both lists before the server has answered.
    await waitFor(() => expect(ids(result.current.carts.data?.data)).toEqual(ids(kept)));
    expect(ids(result.current.infinite.data?.pages[0]?.data)).toEqual(ids(kept.slice(0, 1)));
    expect(result.current.carts.data?.meta?.results?.total).toBe(2);
    expect(result.current.remove.isPending).toBe(true);

    await waitFor(() => expect(result.current.remove.isSuccess).toBe(true));
    const [request] = fake.requestsTo("disassociate");
    expect(request).toMatchObject({
      method: "DELETE",
      path: `/v2/carts/${gone!.id}/relationships/customers`,
      body: { data: [{ type: "customer", id: customer.id }] },
      status: 204,
    });
    expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    expect(result.current.remove.data).toEqual({ cartId: gone!.id, customerId: customer.id });
    // Reconciled with the server: both lists refetched once, and they agree.
    expect(countOf(fake, "list-carts")).toBe(listsBefore + 2);
    expect(ids(result.current.carts.data?.data)).toEqual(ids(fake.cartsOf(customer.id)));
  });

  it("puts the cart back on failure (403) and reports an ElasticPathError, without retrying", async () => {
    const { fake, result, customer, carts } = await signedInWithCarts();
    const grace = fake.seedCustomer(OTHER_SHOPPER);
    const foreignToken = fake.issueCustomerToken(grace.id);

    await act(() =>
      result.current.remove
        .mutateAsync({
          cartId: carts[1]!.id,
          customerId: customer.id,
          customerToken: foreignToken,
        })
        .catch(() => {}),
    );

    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    expect(result.current.remove.error).toBeInstanceOf(ElasticPathError);
    expect(result.current.remove.error?.status).toBe(403);
    expect(ids(result.current.carts.data?.data)).toEqual(ids(carts));
    expect(countOf(fake, "disassociate")).toBe(1);
  });

  it("retries a 503, then removes the cart", async () => {
    const { fake, result, customer, carts, token } = await signedInWithCarts();
    fake.failNext("disassociate", 1, { status: 503 });
    await act(() =>
      result.current.remove.mutateAsync({
        cartId: carts[0]!.id,
        customerId: customer.id,
        customerToken: token,
      }),
    );
    expect(fake.requestsTo("disassociate").map((r) => r.status)).toEqual([503, 204]);
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(2));
  });

  it("rejects bad input before any request and leaves the lists alone", async () => {
    const { fake, result, carts } = await signedInWithCarts();
    await act(() =>
      result.current.remove.mutateAsync({ cartId: "a/b", customerId: "c" }).catch(() => {}),
    );
    await waitFor(() => expect(result.current.remove.isError).toBe(true));
    expect(result.current.remove.error).toEqual(
      new ElasticPathError('cartId may only contain letters, digits, "-" and "_".'),
    );
    expect(countOf(fake, "disassociate")).toBe(0);
    expect(ids(result.current.carts.data?.data)).toEqual(ids(carts));
  });

  it("does not restore a signed-out customer's list when the removal fails late", async () => {
    const { fake, result, customer, carts, queryClient } = await signedInWithCarts();
    fake.setLatency((request) => (request.endpoint === "disassociate" ? 50 : 0));
    const foreignToken = fake.issueCustomerToken(fake.seedCustomer(OTHER_SHOPPER).id); // answers 403
    act(() =>
      result.current.remove.mutate({
        cartId: carts[0]!.id,
        customerId: customer.id,
        customerToken: foreignToken,
      }),
    );
    act(() => result.current.logout());
    await waitFor(() =>
      expect(fake.requestsTo("disassociate").map((request) => request.status)).toEqual([403]),
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(result.current.remove.status).toBe("idle");
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.queryKey),
      ),
    ).not.toContain(customer.id);
  });
});
