/**
 * 3. thousand-carts: a customer with 1,000 carts and no guest cart logs in; "My carts"
 * loads every page at limit 100. Measured from the login's answer to all 1,000 shown.
 */
import { createFakeElasticPath } from "../../src/testing";
import type { Scenario } from "../support/results";
import { mountStorefront, RTT_MS } from "../support/storefront";
import { assertServerLists, SHOPPER } from "./fixtures";

const CARTS = 1000;

export const thousandCarts: Scenario = {
  name: "thousand-carts",
  async run(implementation) {
    const fake = createFakeElasticPath({ latencyMs: RTT_MS });
    const customer = fake.seedCustomer(SHOPPER);
    const carts = fake.seedCarts(CARTS, { customerIds: [customer.id], name: "Saved cart" });
    const expected = new Set(carts.map((cart) => cart.id!));
    const app = mountStorefront(implementation, fake, { list: "all-pages", badge: "none" });
    try {
      await app.settle();
      const mark = app.mark();
      app.submitLogin(SHOPPER);
      await app.waitUntil(
        () => app.correctSince(mark, expected) !== undefined,
        `My carts shows all ${CARTS} carts`,
        60_000,
      );
      await app.settle();
      assertServerLists(fake, customer.id, expected);
      app.trace(mark, "thousand-carts");
      return {
        name: "thousand-carts",
        impl: implementation.name,
        // No guest cart, so no badge shows.
        badge: "none",
        requests: app.requestCountsSince(mark),
        msToCorrectList: app.msToCorrectList(mark, expected),
        msToFirstList: app.msToFirstList(mark),
        commits: app.commitsSince(mark).length,
        leakedRenders: 0,
      };
    } finally {
      app.unmount();
    }
  },
};
