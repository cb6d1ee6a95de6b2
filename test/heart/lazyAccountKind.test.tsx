// Own file: the account kind is registered module-wide by the first account hook that renders.
import { act, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { cartQueries, useAccountCarts, useAccountLogout } from "../../src";
import { seedMember } from "../support/accounts";
import { createHarness } from "../support/harness";

function AccountPage() {
  const carts = useAccountCarts();
  const logout = useAccountLogout();
  return (
    <div>
      <p>{carts.data ? `carts: ${carts.data.data.length}` : "loading"}</p>
      <button onClick={logout}>logout</button>
    </div>
  );
}

function App() {
  // An account page that the storefront loads later (a route, React.lazy).
  const [open, setOpen] = useState(false);
  return open ? <AccountPage /> : <button onClick={() => setOpen(true)}>open</button>;
}

describe("account hooks that first render after the provider mounted", () => {
  it("forget the account's cached lists on logout", async () => {
    const { fake, wrapper, queryClient } = createHarness();
    const { business, member } = seedMember(fake);
    fake.seedCart({ name: "Team cart", accountIds: [business.id] } as never);
    const token = fake.issueAccountToken(member.id, business.id);
    const expiresAt = Date.now() + 3_600_000;
    localStorage.setItem(
      "_epcc_account_session",
      JSON.stringify({
        accountMemberId: member.id,
        accountId: business.id,
        accountName: business.name,
        token,
        expiresAt,
        accounts: [{ accountId: business.id, accountName: business.name, token, expiresAt }],
      }),
    );
    render(<App />, { wrapper });
    act(() => screen.getByText("open").click());
    await screen.findByText(/carts: /);
    expect(
      queryClient.getQueriesData({ queryKey: cartQueries.accountKey(business.id) }),
    ).not.toHaveLength(0);

    act(() => screen.getByText("logout").click());
    expect(localStorage.getItem("_epcc_account_session")).toBeNull();
    await waitFor(() =>
      expect(
        queryClient.getQueriesData({ queryKey: cartQueries.accountKey(business.id) }),
      ).toHaveLength(0),
    );
  });
});
