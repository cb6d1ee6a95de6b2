/**
 * Orders made the way Elastic Path makes them: items added to a cart, then a checkout with
 * the shopper's token (the fake has no order seeding). Each checkout of the same cart is a
 * new order; the fake's clock moves a minute between them, so they list newest first.
 */
import { checkoutApi, manageCarts, type CheckoutApiData } from "@epcc-sdk/sdks-shopper";
import type { FakeElasticPath } from "../../src/testing";
import type { ShopperClient } from "../support/sdk";

export const ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  line_1: "1 Main St",
  city: "San Francisco",
  region: "CA",
  postcode: "94107",
  country: "US",
};

/** A fake whose clock the orders move on: a minute per checkout, from the real time. */
export function orderClock() {
  let now = Date.now();
  return {
    now: () => now,
    tick: () => {
      now += 60_000;
    },
  };
}

export type Orderer =
  | { kind: "customer"; customerId: string }
  | { kind: "account"; memberId: string; accountId: string };

/**
 * `count` orders of a mug and a custom item for the shopper, oldest first; returns their
 * order numbers (`<label>-1`, `<label>-2`, …) and ids, oldest first.
 */
export async function placeOrders(
  fake: FakeElasticPath,
  client: ShopperClient,
  clock: { tick: () => void },
  orderer: Orderer,
  count: number,
  label: string,
) {
  const mug = fake.seedProduct({
    sku: `mug-${label}`,
    name: "Mug",
    prices: { USD: { amount: 1200 } },
  });
  const cartID = `cart-${label}`;
  await manageCarts({
    client,
    path: { cartID },
    body: { data: { type: "cart_item", id: mug.id, quantity: 2 } },
  });
  await manageCarts({
    client,
    path: { cartID },
    body: {
      data: {
        type: "custom_item",
        name: "Gift wrap",
        sku: "wrap",
        quantity: 1,
        price: { amount: 300, includes_tax: true },
      },
    },
  });
  const [who, headers] =
    orderer.kind === "customer"
      ? [
          { customer: { id: orderer.customerId } },
          { "X-Moltin-Customer-Token": fake.issueCustomerToken(orderer.customerId) },
        ]
      : [
          { contact: { email: "buyer@example.com", name: "Buyer" } },
          {
            "EP-Account-Management-Authentication-Token": fake.issueAccountToken(
              orderer.memberId,
              orderer.accountId,
            ),
          },
        ];
  const orders: Array<{ id: string; orderNumber: string }> = [];
  for (let n = 1; n <= count; n += 1) {
    const orderNumber = `${label}-${n}`;
    const { data, response } = await checkoutApi({
      client,
      path: { cartID },
      headers,
      body: {
        data: {
          ...who,
          order_number: orderNumber,
          billing_address: ADDRESS,
          shipping_address: ADDRESS,
        },
      } as CheckoutApiData["body"],
    });
    if (!data?.data?.id) throw new Error(`Checkout ${orderNumber} failed with ${response.status}.`);
    orders.push({ id: data.data.id, orderNumber });
    clock.tick();
  }
  return orders;
}

/** Order numbers as a list shows them. */
export const numbersOf = (page: { data: Array<{ order_number?: string }> } | undefined) =>
  page?.data.map((order) => order.order_number);

/** Newest first: the order numbers placed, reversed. */
export const newestFirst = (orders: Array<{ orderNumber: string }>) =>
  orders.map((order) => order.orderNumber).reverse();
