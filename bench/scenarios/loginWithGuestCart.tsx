/**
 * 1. login-with-guest-cart: a customer with three carts, a guest cart (shown in a cart
 * badge), "My carts" mounted; the shopper logs in. Measured from the login's answer until
 * "My carts" shows the four carts the server lists after the association.
 */
import { createFakeElasticPath } from "../../src/testing";
import type { BenchImplementation, StorefrontProps } from "../apps/ui";
import type { Scenario, ScenarioRun } from "../support/results";
import { mountStorefront, RTT_MS } from "../support/storefront";
import { assertServerLists, seedShopperWithGuestCart, SHOPPER } from "./fixtures";

type LayoutProps = Pick<StorefrontProps, "strict" | "associationConsumers" | "listConsumers">;

/** The login-with-a-guest-cart run, shared with the StrictMode scenario. */
export async function runLoginWithGuestCart(
  name: string,
  implementation: BenchImplementation,
  layout: LayoutProps = {},
): Promise<ScenarioRun> {
  const fake = createFakeElasticPath({ latencyMs: RTT_MS });
  const { customer, guestCartId, expected } = seedShopperWithGuestCart(fake, SHOPPER, 3);
  const app = mountStorefront(implementation, fake, {
    ...layout,
    initialCartId: guestCartId,
  });
  try {
    await app.settle(); // the cart badge has loaded the guest cart
    const mark = app.mark();
    app.submitLogin(SHOPPER);
    await app.waitUntil(
      () => app.correctSince(mark, expected) !== undefined,
      "My carts shows the associated guest cart",
    );
    await app.settle();
    assertServerLists(fake, customer.id, expected);
    app.trace(mark, name);
    return {
      name,
      impl: implementation.name,
      requests: app.requestCountsSince(mark),
      msToCorrectList: app.msToCorrectList(mark, expected),
      msToFirstList: app.msToFirstList(mark),
      commits: app.commitsSince(mark).length,
      // One customer on the device: nobody else's carts to leak.
      leakedRenders: 0,
    };
  } finally {
    app.unmount();
  }
}

export const loginWithGuestCart: Scenario = {
  name: "login-with-guest-cart",
  run: (implementation) => runLoginWithGuestCart("login-with-guest-cart", implementation),
};
