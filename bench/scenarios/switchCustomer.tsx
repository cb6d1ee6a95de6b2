/**
 * 4. switch-customer: Ada logs in with a guest cart (associated), logs out; the shopper
 * starts a new guest cart and Grace logs in. Counted from the logout: requests, how soon
 * Grace's "My carts" is right, and every render of "My carts" that showed one of Ada's carts.
 * In each storefront shape.
 */
import { createFakeElasticPath } from "../../src/testing";
import { inEveryShape, type Scenario } from "../support/results";
import { mountStorefront, RTT_MS } from "../support/storefront";
import { assertServerLists, OTHER_SHOPPER, seedShopperWithGuestCart, SHOPPER } from "./fixtures";

export const switchCustomer: Scenario[] = inEveryShape(
  "switch-customer",
  async (implementation, { name, badge }) => {
    const fake = createFakeElasticPath({ latencyMs: RTT_MS });
    const ada = seedShopperWithGuestCart(fake, SHOPPER, 3);
    const grace = seedShopperWithGuestCart(fake, OTHER_SHOPPER, 2);
    const app = mountStorefront(implementation, fake, { badge, initialCartId: ada.guestCartId });
    try {
      await app.settle();
      const adaMark = app.mark();
      app.submitLogin(SHOPPER);
      await app.waitUntil(
        () => app.correctSince(adaMark, ada.expected) !== undefined,
        "Ada's carts are shown",
      );
      await app.settle();
      assertServerLists(fake, ada.ownerId, ada.expected);

      const mark = app.mark();
      app.clickLogout();
      await app.waitUntil(() => !app.isSignedIn(), "the shopper is signed out");
      app.probe.controls.setCartId(grace.guestCartId);
      await app.settle(); // the badge shows the new guest cart
      app.submitLogin(OTHER_SHOPPER);
      await app.waitUntil(
        () => app.correctSince(mark, grace.expected) !== undefined,
        "Grace's carts are shown",
      );
      await app.settle();
      assertServerLists(fake, grace.ownerId, grace.expected);
      app.trace(mark, name);

      const leakedRenders = app
        .commitsSince(mark)
        .filter((commit) => commit.cartIds.some((id) => ada.expected.has(id))).length;
      return {
        name,
        impl: implementation.name,
        badge,
        requests: app.requestCountsSince(mark),
        msToCorrectList: app.msToCorrectList(mark, grace.expected),
        msToFirstList: app.msToFirstList(mark),
        commits: app.commitsSince(mark).length,
        leakedRenders,
      };
    } finally {
      app.unmount();
    }
  },
);
