import { getCartId } from "@epcc-sdk/sdks-shopper";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import {
  ElasticPathError,
  ElasticPathProvider,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useDisassociateCartFromCustomer,
  useElasticPath,
  useInfiniteCustomerCarts,
  type CustomerSession,
  type StorageAdapter,
} from "../../src";
import { createHarness } from "../support/harness";

const hooks: Record<string, () => unknown> = {
  useElasticPath,
  useCartId,
  useCustomerSession,
  useCustomerLogin: () => useCustomerLogin(),
  useCustomerLogout,
  useAssociateCartWithCustomer: () => useAssociateCartWithCustomer(),
  useDisassociateCartFromCustomer: () => useDisassociateCartFromCustomer(),
  useCustomerCarts: () => useCustomerCarts(),
  useInfiniteCustomerCarts: () => useInfiniteCustomerCarts(),
};

function memoryAdapter(initial?: string): StorageAdapter & { listeners: Set<() => void> } {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    listeners,
    get: () => value,
    set: (next) => {
      value = next;
    },
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

describe("ElasticPathProvider", () => {
  it.each(Object.entries(hooks))(
    "%s outside the provider throws a sentence naming it",
    (name, hook) => {
      const queryClient = new QueryClient();
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      );
      vi.spyOn(console, "error").mockImplementation(() => {});
      expect(() => renderHook(hook, { wrapper })).toThrowError(
        new ElasticPathError(`${name} must be used inside <ElasticPathProvider>.`),
      );
    },
  );

  it("refuses a client that is not an SDK client", () => {
    const queryClient = new QueryClient();
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() =>
      renderHook(() => useElasticPath(), {
        wrapper: ({ children }) => (
          <QueryClientProvider client={queryClient}>
            <ElasticPathProvider client={{} as never}>{children}</ElasticPathProvider>
          </QueryClientProvider>
        ),
      }),
    ).toThrow(/needs a `client` from the SDK's createShopperClient/);
  });

  it("hands every hook the client it was given", () => {
    const { client, wrapper } = createHarness();
    const { result } = renderHook(() => useElasticPath(), { wrapper });
    expect(result.current.client).toBe(client);
  });

  it("keeps the cart id where the SDK's getCartId reads it, and every hook sees a change at once", () => {
    localStorage.setItem("_store_ep_cart", "guest-cart-1");
    const { wrapper } = createHarness();
    const { result } = renderHook(() => ({ a: useCartId(), b: useCartId() }), { wrapper });
    expect(result.current.a[0]).toBe("guest-cart-1");

    act(() => result.current.a[1]("guest-cart-2"));
    expect(result.current.b[0]).toBe("guest-cart-2");
    expect(getCartId()).toBe("guest-cart-2");

    act(() => result.current.a[1](undefined));
    expect(result.current.b[0]).toBeUndefined();
    expect(localStorage.getItem("_store_ep_cart")).toBeNull();
  });

  it("refuses a cart id with unsafe characters and keeps the old one", () => {
    localStorage.setItem("_store_ep_cart", "kept");
    const { wrapper } = createHarness();
    const { result } = renderHook(() => useCartId(), { wrapper });
    expect(() => result.current[1]("../admin")).toThrowError(
      'cartId may only contain letters, digits, "-" and "_".',
    );
    expect(result.current[0]).toBe("kept");
  });

  it("follows a cart id written by another tab", () => {
    const { wrapper } = createHarness();
    const { result } = renderHook(() => useCartId(), { wrapper });
    act(() => {
      localStorage.setItem("_store_ep_cart", "from-other-tab");
      window.dispatchEvent(new StorageEvent("storage", { key: "_store_ep_cart" }));
    });
    expect(result.current[0]).toBe("from-other-tab");
  });

  it("in controlled mode reports changes and shows what the parent passes down", () => {
    const onCartIdChange = vi.fn();
    const onSessionChange = vi.fn();
    const session: CustomerSession = {
      status: "signed-in",
      customerId: "c-1",
      token: "t",
      expiresAt: Date.now() + 60_000,
    };
    const { wrapper } = createHarness({
      provider: { cartId: "controlled-cart", onCartIdChange, session, onSessionChange },
    });
    const { result } = renderHook(
      () => ({ cart: useCartId(), session: useCustomerSession(), logout: useCustomerLogout() }),
      { wrapper },
    );
    expect(result.current.cart[0]).toBe("controlled-cart");
    expect(result.current.session).toEqual(session);

    act(() => result.current.cart[1]("next-cart"));
    expect(onCartIdChange).toHaveBeenLastCalledWith("next-cart");
    expect(result.current.cart[0]).toBe("controlled-cart"); // the parent decides
    expect(localStorage.getItem("_store_ep_cart")).toBeNull();

    act(() => result.current.logout());
    expect(onSessionChange).toHaveBeenLastCalledWith({ status: "signed-out" });
    expect(onCartIdChange).toHaveBeenLastCalledWith(undefined);
  });

  it("uses the storage adapters it is given, and their subscribe for outside changes", () => {
    const cartIdStorage = memoryAdapter("adapter-cart");
    const sessionStorage = memoryAdapter();
    const { wrapper } = createHarness({ provider: { cartIdStorage, sessionStorage } });
    const { result } = renderHook(() => ({ cart: useCartId(), session: useCustomerSession() }), {
      wrapper,
    });
    expect(result.current.cart[0]).toBe("adapter-cart");
    act(() => result.current.cart[1]("another"));
    expect(cartIdStorage.get()).toBe("another");
    expect(localStorage.getItem("_store_ep_cart")).toBeNull();

    act(() => {
      sessionStorage.set(
        JSON.stringify({ customerId: "c-9", token: "tok", expiresAt: Date.now() + 60_000 }),
      );
      sessionStorage.listeners.forEach((listener) => listener());
    });
    expect(result.current.session).toMatchObject({ status: "signed-in", customerId: "c-9" });
  });

  it("reads a stored session that expired, or that is garbage, as signed-out", () => {
    localStorage.setItem(
      "_epcc_customer_session",
      JSON.stringify({ customerId: "c-1", token: "t", expiresAt: Date.now() - 1 }),
    );
    const { wrapper } = createHarness();
    const { result, unmount } = renderHook(() => useCustomerSession(), { wrapper });
    expect(result.current).toEqual({ status: "signed-out" });
    unmount();

    localStorage.setItem("_epcc_customer_session", "{not json");
    const again = renderHook(() => useCustomerSession(), { wrapper });
    expect(again.result.current).toEqual({ status: "signed-out" });
  });

  it("signs out by itself when the session's time is up", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      localStorage.setItem("_store_ep_cart", "cart-1");
      localStorage.setItem(
        "_epcc_customer_session",
        JSON.stringify({ customerId: "c-1", token: "t", expiresAt: Date.now() + 5_000 }),
      );
      const { wrapper } = createHarness();
      const { result } = renderHook(() => ({ session: useCustomerSession(), cart: useCartId() }), {
        wrapper,
      });
      expect(result.current.session.status).toBe("signed-in");
      await act(() => vi.advanceTimersByTimeAsync(5_001));
      expect(result.current.session).toEqual({ status: "signed-out" });
      expect(localStorage.getItem("_epcc_customer_session")).toBeNull();
      expect(result.current.cart[0]).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
