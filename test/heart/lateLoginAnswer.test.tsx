/**
 * A login answer that lands after the shopper changed their mind — logged out, or logged in
 * as someone else — starts no session: the shopper ends up as they last asked. The token it
 * brought is dropped, never stored or cached.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
} from "../../src";
import { MEMBER, seedMember } from "../support/accounts";
import { cacheKeysAndVariables, createHarness, OTHER_SHOPPER, SHOPPER } from "../support/harness";

const OVERRIDDEN = /started no session: the shopper logged out/;

/** Every login (customer or account member) is answered after `slowMs`. */
function slowLogins(slowMs: number) {
  return createHarness({
    fake: {
      latencyMs: ({ endpoint }) =>
        endpoint === "customer-token" || endpoint === "account-member-token" ? slowMs : 0,
    },
  });
}

describe("a login answered after the shopper changed their mind", () => {
  it("a customer who logs out before the answer lands stays signed out", async () => {
    const { fake, queryClient, wrapper } = slowLogins(60);
    fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
        session: useCustomerSession(),
      }),
      { wrapper },
    );

    let login!: Promise<unknown>;
    act(() => {
      login = result.current.login.mutateAsync(SHOPPER);
    });
    await waitFor(() => expect(fake.requests.length).toBeGreaterThan(0));
    act(() => result.current.logout());
    await expect(login).rejects.toThrow(OVERRIDDEN);

    // Elastic Path did answer with a token: it was dropped, not used.
    const [answer] = fake.requestsTo("customer-token");
    expect(answer?.status).toBe(200);
    expect(result.current.session).toEqual({ status: "signed-out" });
    await waitFor(() => expect(result.current.login.isError).toBe(true));
    expect(result.current.login.error?.message).toMatch(OVERRIDDEN);
    expect(localStorage.getItem("_epcc_customer_session")).toBeNull();
    expect(cacheKeysAndVariables(queryClient)).not.toContain(SHOPPER.password);
    expect(
      JSON.stringify(
        queryClient
          .getMutationCache()
          .getAll()
          .map((m) => m.state),
      ),
    ).not.toMatch(/"token"/);
  });

  it("of two customers' logins in the air, the one asked for last wins, whichever answers last", async () => {
    const { fake, wrapper } = createHarness();
    const ada = fake.seedCustomer(SHOPPER);
    const grace = fake.seedCustomer(OTHER_SHOPPER);
    // The first login (Ada's) answers after the second (Grace's).
    let loginsSeen = 0;
    fake.setLatency(({ endpoint }) =>
      endpoint === "customer-token" ? (++loginsSeen === 1 ? 80 : 10) : 0,
    );
    const { result } = renderHook(
      () => ({ login: useCustomerLogin(), session: useCustomerSession() }),
      { wrapper },
    );

    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.login.mutateAsync(SHOPPER);
    });
    await waitFor(() => expect(loginsSeen).toBe(1));
    act(() => {
      second = result.current.login.mutateAsync(OTHER_SHOPPER);
    });
    await expect(second).resolves.toMatchObject({ customerId: grace.id });
    await expect(first).rejects.toThrow(OVERRIDDEN);

    expect(fake.requestsTo("customer-token").map((request) => request.status)).toEqual([200, 200]);
    expect(result.current.session).toMatchObject({ status: "signed-in", customerId: grace.id });
    expect(result.current.session).not.toMatchObject({ customerId: ada.id });
  });

  it("a member who signs out before the answer lands stays signed out", async () => {
    const { fake, wrapper } = slowLogins(60);
    seedMember(fake);
    const { result } = renderHook(
      () => ({
        login: useAccountLogin(),
        logout: useAccountLogout(),
        session: useAccountSession(),
      }),
      { wrapper },
    );

    let login!: Promise<unknown>;
    act(() => {
      login = result.current.login.mutateAsync({
        ...MEMBER,
        passwordProfileId: fake.passwordProfileId,
      });
    });
    await waitFor(() => expect(fake.requests.length).toBeGreaterThan(0));
    act(() => result.current.logout());
    await expect(login).rejects.toThrow(OVERRIDDEN);

    expect(fake.requestsTo("account-member-token").at(-1)?.status).toBe(201);
    expect(result.current.session).toEqual({ status: "signed-out" });
  });

  it("a login asked for after a logout signs in as usual", async () => {
    const { fake, wrapper } = slowLogins(20);
    const ada = fake.seedCustomer(SHOPPER);
    const { result } = renderHook(
      () => ({
        login: useCustomerLogin(),
        logout: useCustomerLogout(),
        session: useCustomerSession(),
      }),
      { wrapper },
    );
    act(() => result.current.logout());
    await act(() => result.current.login.mutateAsync(SHOPPER));
    expect(result.current.session).toMatchObject({ status: "signed-in", customerId: ada.id });
    expect(fake.requestsTo("customer-token")).toHaveLength(1);
  });
});
