import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useAssociateCartWithCustomer, useCustomerLogin } from "../../src";
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
    expect(JSON.parse(associationStorage.get()!)).toEqual([
      { session: expect.stringMatching(/^customer:/), cartIds: [expect.any(String)] },
    ]);
    expect(localStorage.getItem("_epcc_associated_carts")).toBeNull();
  });
});
