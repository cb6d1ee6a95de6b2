/**
 * 1. login-with-guest-cart: a customer with three carts, a guest cart, "My carts" mounted;
 * the shopper logs in. Measured from the login's answer until "My carts" shows the four
 * carts the server lists after the association. In each storefront shape: no cart badge,
 * a badge on the SDK's `getACartOptions`, a badge on `cartQueries.cart`.
 */
import { createFakeElasticPath } from "../../src/testing";
import type { BenchImplementation, CartBadgeKind, ShopperKind, StorefrontProps } from "../apps/ui";
import { inEveryShape, type Scenario, type ScenarioRun } from "../support/results";
import { mountStorefront, RTT_MS } from "../support/storefront";
import {
  assertServerLists,
  PASSWORD_PROFILE_ID,
  seedShopperWithGuestCart,
  SHOPPER,
} from "./fixtures";

type LayoutProps = Pick<
  StorefrontProps,
  "strict" | "associationConsumers" | "listConsumers" | "guestCartOnLogin"
>;

/** The login-with-a-guest-cart run, shared with the StrictMode, account and merge scenarios. */
export async function runLoginWithGuestCart(
  { name, badge }: { name: string; badge: CartBadgeKind },
  implementation: BenchImplementation,
  layout: LayoutProps = {},
  shopper: ShopperKind = "customer",
): Promise<ScenarioRun> {
  const fake = createFakeElasticPath({
    latencyMs: RTT_MS,
    passwordProfileId: PASSWORD_PROFILE_ID,
  });
  const seeded = seedShopperWithGuestCart(fake, SHOPPER, 3, shopper);
  const { ownerId, guestCartId, savedCartIds } = seeded;
  // This package merges when asked to (the SDK baseline always associates): then "My carts"
  // shows the saved carts, not the guest cart.
  const merges = layout.guestCartOnLogin === "merge" && implementation.name === "epcc-react-hooks";
  const expected = merges ? new Set(savedCartIds) : seeded.expected;
  const app = mountStorefront(implementation, fake, {
    ...layout,
    badge,
    shopper,
    initialCartId: guestCartId,
  });
  try {
    await app.settle(); // the cart badge, if any, has loaded the guest cart
    const mark = app.mark();
    app.submitLogin(SHOPPER);
    await app.waitUntil(
      () => app.correctSince(mark, expected) !== undefined,
      merges ? "My carts shows the saved carts" : "My carts shows the associated guest cart",
    );
    await app.settle();
    assertServerLists(fake, ownerId, expected, shopper);
    if (merges) {
      // Merged once, into the newest saved cart: the guest cart's two pairs of socks.
      const socks = fake.cartItems(savedCartIds[0]!)?.find((item) => item.name === "Wool socks");
      if (socks?.quantity !== 2) {
        throw new Error(`The newest saved cart holds ${socks?.quantity ?? 0} socks, not 2.`);
      }
    }
    app.trace(mark, name);
    return {
      name,
      impl: implementation.name,
      badge,
      requests: app.requestCountsSince(mark),
      msToCorrectList: app.msToCorrectList(mark, expected),
      msToFirstList: app.msToFirstList(mark),
      commits: app.commitsSince(mark).length,
      // One shopper on the device: nobody else's carts to leak.
      leakedRenders: 0,
    };
  } finally {
    app.unmount();
  }
}

export const loginWithGuestCart: Scenario[] = inEveryShape("login-with-guest-cart", (impl, shape) =>
  runLoginWithGuestCart(shape, impl),
);
