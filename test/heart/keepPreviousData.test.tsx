import { keepPreviousData } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountCarts,
  useAccountLogin,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useSelectAccount,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { createHarness, SHOPPER } from "../support/harness";

describe("a paged list with keepPreviousData (the usual pagination setup)", () => {
  it("shows no carts of the customer who logged out", async () => {
    const { fake, wrapper } = createHarness();
    const ada = fake.seedCustomer(SHOPPER);
    fake.seedCart({ name: "Ada's cart", customerIds: [ada.id] });
    const { result } = renderHook(
      () => ({
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
        carts: useCustomerCarts({ limit: 10 }, { placeholderData: keepPreviousData }),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(1));
    act(() => result.current.logout());
    expect(result.current.carts.data).toBeUndefined();
  });

  it("shows none of the previous account's carts after a switch", async () => {
    const { fake, wrapper } = createHarness();
    const { business, family } = seedMember(fake);
    fake.seedCart({ name: "Office", accountIds: [business.id] });
    fake.seedCart({ name: "Groceries", accountIds: [family.id] });
    fake.setLatency?.(200);
    const { result } = renderHook(
      () => ({
        login: useAccountLogin(),
        select: useSelectAccount(),
        carts: useAccountCarts({ limit: 10 }, { placeholderData: keepPreviousData }),
      }),
      { wrapper },
    );
    await act(() =>
      result.current.login.mutateAsync({ passwordProfileId: fake.passwordProfileId, ...MEMBER }),
    );
    await waitFor(() => expect(result.current.carts.data?.data[0]?.name).toBe("Office"));
    act(() => result.current.select(family.id));
    expect(result.current.carts.data?.data.map((c) => c.name) ?? []).not.toContain("Office");
  });

  it("still keeps the shopper's own previous page while the next one loads", async () => {
    const { fake, wrapper } = createHarness();
    const ada = fake.seedCustomer(SHOPPER);
    fake.seedCarts(4, { customerIds: [ada.id] });
    const { result, rerender } = renderHook(
      ({ offset }: { offset: number }) => ({
        login: useCustomerLogin(),
        carts: useCustomerCarts({ limit: 2, offset }, { placeholderData: keepPreviousData }),
      }),
      { wrapper, initialProps: { offset: 0 } },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.carts.data?.data).toHaveLength(2));
    const firstPage = result.current.carts.data?.data.map((cart) => cart.id);
    fake.setLatency(50);
    rerender({ offset: 2 });
    expect(result.current.carts.isPlaceholderData).toBe(true);
    expect(result.current.carts.data?.data.map((cart) => cart.id)).toEqual(firstPage);
    await waitFor(() => expect(result.current.carts.isPlaceholderData).toBe(false));
    expect(result.current.carts.data?.data.map((cart) => cart.id)).not.toEqual(firstPage);
  });
});
