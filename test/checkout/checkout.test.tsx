/**
 * Checkout: one cart, one order. A storefront's checkout page on the real SDK client against
 * the fake Elastic Path: the body for each kind of shopper, each fault before and after
 * Elastic Path applied the checkout, double clicks, and what happens to the cart after.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathError,
  useAccountLogin,
  useAddCartItem,
  useCartId,
  useCheckout,
  useCustomerLogin,
  useCustomerLogout,
  type CheckoutAddress,
  type ElasticPathProviderProps,
} from "../../src";
import type { FakeFault } from "../../src/testing";
import { placeOrders } from "../orders/placeOrders";
import { MEMBER, seedMember } from "../support/accounts";
import { countOf, createHarness, SHOPPER } from "../support/harness";

const ADDRESS: CheckoutAddress = {
  firstName: "Ada",
  lastName: "Lovelace",
  line1: "12 St James's Square",
  city: "London",
  region: "Greater London",
  postcode: "SW1Y 4JH",
  country: "GB",
};
const WIRE_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  line_1: "12 St James's Square",
  city: "London",
  region: "Greater London",
  postcode: "SW1Y 4JH",
  country: "GB",
};
const GUEST = { email: "ada@example.com", name: "Ada Lovelace" };
const LAMP = { custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } } };

function useCheckoutPage() {
  return {
    cartId: useCartId()[0],
    add: useAddCartItem(),
    checkout: useCheckout({ retryDelay: 1 }),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
  };
}

async function pageWithCart(
  options: {
    strict?: boolean;
    provider?: Omit<ElasticPathProviderProps, "client" | "children">;
  } = {},
) {
  const harness = createHarness(options);
  harness.fake.seedCustomer(SHOPPER);
  const rendered = renderHook(useCheckoutPage, { wrapper: harness.wrapper });
  return { ...harness, ...rendered };
}

const bodyOf = (request: { body: unknown }) =>
  (request.body as { data: Record<string, unknown> }).data;

describe("the body follows who checks out", () => {
  it("a guest: customer { email, name }, no token, mapped addresses, the hook's own external_ref", async () => {
    const { fake, result } = await pageWithCart();
    await act(() => result.current.add.mutateAsync(LAMP));
    const cartId = result.current.cartId;

    const order = await act(() =>
      result.current.checkout.mutateAsync({
        ...GUEST,
        billingAddress: ADDRESS,
        shippingAddress: ADDRESS,
      }),
    );

    const [request] = fake.requestsTo("checkout");
    expect(request!.path).toBe(`/v2/carts/${cartId}/checkout`);
    expect(request!.headers["x-moltin-customer-token"]).toBeUndefined();
    expect(bodyOf(request!)).toEqual({
      customer: GUEST,
      billing_address: WIRE_ADDRESS,
      shipping_address: WIRE_ADDRESS,
      external_ref: expect.stringMatching(/^epcc-checkout-/),
    });
    expect(order.id).toBe(fake.orders()[0]!.id);
    // cartAfterCheckout="new" (the default): the next add starts a new cart.
    expect(result.current.cartId).toBeUndefined();
  });

  it("a customer: customer { id } with their token; email and name are not sent", async () => {
    const { fake, result } = await pageWithCart();
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() => result.current.add.mutateAsync(LAMP));

    await act(() =>
      result.current.checkout.mutateAsync({ billingAddress: ADDRESS, shippingAddress: ADDRESS }),
    );

    const [request] = fake.requestsTo("checkout");
    const customerId = fake.orders()[0]!.customer?.id;
    expect(bodyOf(request!).customer).toEqual({ id: customerId });
    expect(request!.headers["x-moltin-customer-token"]).toBeTruthy();
  });

  it("an account member: contact { email, name } with the Account Management token", async () => {
    const harness = createHarness();
    const { business } = seedMember(harness.fake);
    const { result } = renderHook(
      () => ({ add: useAddCartItem(), checkout: useCheckout(), login: useAccountLogin() }),
      { wrapper: harness.wrapper },
    );
    await act(() =>
      result.current.login.mutateAsync({
        ...MEMBER,
        passwordProfileId: harness.fake.passwordProfileId,
      }),
    );
    await act(() => result.current.add.mutateAsync(LAMP));

    await act(() =>
      result.current.checkout.mutateAsync({
        ...GUEST,
        billingAddress: ADDRESS,
        shippingAddress: ADDRESS,
      }),
    );

    const [request] = harness.fake.requestsTo("checkout");
    expect(bodyOf(request!).contact).toEqual(GUEST);
    expect(bodyOf(request!).customer).toBeUndefined();
    expect(request!.headers["ep-account-management-authentication-token"]).toBeTruthy();
    expect(harness.fake.orders()[0]!.relationships?.account?.data?.id ?? business.id).toBe(
      business.id,
    );
  });

  it("a missing field is refused before any request, in a sentence naming it", async () => {
    const { fake, result } = await pageWithCart();
    await act(() => result.current.add.mutateAsync(LAMP));
    const withoutPostcode = { ...ADDRESS, postcode: undefined };
    const error = await act(() =>
      result.current.checkout
        .mutateAsync({
          ...GUEST,
          billingAddress: withoutPostcode as unknown as CheckoutAddress,
          shippingAddress: ADDRESS,
        })
        .catch((e: unknown) => e),
    );
    expect((error as Error).message).toBe("billingAddress.postcode is required.");
    const withoutRegion = { ...ADDRESS, region: undefined };
    const noRegion = await act(() =>
      result.current.checkout
        .mutateAsync({
          ...GUEST,
          billingAddress: ADDRESS,
          shippingAddress: withoutRegion as unknown as CheckoutAddress,
        })
        .catch((e: unknown) => e),
    );
    expect((noRegion as Error).message).toBe("shippingAddress needs a region or a county.");
    expect(countOf(fake, "checkout")).toBe(0);
  });
});

describe("exactly one order per checkout", () => {
  it("double clicks and two checkout buttons under StrictMode share one request", async () => {
    const harness = createHarness({ strict: true });
    const { fake } = harness;
    const { result } = renderHook(() => ({ ...useCheckoutPage(), second: useCheckout() }), {
      wrapper: harness.wrapper,
    });
    await act(() => result.current.add.mutateAsync(LAMP));
    fake.setLatency(({ endpoint }) => (endpoint === "checkout" ? 30 : 0));
    const input = { ...GUEST, billingAddress: ADDRESS, shippingAddress: ADDRESS };

    const orders = await act(() =>
      Promise.all([
        result.current.checkout.mutateAsync(input),
        result.current.checkout.mutateAsync(input),
        result.current.second.mutateAsync(input),
      ]),
    );

    expect(countOf(fake, "checkout")).toBe(1);
    expect(fake.orders()).toHaveLength(1);
    expect(new Set(orders.map((order) => order.id)).size).toBe(1);
  });

  const faults: Array<[string, FakeFault, number]> = [
    ["a 503 before applying", { status: 503 }, 0],
    ["a 503 after applying", { status: 503, afterApplying: true }, 1],
    ["a lost connection after applying", { network: true, afterApplying: true }, 1],
  ];

  it.each(faults)(
    "a signed-in customer, %s: nothing is re-sent; their orders are read for this attempt's order",
    async (_, fault, ordersMade) => {
      const { fake, result } = await pageWithCart();
      await act(() => result.current.login.mutateAsync(SHOPPER));
      await act(() => result.current.add.mutateAsync(LAMP));
      fake.failNext("checkout", 1, fault);

      const outcome = await act(() =>
        result.current.checkout
          .mutateAsync({ billingAddress: ADDRESS, shippingAddress: ADDRESS })
          .catch((e: unknown) => e),
      );

      expect(countOf(fake, "checkout")).toBe(1);
      expect(countOf(fake, "list-orders")).toBe(1);
      expect(fake.requestsTo("list-orders")[0]!.headers["x-moltin-customer-token"]).toBeTruthy();
      expect(fake.orders()).toHaveLength(ordersMade);
      if (ordersMade === 1) {
        expect((outcome as { id: string }).id).toBe(fake.orders()[0]!.id);
      } else {
        expect(outcome).toBeInstanceOf(ElasticPathError);
        expect((outcome as Error).message).toMatch(/made no order/);
      }
    },
  );

  it("a shopper with many orders: all of them are read before saying no order was made (then it may be sent again)", async () => {
    const { fake, result, client } = await pageWithCart();
    await act(() => result.current.login.mutateAsync(SHOPPER));
    const customerId = result.current.login.data!.customerId;
    await placeOrders(
      fake,
      client,
      { tick: () => {} },
      { kind: "customer", customerId },
      120,
      "old",
    );
    await act(() => result.current.add.mutateAsync(LAMP));
    fake.failNext("checkout", 1, { status: 503 });

    const error = await act(() =>
      result.current.checkout
        .mutateAsync({ billingAddress: ADDRESS, shippingAddress: ADDRESS })
        .catch((e: unknown) => e),
    );

    expect((error as Error).message).toMatch(/made no order/);
    // Known: nothing was made, so trying again is safe.
    expect((error as ElasticPathError).retryable).toBe(true);
    expect(fake.requestsTo("list-orders").map((request) => request.query["page[offset]"])).toEqual([
      "0",
      "100",
    ]);
    expect(fake.orders()).toHaveLength(120);
  });

  it("a guest whose answer is lost: an error that says the outcome is unknown, nothing re-sent", async () => {
    const { fake, result } = await pageWithCart();
    await act(() => result.current.add.mutateAsync(LAMP));
    fake.failNext("checkout", 1, { network: true, afterApplying: true });

    const error = await act(() =>
      result.current.checkout
        .mutateAsync({ ...GUEST, billingAddress: ADDRESS, shippingAddress: ADDRESS })
        .catch((e: unknown) => e),
    );

    expect(error).toBeInstanceOf(ElasticPathError);
    expect((error as ElasticPathError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/unknown: do not check out again before checking/);
    expect(countOf(fake, "checkout")).toBe(1);
    expect(fake.orders()).toHaveLength(1);
  });

  it("the app's own retry does not send it again either", async () => {
    const harness = createHarness();
    const { result } = renderHook(
      () => ({ add: useAddCartItem(), checkout: useCheckout({ retry: 3, retryDelay: 1 }) }),
      { wrapper: harness.wrapper },
    );
    await act(() => result.current.add.mutateAsync(LAMP));
    harness.fake.failNext("checkout", 1, { status: 503, afterApplying: true });
    const error = await act(() =>
      result.current.checkout
        .mutateAsync({ ...GUEST, billingAddress: ADDRESS, shippingAddress: ADDRESS })
        .catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(ElasticPathError);
    expect(countOf(harness.fake, "checkout")).toBe(1);
    expect(harness.fake.orders()).toHaveLength(1);
  });

  it("a 429 is sent again after Retry-After: one order", async () => {
    const { fake, result } = await pageWithCart();
    await act(() => result.current.add.mutateAsync(LAMP));
    fake.failNext("checkout", 1, { status: 429, retryAfter: "0" });
    await act(() =>
      result.current.checkout.mutateAsync({
        ...GUEST,
        billingAddress: ADDRESS,
        shippingAddress: ADDRESS,
      }),
    );
    expect(fake.requestsTo("checkout").map((request) => request.status)).toEqual([429, 201]);
    expect(fake.orders()).toHaveLength(1);
  });
});

describe("after the order", () => {
  it('cartAfterCheckout="keep" keeps the cart current', async () => {
    const { result } = await pageWithCart({ provider: { cartAfterCheckout: "keep" } });
    await act(() => result.current.add.mutateAsync(LAMP));
    const cartId = result.current.cartId;
    await act(() =>
      result.current.checkout.mutateAsync({
        ...GUEST,
        billingAddress: ADDRESS,
        shippingAddress: ADDRESS,
      }),
    );
    expect(result.current.cartId).toBe(cartId);
  });

  it("a logout while the checkout is in the air leaves nothing of it to the next session", async () => {
    const { fake, result, queryClient } = await pageWithCart({
      provider: { keepCartOnLogout: true },
    });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() => result.current.add.mutateAsync(LAMP));
    const cartId = result.current.cartId;
    fake.setLatency(({ endpoint }) => (endpoint === "checkout" ? 40 : 0));
    const pending = result.current.checkout.mutateAsync({
      billingAddress: ADDRESS,
      shippingAddress: ADDRESS,
    });
    // In the air: sent, not yet answered.
    await act(() => new Promise((resolve) => setTimeout(resolve, 15)));
    act(() => result.current.logout());
    await act(() => pending.catch(() => {}));
    expect(countOf(fake, "checkout")).toBe(1);
    await waitFor(() => expect(result.current.checkout.isIdle).toBe(true));
    // The cart id kept across the logout is the guest's now: the late order does not drop it.
    expect(result.current.cartId).toBe(cartId);
    const cached = JSON.stringify(
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state.data),
    );
    expect(cached).not.toContain(fake.orders()[0]!.id);
  });
});
