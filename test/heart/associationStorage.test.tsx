import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useAssociateCartWithCustomer, useCustomerCarts, useCustomerLogin } from "../../src";
import { countOf, createHarness, SHOPPER, type HarnessOptions } from "../support/harness";
import { memoryStorage } from "../support/memoryStorage";

function loginWithGuestCart(provider: HarnessOptions["provider"]) {
  const harness = createHarness({ provider });
  harness.fake.seedCustomer(SHOPPER);
  const guestCart = harness.fake.seedCart({ name: "Guest" });
  localStorage.setItem("_store_ep_cart", guestCart.id!);
  const hook = renderHook(
    () => ({ login: useCustomerLogin(), associate: useAssociateCartWithCustomer() }),
    { wrapper: harness.wrapper },
  );
  return { ...harness, ...hook };
}

describe("where the association record is kept", () => {
  it("by default in localStorage, so that a reload does not send the association again", async () => {
    const { result, fake, wrapper } = loginWithGuestCart(undefined);
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    expect(localStorage.getItem("_epcc_associated_carts")).not.toBeNull();
    renderHook(() => useAssociateCartWithCustomer(), { wrapper });
    expect(countOf(fake, "associate")).toBe(1);
  });

  it("in memory only when the app keeps the session in storage of its own: nothing in localStorage", async () => {
    const sessionStorage = memoryStorage();
    const { result } = loginWithGuestCart({ sessionStorage });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    expect(sessionStorage.get()).toContain("customerId");
    expect(localStorage.getItem("_epcc_associated_carts")).toBeNull();
    expect(localStorage.getItem("_epcc_customer_session")).toBeNull();
  });

  it("in the app's associationStorage when it passes one", async () => {
    const associationStorage = memoryStorage();
    const { result } = loginWithGuestCart({ sessionStorage: memoryStorage(), associationStorage });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    expect(JSON.parse(associationStorage.get()!)).toEqual({
      sessions: [{ session: expect.stringMatching(/^customer:/), cartIds: [expect.any(String)] }],
      merges: [],
    });
    expect(localStorage.getItem("_epcc_associated_carts")).toBeNull();
  });
});

describe("the association record's storage format", () => {
  it("reads what earlier versions wrote (an array of sessions): nothing is sent again after an upgrade", async () => {
    const { result, fake } = loginWithGuestCart(undefined);
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associate.data?.status).toBe("associated"));
    // Rewritten the way versions before guest-cart merges kept it.
    const stored = JSON.parse(localStorage.getItem("_epcc_associated_carts")!) as {
      sessions: unknown[];
    };
    localStorage.setItem("_epcc_associated_carts", JSON.stringify(stored.sessions));

    const reloaded = createHarness({ fake });
    const after = renderHook(
      () => ({ associate: useAssociateCartWithCustomer(), carts: useCustomerCarts() }),
      { wrapper: reloaded.wrapper },
    );
    // The association would have gone out beside the list, in the same effects.
    await waitFor(() => expect(after.result.current.carts.isSuccess).toBe(true));
    expect(countOf(fake, "associate")).toBe(1);
  });
});
