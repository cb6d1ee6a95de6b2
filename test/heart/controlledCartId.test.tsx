/**
 * A parent that controls the cart id (the provider's `cartId` and `onCartIdChange`): when a
 * logout or an account switch forgets the cart, every component reading it must hear of it,
 * including one that re-renders for nothing else (a header's cart badge).
 */
import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { useState, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathProvider,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useCartId,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useSelectAccount,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { createHarness, SHOPPER } from "../support/harness";

function setUp() {
  const harness = createHarness();
  const { fake, client, queryClient } = harness;
  const guestCart = fake.seedCart({ name: "Guest" }).id!;
  const changes: (string | undefined)[] = [];
  function App({ children }: { children: ReactNode }) {
    const [cartId, setCartId] = useState<string | undefined>(guestCart);
    return (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider
          client={client}
          cartId={cartId}
          onCartIdChange={(next) => {
            changes.push(next);
            setCartId(next);
          }}
        >
          {children}
        </ElasticPathProvider>
      </QueryClientProvider>
    );
  }
  /** Reads the cart id and nothing else, as a header's cart badge does. */
  function CartBadge() {
    const [cartId] = useCartId();
    return <p data-testid="cart">{cartId ?? "no cart"}</p>;
  }
  const renderApp = (controls: ReactNode) =>
    render(
      <App>
        <CartBadge />
        {controls}
      </App>,
    );
  const cartShown = () => screen.getByTestId("cart").textContent;
  return { ...harness, guestCart, changes, renderApp, cartShown };
}

describe("a controlled cart id", () => {
  it("is forgotten everywhere when the member switches accounts", async () => {
    const { fake, guestCart, changes, renderApp, cartShown } = setUp();
    const { family } = seedMember(fake);
    function Controls() {
      const session = useAccountSession();
      const login = useAccountLogin();
      const selectAccount = useSelectAccount();
      return (
        <>
          <p>{session.status === "signed-in" ? session.accountName : "signed out"}</p>
          <button
            onClick={() => login.mutate({ passwordProfileId: fake.passwordProfileId, ...MEMBER })}
          >
            Sign in
          </button>
          <button onClick={() => selectAccount(family.id)}>Switch</button>
        </>
      );
    }
    renderApp(<Controls />);
    act(() => screen.getByText("Sign in").click());
    await screen.findByText("Analytical Engines Ltd");
    expect(cartShown()).toBe(guestCart);

    act(() => screen.getByText("Switch").click());
    expect(screen.getByText("The Lovelaces")).toBeTruthy();
    expect(changes).toEqual([undefined]);
    expect(cartShown()).toBe("no cart");
  });

  it("is forgotten everywhere when the account member signs out", async () => {
    const { fake, renderApp, cartShown } = setUp();
    seedMember(fake);
    function Controls() {
      const session = useAccountSession();
      const login = useAccountLogin();
      const logout = useAccountLogout();
      return (
        <>
          <p>{session.status}</p>
          <button
            onClick={() => login.mutate({ passwordProfileId: fake.passwordProfileId, ...MEMBER })}
          >
            Sign in
          </button>
          <button onClick={logout}>Sign out</button>
        </>
      );
    }
    renderApp(<Controls />);
    act(() => screen.getByText("Sign in").click());
    await screen.findByText("signed-in");
    act(() => screen.getByText("Sign out").click());
    expect(screen.getByText("signed-out")).toBeTruthy();
    expect(cartShown()).toBe("no cart");
  });

  it("is forgotten everywhere when the customer logs out", async () => {
    const { fake, renderApp, cartShown } = setUp();
    fake.seedCustomer(SHOPPER);
    function Controls() {
      const session = useCustomerSession();
      const login = useCustomerLogin();
      const logout = useCustomerLogout();
      return (
        <>
          <p>{session.status}</p>
          <button onClick={() => login.mutate(SHOPPER)}>Log in</button>
          <button onClick={logout}>Log out</button>
        </>
      );
    }
    renderApp(<Controls />);
    act(() => screen.getByText("Log in").click());
    await screen.findByText("signed-in");
    act(() => screen.getByText("Log out").click());
    expect(screen.getByText("signed-out")).toBeTruthy();
    expect(cartShown()).toBe("no cart");
  });
});
