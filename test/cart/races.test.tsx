/**
 * Races a storefront meets on the cart page and at checkout, found by a second reading and
 * kept here through the wire: a retried older quantity, answers out of order, a logout while
 * a cart is being created or ordered, and a retry after "no order was made".
 */
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAddCartItem,
  useCart,
  useCartId,
  useCheckout,
  useClearCart,
  useCustomerLogin,
  useCustomerLogout,
  useUpdateCartItem,
  type CheckoutAddress,
} from "../../src";
import { countOf, createHarness, SHOPPER } from "../support/harness";

const sleep = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const item = (name: string, amount: number) => ({ custom: { name, sku: name, price: { amount } } });

describe("quantities", () => {
  it("a retry of an older quantity is not sent once a newer one was answered", async () => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(
      () => ({
        cart: useCart(),
        add: useAddCartItem(),
        update: useUpdateCartItem({ retryDelay: 60 }),
      }),
      { wrapper },
    );
    const added = await act(() => result.current.add.mutateAsync(item("Lamp", 1000)));
    const itemId = added.items[0]!.id!;
    fake.failNext("update-item", 1, { status: 503 });

    const older = result.current.update.mutateAsync({ itemId, quantity: 2 });
    await sleep(20); // the 503 is in; its retry waits
    await act(() => result.current.update.mutateAsync({ itemId, quantity: 3 }));
    await act(() => older);

    expect(
      fake
        .requestsTo("update-item")
        .map((r) => [(r.body as { data: { quantity: number } }).data.quantity, r.status]),
    ).toEqual([
      [2, 503],
      [3, 200],
    ]);
    expect(fake.cartItems(result.current.cart.data!.cart.id!)?.[0]?.quantity).toBe(3);
    expect(result.current.cart.data?.items[0]?.quantity).toBe(3);
  });

  it("changes to two items at once go one after the other: the last answer is the newest, no read", async () => {
    const { fake, wrapper } = createHarness();
    const { result } = renderHook(
      () => ({ cart: useCart(), add: useAddCartItem(), update: useUpdateCartItem() }),
      { wrapper },
    );
    await act(() => result.current.add.mutateAsync(item("Lamp", 1000)));
    const added = await act(() => result.current.add.mutateAsync(item("Rug", 5000)));
    const [lamp, rug] = added.items;
    let slowOne = true;
    fake.setLatency(({ endpoint }) => {
      if (endpoint !== "update-item" || !slowOne) return 0;
      slowOne = false;
      return 50;
    });

    await act(() =>
      Promise.all([
        result.current.update.mutateAsync({ itemId: lamp!.id!, quantity: 2 }),
        new Promise((resolve) => setTimeout(resolve, 10)).then(() =>
          result.current.update.mutateAsync({ itemId: rug!.id!, quantity: 3 }),
        ),
      ]),
    );

    // One at a time, in the order asked: the rug's change waits for the lamp's answer, so the
    // last answer is Elastic Path's latest word, and nothing is read again.
    const [first, second] = fake.requestsTo("update-item");
    expect(second!.startedAt).toBeGreaterThanOrEqual(first!.finishedAt);
    const shown = result.current.cart.data!;
    expect(Object.fromEntries(shown.items.map((i) => [i.name, i.quantity]))).toEqual({
      Lamp: 2,
      Rug: 3,
    });
    expect(shown.cart.meta?.display_price?.with_tax?.amount).toBe(17_000);
    expect(countOf(fake, "get-cart")).toBe(0);
  });
});

