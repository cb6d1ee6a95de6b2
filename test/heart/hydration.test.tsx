import { act, renderHook, waitFor } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useAccountSession, useCartId, useCustomerLogin, useCustomerSession } from "../../src";
import { createHarness, SHOPPER } from "../support/harness";

function Who() {
  const customer = useCustomerSession();
  const account = useAccountSession();
  const [cartId] = useCartId();
  return <p>{`${customer.status}/${account.status}/${cartId ?? "no cart"}`}</p>;
}

afterEach(() => vi.restoreAllMocks());

describe("server rendering and hydration", () => {
  it("renders signed out on the server, hydrates without a warning, then shows the stored session", async () => {
    const { fake, wrapper: Wrapper } = createHarness();
    fake.seedCustomer(SHOPPER);
    // A shopper signed in on an earlier visit: storage holds their session and cart.
    const login = renderHook(useCustomerLogin, { wrapper: Wrapper });
    await act(() => login.result.current.mutateAsync(SHOPPER));
    localStorage.setItem("_store_ep_cart", "saved-cart");
    login.unmount();

    const html = renderToString(
      <Wrapper>
        <Who />
      </Wrapper>,
    );
    expect(html).toContain("signed-out/signed-out/no cart");

    const errors = vi.spyOn(console, "error");
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const root = await act(async () =>
      hydrateRoot(
        container,
        <Wrapper>
          <Who />
        </Wrapper>,
      ),
    );
    await waitFor(() => expect(container.textContent).toBe("signed-in/signed-out/saved-cart"));
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });
});
