import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAssociateCartWithCustomer,
  useCreateCart,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
} from "../../src";
import { createHarness, SHOPPER } from "../support/harness";

describe("mutations made by hand, after logout", () => {
  it("leave nothing of the customer in the mutation cache or in the hook's state", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    fake.seedCustomer(SHOPPER);
    const cart = fake.seedCart();
    const { result } = renderHook(
      () => ({
        session: useCustomerSession(),
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
        associate: useAssociateCartWithCustomer({ associateOnLogin: false }),
        create: useCreateCart(),
      }),
      { wrapper },
    );
    await act(() => result.current.login.mutateAsync(SHOPPER));
    const session = result.current.session;
    if (session.status !== "signed-in") throw new Error("expected a session");
    await act(() =>
      result.current.associate.mutateAsync({ cartId: cart.id, customerId: session.customerId }),
    );
    await act(() => result.current.create.mutateAsync({ name: "Birthday" }));

    act(() => result.current.logout());
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect.soft(result.current.associate.data).toBeUndefined();
    expect.soft(result.current.create.data).toBeUndefined();
    const left = queryClient
      .getMutationCache()
      .getAll()
      .map((mutation) => JSON.stringify([mutation.state.variables, mutation.state.data]));
    expect(left.join("\n")).not.toContain(session.customerId);
  });
});
