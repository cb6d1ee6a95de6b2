import type { FakeCustomer, FakeElasticPath } from "../../src/testing";

export const SHOPPER = { email: "ada@example.com", password: "correct horse battery staple" };
export const OTHER_SHOPPER = { email: "grace@example.com", password: "another long passphrase" };

export interface ShopperWithGuestCart {
  customer: FakeCustomer;
  guestCartId: string;
  /** The carts "My carts" must show once the guest cart is associated. */
  expected: ReadonlySet<string>;
}

/** A customer with `savedCarts` carts of their own, and a guest cart with one item. */
export function seedShopperWithGuestCart(
  fake: FakeElasticPath,
  credentials: { email: string; password: string },
  savedCarts: number,
): ShopperWithGuestCart {
  const customer = fake.seedCustomer(credentials);
  const saved = fake.seedCarts(savedCarts, { customerIds: [customer.id], name: "Saved cart" });
  const guest = fake.seedCart({
    name: "Guest cart",
    items: [{ name: "Wool socks", quantity: 2, amount: 900 }],
  });
  return {
    customer,
    guestCartId: guest.id!,
    expected: new Set([...saved.map((cart) => cart.id!), guest.id!]),
  };
}

/** The server's own answer after the run: the bench's expectation must be what it lists. */
export function assertServerLists(
  fake: FakeElasticPath,
  customerId: string,
  expected: ReadonlySet<string>,
): void {
  const listed = fake.cartsOf(customerId).map((cart) => cart.id);
  if (
    listed.length !== expected.size ||
    !listed.every((id) => id !== undefined && expected.has(id))
  ) {
    throw new Error(
      `The fake lists ${listed.length} carts for the customer, the bench expected ${expected.size}.`,
    );
  }
}
