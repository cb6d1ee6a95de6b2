/**
 * "My carts" for an account member: the same create, rename and delete hooks as for
 * customers, sending the Account Management token and changing the selected account's lists.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAccountCarts,
  useAccountLogin,
  useAccountSession,
  useAssociateCartWithAccount,
  useCartId,
  useCreateCart,
  useDeleteCart,
  useSelectAccount,
  useUpdateCart,
} from "../../src";
import type { FakeElasticPath } from "../../src/testing";
import { MEMBER, seedMember } from "../support/accounts";
import { cacheKeysAndVariables, countOf, createHarness } from "../support/harness";

function useAccountCartsPage() {
  return {
    session: useAccountSession(),
    login: useAccountLogin(),
    select: useSelectAccount(),
    associate: useAssociateCartWithAccount({ retryDelay: 1 }),
    cart: useCartId(),
    carts: useAccountCarts(),
    create: useCreateCart(),
    update: useUpdateCart({ retryDelay: 1 }),
    remove: useDeleteCart({ retryDelay: 1 }),
  };
}

async function signedInMember(carts = 2) {
  const harness = createHarness();
  const seeded = seedMember(harness.fake);
  const saved = harness.fake.seedCarts(carts, { accountIds: [seeded.business.id] });
  const rendered = renderHook(useAccountCartsPage, { wrapper: harness.wrapper });
  await act(() =>
    rendered.result.current.login.mutateAsync({
      passwordProfileId: harness.fake.passwordProfileId,
      ...MEMBER,
    }),
  );
  await waitFor(() => expect(rendered.result.current.carts.data?.data).toHaveLength(carts));
  const session = rendered.result.current.session;
  if (session.status !== "signed-in") throw new Error("expected a signed-in member");
  return { ...harness, ...rendered, ...seeded, saved, token: session.token };
}

/** Every request carried the account token and never a customer token. */
function onlyAccountTokens(fake: FakeElasticPath, token: string, endpoints: string[]) {
  const sent = fake.requests.filter((request) => endpoints.includes(request.endpoint));
  expect(sent.length).toBeGreaterThan(0);
  for (const request of sent) {
    expect(request.headers["ep-account-management-authentication-token"]).toBe(token);
    expect(request.headers["x-moltin-customer-token"]).toBeUndefined();
  }
}

describe("My carts for an account member", () => {
  it("creates a cart for the selected account with its token, makes it current without an association request", async () => {
    const { fake, result, business, token, queryClient } = await signedInMember();
    await act(() =>
      result.current.create.mutateAsync({ name: "Office supplies", makeCurrent: true }),
    );
    const created = result.current.create.data!;

    expect(fake.accountAssociations()).toContainEqual({
      cartId: created.id,
      accountId: business.id,
    });
    expect(result.current.carts.data?.data[0]?.id).toBe(created.id);
    expect(result.current.cart[0]).toBe(created.id);
    expect(result.current.associate.isIdle).toBe(true);
    await waitFor(() => expect(result.current.carts.isFetching).toBe(false));
    expect(countOf(fake, "associate-account") + countOf(fake, "associate")).toBe(0);
    onlyAccountTokens(fake, token, ["create-cart"]);
    expect(cacheKeysAndVariables(queryClient)).not.toContain(token);
  });

  it("renames and deletes the account's carts with its token; an account's last cart can be deleted", async () => {
    const { fake, result, business, saved, token } = await signedInMember();
    await act(() =>
      result.current.update.mutateAsync({ cartId: saved[1]!.id!, name: "Quarterly order" }),
    );
    expect(result.current.carts.data?.data.map((cart) => cart.name)).toContain("Quarterly order");

    await act(() => result.current.remove.mutateAsync({ cartId: saved[0]!.id! }));
    await act(() => result.current.remove.mutateAsync({ cartId: saved[1]!.id! }));
    expect(fake.requestsTo("delete-cart").map((r) => r.status)).toEqual([204, 204]);
    expect(fake.cartsOfAccount(business.id)).toEqual([]);
    expect(result.current.carts.data?.data).toEqual([]);
    onlyAccountTokens(fake, token, ["update-cart", "delete-cart"]);
  });

  it("with disassociateFirst, the cart is taken off the account, then deleted", async () => {
    const { fake, result, business, saved, token } = await signedInMember(1);
    await act(() =>
      result.current.remove.mutateAsync({ cartId: saved[0]!.id!, disassociateFirst: true }),
    );
    const [off, deletion] = fake.requests.filter((r) =>
      ["disassociate-account", "delete-cart"].includes(r.endpoint),
    );
    expect([off?.endpoint, deletion?.endpoint]).toEqual(["disassociate-account", "delete-cart"]);
    expect(deletion!.startedAt).toBeGreaterThanOrEqual(off!.finishedAt);
    expect(fake.requestsTo("disassociate-account")[0]?.body).toEqual({
      data: [{ type: "account", id: business.id }],
    });
    onlyAccountTokens(fake, token, ["disassociate-account", "delete-cart"]);
    expect(fake.getCart(saved[0]!.id!)).toBeUndefined();
  });

  it("a switch to another account while a cart is created: it is the first account's, and the second's lists are left alone", async () => {
    const { fake, result, business, family } = await signedInMember();
    const familyCart = fake.seedCart({ accountIds: [family.id], name: "Groceries" });
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    fake.setLatency(({ endpoint }) => {
      if (endpoint !== "create-cart") return 0;
      arrived();
      return 50;
    });
    const pending = result.current.create.mutateAsync({ name: "Late", makeCurrent: true });
    await arrival;
    act(() => result.current.select(family.id));
    const created = await act(() => pending);

    expect(fake.accountAssociations()).toContainEqual({
      cartId: created.id,
      accountId: business.id,
    });
    await waitFor(() =>
      expect(result.current.carts.data?.data.map((cart) => cart.id)).toEqual([familyCart.id]),
    );
    expect(result.current.cart[0]).toBeUndefined();
  });
});
