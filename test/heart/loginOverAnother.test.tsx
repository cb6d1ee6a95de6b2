import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountLogin,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerLogin,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { createHarness, OTHER_SHOPPER, SHOPPER } from "../support/harness";

function useStorefront() {
  return {
    customerLogin: useCustomerLogin(),
    accountLogin: useAccountLogin(),
    associateCustomer: useAssociateCartWithCustomer(),
    associateAccount: useAssociateCartWithAccount(),
    cart: useCartId(),
  };
}

describe("a login that ends another shopper's session", () => {
  it("does not hand the previous customer's cart to the next customer", async () => {
    const { fake, wrapper } = createHarness();
    const ada = fake.seedCustomer(SHOPPER);
    const grace = fake.seedCustomer(OTHER_SHOPPER);
    const cart = fake.seedCart();
    localStorage.setItem("_store_ep_cart", cart.id!);
    const { result } = renderHook(useStorefront, { wrapper });
    await act(() => result.current.customerLogin.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associateCustomer.isSuccess).toBe(true));

    // Ada walks away; Grace signs in on the same device without a logout first.
    await act(() => result.current.customerLogin.mutateAsync(OTHER_SHOPPER));
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(fake.associations()).toEqual([{ cartId: cart.id, customerId: ada.id }]);
    expect(fake.associations().some((a) => a.customerId === grace.id)).toBe(false);
  });

  it("does not hand the customer's cart to the account that signs in next", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    seedMember(fake);
    const cart = fake.seedCart();
    localStorage.setItem("_store_ep_cart", cart.id!);
    const { result } = renderHook(useStorefront, { wrapper });
    await act(() => result.current.customerLogin.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.associateCustomer.isSuccess).toBe(true));

    await act(() =>
      result.current.accountLogin.mutateAsync({
        passwordProfileId: fake.passwordProfileId,
        ...MEMBER,
      }),
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(fake.accountAssociations()).toEqual([]);
  });
});
