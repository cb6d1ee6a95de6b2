/**
 * 6. login-merging-guest-cart: scenario 1's returning customer (three saved carts) and guest
 * cart, with `guestCartOnLogin="merge"` on this package's provider: the guest cart's items go
 * into the newest saved cart, which becomes the current cart, and "My carts" shows the three
 * saved carts. The baseline is scenario 1's SDK storefront, which associates: the budget is
 * its requests plus the merge request itself, within the same round trips. In each shape.
 */
import { createFakeElasticPath } from "../../src/testing";
import type { BenchImplementation, CartBadgeKind } from "../apps/ui";
import { inEveryShape, type Scenario, type ScenarioRun } from "../support/results";
import { mountStorefront, RTT_MS } from "../support/storefront";
import { assertServerLists, seedShopperWithGuestCart, SHOPPER } from "./fixtures";

async function runLoginMergingGuestCart(
  { name, badge }: { name: string; badge: CartBadgeKind },
  implementation: BenchImplementation,
): Promise<ScenarioRun> {
  const fake = createFakeElasticPath({ latencyMs: RTT_MS });
  const { ownerId, guestCartId, expected, savedCartIds } = seedShopperWithGuestCart(
    fake,
    SHOPPER,
    3,
  );
  const merges = implementation.name === "epcc-react-hooks";
  // Merged: the saved carts; associated (the baseline): the guest cart too.
  const carts = merges ? new Set(savedCartIds) : expected;
  const app = mountStorefront(implementation, fake, {
    badge,
    initialCartId: guestCartId,
    guestCartOnLogin: "merge",
  });
  try {
    await app.settle();
    const mark = app.mark();
    app.submitLogin(SHOPPER);
    await app.waitUntil(
      () => app.correctSince(mark, carts) !== undefined,
      merges ? "My carts shows the saved carts" : "My carts shows the associated guest cart",
    );
    await app.settle();
    assertServerLists(fake, ownerId, carts);
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
      msToCorrectList: app.msToCorrectList(mark, carts),
      msToFirstList: app.msToFirstList(mark),
      commits: app.commitsSince(mark).length,
      leakedRenders: 0,
    };
  } finally {
    app.unmount();
  }
}

export const loginMergingGuestCart: Scenario[] = inEveryShape(
  "login-merging-guest-cart",
  (implementation, shape) => runLoginMergingGuestCart(shape, implementation),
);
