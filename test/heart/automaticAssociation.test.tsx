import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import {
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
} from "../../src";
import type { FakeElasticPath } from "../../src/testing";
import { report } from "../support/report";
import {
  cacheKeysAndVariables,
  countOf,
  createHarness,
  OTHER_SHOPPER,
  SHOPPER,
} from "../support/harness";

function seed(fake: FakeElasticPath) {
  const customer = fake.seedCustomer(SHOPPER);
  fake.seedCarts(2, { customerIds: [customer.id], name: "Older" });
  const guestCart = fake.seedCart({
    name: "Guest",
    items: [{ name: "Socks", quantity: 1, amount: 500 }],
  });
  return { customer, guestCart };
}

function useStorefront() {
  return {
    associate: useAssociateCartWithCustomer({ retryDelay: 1 }),
    session: useCustomerSession(),
    login: useCustomerLogin(),
    logout: useCustomerLogout(),
    cart: useCartId(),
    carts: useCustomerCarts(),
  };
}

function AssociationStatus({ label }: { label: string }) {
  const { status, data, error } = useAssociateCartWithCustomer({ retryDelay: 1 });
  return (
    <p data-testid={label}>
      {status}:{data?.status ?? error?.status ?? "-"}
    </p>
  );
}

describe("automatic association on login", () => {
  it("login with a guest cart: one association, and My carts shows the cart", async () => {
    const { fake, wrapper } = createHarness();
    const { customer, guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    await waitFor(() =>
      expect(result.current.carts.data?.data.map((c) => c.id)).toContain(guestCart.id),
    );

    const [request] = fake.requestsTo("associate");
    expect(countOf(fake, "associate")).toBe(1);
    expect(request?.body).toEqual({ data: [{ type: "customer", id: customer.id }] });
    expect(request?.headers["x-moltin-customer-token"]).toBe(
      result.current.session.status === "signed-in" ? result.current.session.token : "missing",
    );
    // Measured for the closing note: everything a login with a guest cart costs on the wire.
    report(
      "login with a guest cart:",
      fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`),
    );
  });

  it("cart after login: a cart that appears while signed in is associated", async () => {
    const { fake, wrapper } = createHarness();
    const { guestCart } = seed(fake);
    const { result } = renderHook(useStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    expect(countOf(fake, "associate")).toBe(0);

    act(() => result.current.cart[1](guestCart.id));

    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    expect(countOf(fake, "associate")).toBe(1);
  });

  it("does nothing with associateOnLogin: false", async () => {
    const { fake, wrapper } = createHarness();
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(
      () => ({
        associate: useAssociateCartWithCustomer({ associateOnLogin: false }),
        login: useCustomerLogin(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(countOf(fake, "associate")).toBe(0);
    expect(result.current.associate.isIdle).toBe(true);
  });

  it("under StrictMode with five mounted hooks sends one request, and every one shows it", async () => {
    const { fake, wrapper } = createHarness({ strict: true, fake: { latencyMs: 10 } });
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const login = renderHook(() => useCustomerLogin(), { wrapper });
    const labels = ["a", "b", "c", "d", "e"];
    render(
      <>
        {labels.map((label) => (
          <AssociationStatus key={label} label={label} />
        ))}
      </>,
      { wrapper },
    );

    await act(() => login.result.current.mutateAsync(SHOPPER));
    for (const label of labels) {
      await waitFor(() => expect(screen.getByTestId(label).textContent).toBe("success:associated"));
    }
    expect(countOf(fake, "associate")).toBe(1);
  });

  it("shows the call as pending in every instance while it is in the air", async () => {
    const { fake, wrapper } = createHarness({
      fake: { latencyMs: (r) => (r.endpoint === "associate" ? 80 : 0) },
    });
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const login = renderHook(() => useCustomerLogin(), { wrapper });
    render(
      <>
        <AssociationStatus label="header" />
        <AssociationStatus label="banner" />
      </>,
      { wrapper },
    );
    await act(() => login.result.current.mutateAsync(SHOPPER));
    await waitFor(() => expect(screen.getByTestId("header").textContent).toBe("pending:-"));
    expect(screen.getByTestId("banner").textContent).toBe("pending:-");
    await waitFor(() =>
      expect(screen.getByTestId("banner").textContent).toBe("success:associated"),
    );
  });

  it("does not send again after a re-mount or a reload in the same session", async () => {
    const { fake, wrapper } = createHarness();
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const first = renderHook(useStorefront, { wrapper });
    await act(() => first.result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(first.result.current.associate.isSuccess).toBe(true));
    first.unmount();

    const remounted = renderHook(useStorefront, { wrapper });
    // A reload: a new QueryClient and provider on the same storage and the same fake.
    const reloaded = createHarness({ fake });
    const afterReload = renderHook(useStorefront, { wrapper: reloaded.wrapper });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(remounted.result.current.associate.data?.status).toBe("associated");
    expect(afterReload.result.current.session.status).toBe("signed-in");
    expect(countOf(fake, "associate")).toBe(1);
  });

  it("associates again in a new session (log out, log in)", async () => {
    const { fake, wrapper } = createHarness({ provider: { keepCartOnLogout: true } });
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    act(() => result.current.logout());
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("already-associated"));
    expect(fake.requestsTo("associate").map((r) => r.status)).toEqual([200, 204]);
  });

  it("does not send again after a 4xx, and retries a 503 within the same call", async () => {
    const { fake, wrapper } = createHarness();
    seed(fake);
    const contactCart = fake.seedCart({ contactEmail: "guest@example.com" });
    localStorage.setItem("_store_ep_cart", contactCart.id);
    fake.failNext("associate", 1, { status: 503 });
    const first = renderHook(useStorefront, { wrapper });
    await act(() => first.result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(first.result.current.associate.error?.status).toBe(422));
    first.unmount();
    renderHook(useStorefront, { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.requestsTo("associate").map((r) => r.status)).toEqual([503, 422]);
  });

  it("tells every mounted hook's callbacks how the automatic call went", async () => {
    const { fake, wrapper } = createHarness();
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const onSuccessA = vi.fn();
    const onSuccessB = vi.fn();
    const { result } = renderHook(
      () => ({
        a: useAssociateCartWithCustomer({ onSuccess: onSuccessA }),
        b: useAssociateCartWithCustomer({ onSuccess: onSuccessB }),
        login: useCustomerLogin(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.b.isSuccess).toBe(true));
    expect(onSuccessA).toHaveBeenCalledTimes(1);
    expect(onSuccessB).toHaveBeenCalledTimes(1);
    expect(onSuccessA.mock.calls[0]?.[0]).toMatchObject({
      status: "associated",
      cartId: guestCart.id,
    });
  });

  it("after a logout mid-association, the late answer writes nothing for the next customer", async () => {
    const { fake, wrapper, queryClient } = createHarness({
      fake: { latencyMs: (r) => (r.endpoint === "associate" ? 60 : 0) },
    });
    const { customer, guestCart } = seed(fake);
    const grace = fake.seedCustomer(OTHER_SHOPPER);
    fake.seedCarts(1, { customerIds: [grace.id], name: "Grace's" });
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.isPending).toBe(true));
    act(() => result.current.logout());
    await act(() => result.current.login.mutateAsync(OTHER_SHOPPER));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the association's answer lands

    expect(result.current.carts.data?.data.map((c) => c.name)).toEqual(["Grace's"]);
    expect(cacheKeysAndVariables(queryClient)).not.toContain(customer.id);
    expect(result.current.associate.isIdle).toBe(true);
    expect(result.current.cart[0]).toBeUndefined();
  });

  it("keeps the customer token out of every query key, mutation key and mutation variables", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    const { guestCart } = seed(fake);
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const { result } = renderHook(useStorefront, { wrapper });
    const { token } = await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.carts.isSuccess).toBe(true));

    const everything = cacheKeysAndVariables(queryClient);
    expect(everything).toContain(guestCart.id); // the scan does see the cache
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split(".")[1]);
  });
});
