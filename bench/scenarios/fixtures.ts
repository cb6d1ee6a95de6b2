import type { FakeElasticPath } from "../../src/testing";
import type { ShopperKind } from "../apps/ui";

export const SHOPPER = { email: "ada@example.com", password: "correct horse battery staple" };
export const OTHER_SHOPPER = { email: "grace@example.com", password: "another long passphrase" };
/** The store's password profile in the account scenario: both storefronts log in with it. */
export const PASSWORD_PROFILE_ID = "5c1a2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

export interface ShopperWithGuestCart {
  /** The customer's id, or the account's the member shops for. */
  ownerId: string;
  guestCartId: string;
  /** The carts "My carts" must show once the guest cart is associated. */
  expected: ReadonlySet<string>;
  /** The shopper's own carts, newest first. */
  savedCartIds: string[];
}

/**
 * A shopper with `savedCarts` carts of their own, and a guest cart with one item: a customer,
 * or an account member of one account (the carts are the account's).
 */
export function seedShopperWithGuestCart(
  fake: FakeElasticPath,
  credentials: { email: string; password: string },
  savedCarts: number,
  kind: ShopperKind = "customer",
): ShopperWithGuestCart {
  const ownerId =
    kind === "customer"
      ? fake.seedCustomer(credentials).id
      : seedAccountMember(fake, credentials).accountId;
  const saved = fake.seedCarts(savedCarts, {
    [kind === "customer" ? "customerIds" : "accountIds"]: [ownerId],
    name: "Saved cart",
  });
  const guest = fake.seedCart({
    name: "Guest cart",
    items: [{ name: "Wool socks", quantity: 2, amount: 900 }],
  });
  return {
    ownerId,
    guestCartId: guest.id,
    expected: new Set([...saved.map((cart) => cart.id), guest.id]),
    savedCartIds: saved.map((cart) => cart.id),
  };
}

/** A member of one account, logging in with their email as the username. */
function seedAccountMember(
  fake: FakeElasticPath,
  { email, password }: { email: string; password: string },
) {
  const account = fake.seedAccount({ name: "Analytical Engines Ltd" });
  fake.seedAccountMember({ username: email, password, accountIds: [account.id] });
  return { accountId: account.id };
}

/** The server's own answer after the run: the bench's expectation must be what it lists. */
export function assertServerLists(
  fake: FakeElasticPath,
  ownerId: string,
  expected: ReadonlySet<string>,
  kind: ShopperKind = "customer",
): void {
  const listed = (kind === "customer" ? fake.cartsOf(ownerId) : fake.cartsOfAccount(ownerId)).map(
    (cart) => cart.id,
  );
  if (
    listed.length !== expected.size ||
    !listed.every((id) => id !== undefined && expected.has(id))
  ) {
    throw new Error(
      `The fake lists ${listed.length} carts for the ${kind}, the bench expected ${expected.size}.`,
    );
  }
}
