/** A returning shopper with carts of their own and a guest cart, for the guest-cart merge's tests. */
import { getACart } from "@epcc-sdk/sdks-shopper";
import type { FakeElasticPath } from "../../src/testing";
import { SHOPPER, type Harness } from "./harness";

/**
 * A customer whose newest cart holds a pair of socks and whose older one is empty, and a
 * guest cart with two pairs of socks and a tea.
 */
export function seedReturningShopper(fake: FakeElasticPath) {
  const customer = fake.seedCustomer(SHOPPER);
  const newest = fake.seedCart({
    customerIds: [customer.id],
    name: "Yesterday's",
    items: [{ name: "Wool socks", sku: "socks", quantity: 1, amount: 900 }],
    updatedAt: Date.now() - 60_000,
  });
  const older = fake.seedCart({
    customerIds: [customer.id],
    name: "Last month's",
    updatedAt: Date.now() - 120_000,
  });
  const guestCart = fake.seedCart({
    name: "Guest",
    items: [
      { name: "Wool socks", sku: "socks", quantity: 2, amount: 900 },
      { name: "Green tea", sku: "tea", quantity: 1, amount: 450 },
    ],
  });
  return { customer, newest: newest.id, older: older.id, guestCart };
}

// Socks at 9.00, tea at 4.50: the saved cart holds 1 socks, the guest cart 2 socks and 1 tea.
export const SAVED_TOTAL = 900;
export const GUEST_TOTAL = 2 * 900 + 450;
/** The saved cart after one merge; a second would add GUEST_TOTAL again. */
export const MERGED_ONCE = SAVED_TOTAL + GUEST_TOTAL;

/** How many pairs of socks the fake holds in the cart: 3 after one merge, 5 after two. */
export const socksIn = (fake: FakeElasticPath, cartId: string) =>
  fake.cartItems(cartId)?.find((item) => item.sku === "socks")?.quantity;

/** The cart's total as a storefront reads it (`GET /v2/carts/:id`), in minor units. */
export async function totalOf({ client }: Harness, cartId: string, token?: string) {
  const { data } = await getACart({
    client,
    path: { cartID: cartId },
    headers: token ? { "X-Moltin-Customer-Token": token } : undefined,
  });
  return data?.data?.meta?.display_price?.with_tax?.amount;
}