describe("a logout while the cart is being created", () => {
  it("the customer's cart goes to nobody else: a guest's add makes a cart of its own", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({
        cartId: useCartId()[0],
        add: useAddCartItem(),
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    const { customerId } = result.current.login.data!;
    fake.setLatency(({ endpoint }) => (endpoint === "create-cart" ? 60 : 0));
    const hers = result.current.add.mutateAsync(item("Lamp", 1000)).catch((e: unknown) => e);
    await sleep(10);
    act(() => result.current.logout());
    const guests = result.current.add.mutateAsync(item("Rug", 5000));
    const [herError] = await act(() => Promise.all([hers, guests]));

    expect((herError as Error).message).toMatch(/signed out while their cart was being created/);
    const creations = fake.requestsTo("create-cart");
    expect(creations).toHaveLength(2);
    const adds = fake.requestsTo("add-items");
    expect(adds).toHaveLength(1);
    expect(adds[0]!.headers["x-moltin-customer-token"]).toBeUndefined();
    const herCart = fake.cartsOf(customerId)[0]!;
    expect(adds[0]!.path).not.toContain(herCart.id);
    expect(result.current.cartId).not.toBe(herCart.id);
    expect(queryClient.getQueryData(["epcc", "carts", "cart", herCart.id])).toBeUndefined();
  });

  it("clearing the cart, answered after the logout, reads nothing with the wrong token", async () => {
    const { fake, wrapper } = createHarness({ provider: { keepCartOnLogout: true } });
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({
        add: useAddCartItem(),
        clear: useClearCart(),
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() => result.current.add.mutateAsync(item("Lamp", 1000)));
    fake.setLatency(({ endpoint }) => (endpoint === "clear-items" ? 40 : 0));
    const clearing = result.current.clear.mutateAsync().catch((e: unknown) => e);
    await sleep(10);
    act(() => result.current.logout());
    const error = await act(() => clearing);

    expect((error as Error).message).toMatch(/signed out before the cart could be read again/);
    expect(countOf(fake, "get-cart")).toBe(0);
  });
});

const ADDRESS: CheckoutAddress = {
  firstName: "Ada",
  lastName: "Lovelace",
  line1: "12 St James's Square",
  region: "Greater London",
  postcode: "SW1Y 4JH",
  country: "GB",
};

describe("checkout across sessions and retries", () => {
  it("a guest checking out after the customer logged out gets their own order, not hers", async () => {
    const { fake, wrapper } = createHarness({ provider: { keepCartOnLogout: true } });
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({
        add: useAddCartItem(),
        checkout: useCheckout(),
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() => result.current.add.mutateAsync(item("Lamp", 1000)));
    fake.setLatency(({ endpoint }) => (endpoint === "checkout" ? 60 : 0));
    const hers = result.current.checkout
      .mutateAsync({ billingAddress: ADDRESS, shippingAddress: ADDRESS })
      .catch(() => undefined);
    await sleep(10);
    act(() => result.current.logout());
    const guest = { email: "grace@example.com", name: "Grace Hopper" };
    const guestOrder = await act(() =>
      result.current.checkout.mutateAsync({
        ...guest,
        billingAddress: ADDRESS,
        shippingAddress: ADDRESS,
      }),
    );
    await act(() => hers);

    expect(countOf(fake, "checkout")).toBe(2);
    expect(guestOrder.customer?.email).toBe(guest.email);
  });

  it("the app's own retry after 'no order was made' looks again, then sends with the same external_ref", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({
        add: useAddCartItem(),
        checkout: useCheckout({ retry: 1, retryDelay: 1 }),
        login: useCustomerLogin(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await act(() => result.current.add.mutateAsync(item("Lamp", 1000)));
    fake.failNext("checkout", 1, { status: 503 });

    const order = await act(() =>
      result.current.checkout.mutateAsync({ billingAddress: ADDRESS, shippingAddress: ADDRESS }),
    );

    const sent = fake.requestsTo("checkout");
    expect(sent.map((r) => r.status)).toEqual([503, 201]);
    const ref = (r: (typeof sent)[number]) =>
      (r.body as { data: { external_ref: string } }).data.external_ref;
    expect(ref(sent[1]!)).toBe(ref(sent[0]!));
    expect(countOf(fake, "list-orders")).toBe(2);
    expect(fake.orders()).toHaveLength(1);
    expect(order.external_ref).toBe(ref(sent[0]!));
  });
});
