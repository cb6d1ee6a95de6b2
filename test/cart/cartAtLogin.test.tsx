/**
 * What happens to the cart's contents at login: after an association or a merge, useCart
 * shows the current cart's items and later requests carry the shopper's token, with no
 * request more than needed. And an account member's cart, with the Account Management token.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountLogin,
  useAddCartItem,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCart,
  useCartId,
  useCustomerLogin,
  useUpdateCartItem,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { countOf, createHarness, SHOPPER } from "../support/harness";

const LAMP = { custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } } };
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));

function useCustomerCartPage() {
  return {
    cart: useCart(),
    cartId: useCartId()[0],
    add: useAddCartItem(),
    update: useUpdateCartItem(),
    login: useCustomerLogin(),
    banner: useAssociateCartWithCustomer(),
  };
}

describe("the guest's cart at login", () => {
  it("associated: useCart keeps showing its items, reads nothing again, and the next change carries the token", async () => {
    const { fake, wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(useCustomerCartPage, { wrapper });
    await act(() => result.current.add.mutateAsync(LAMP));
    const guestCartId = result.current.cartId;

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.banner.isSuccess).toBe(true));
    await settle();

    expect(result.current.cartId).toBe(guestCartId);
    expect(result.current.cart.data?.items.map((item) => item.name)).toEqual(["Lamp"]);
    expect(countOf(fake, "get-cart")).toBe(0);
    const itemId = result.current.cart.data!.items[0]!.id!;
    await act(() => result.current.update.mutateAsync({ itemId, quantity: 2 }));
    const [update] = fake.requestsTo("update-item");
    expect(update!.headers["x-moltin-customer-token"]).toBeTruthy();
    expect(result.current.cart.data?.cart.meta?.display_price?.with_tax?.amount).toBe(10_000);
  });

  it("merged: useCart shows the shopper's cart with the guest's items from the merge's answer", async () => {
    const { fake, wrapper } = createHarness({ provider: { guestCartOnLogin: "merge" } });
    const customer = fake.seedCustomer(SHOPPER);
    const theirs = fake.seedCart({
      customerIds: [customer.id],
      items: [{ name: "Tea", sku: "tea", quantity: 1, amount: 450 }],
    });
    const { result } = renderHook(useCustomerCartPage, { wrapper });
    await act(() => result.current.add.mutateAsync(LAMP));

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.cartId).toBe(theirs.id));
    await waitFor(() =>
      expect(result.current.cart.data?.items.map((item) => item.name).sort()).toEqual([
        "Lamp",
        "Tea",
      ]),
    );
    await settle();
    // The merge's answer holds the target's items: at most the merge's own look at the
    // shopper's cart, never a read of the cart's contents after it.
    const reads = fake.requestsTo("get-cart").filter((request) => request.path.endsWith(theirs.id));
    expect(reads.filter((request) => request.query.include === "items")).toHaveLength(0);
  });
});

describe("an account member's cart", () => {
  it("is created and changed with the Account Management token, and no association follows", async () => {
    const { fake, wrapper } = createHarness();
    const { business } = seedMember(fake);
    const { result } = renderHook(
      () => ({
        cart: useCart(),
        add: useAddCartItem(),
        login: useAccountLogin(),
        banner: useAssociateCartWithAccount(),
      }),
      { wrapper },
    );
    await act(() =>
      result.current.login.mutateAsync({ ...MEMBER, passwordProfileId: fake.passwordProfileId }),
    );

    await act(() => result.current.add.mutateAsync(LAMP));
    await settle();

    const header = "ep-account-management-authentication-token";
    const [create] = fake.requestsTo("create-cart");
    expect(create!.headers[header]).toBeTruthy();
    expect(fake.requestsTo("add-items")[0]!.headers[header]).toBe(create!.headers[header]);
    expect(countOf(fake, "associate-account")).toBe(0);
    expect(fake.cartsOfAccount(business.id).map((cart) => cart.id)).toContain(
      result.current.cart.data?.cart.id,
    );
  });
});
