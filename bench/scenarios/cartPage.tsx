/**
 * The cart scenarios of issue 24, on a cart page (a total, each line with a "+", "Add to
 * cart" buttons), with this package's cart hooks and with the SDK written as a storefront
 * developer would (bench/apps/sdkBaseline.tsx). What is counted: requests, round trips from
 * the shopper's last click until the total shows what Elastic Path holds at the end (from the
 * fake's request log, so it does not depend on the machine), carts created, and what the
 * shopper saw on the way.
 *
 * 7. add-to-existing-cart: a cart with a mug; the shopper adds tea.
 * 8. ten-quick-plus-clicks: the same cart; ten clicks on the mug's "+", each as soon as the
 *    page shows the previous one (all within one round trip), to quantity 11. And the same
 *    with the clicks 150 ms apart, slower than the answers come back.
 * 9. first-add-strict-two-adders: no cart yet, `<StrictMode>`, two "Add to cart" components
 *    (a mug, tea) clicked in the same task.
 */
import { client as sdkClient, getACart } from "@epcc-sdk/sdks-shopper";
import { createFakeElasticPath, type FakeElasticPath } from "../../src/testing";
import type { BenchImplementation, StorefrontProps } from "../apps/ui";
import type { CartScenario, CartScenarioResult } from "../support/cartResults";
import type { ReactBuild } from "../support/results";
import { mountStorefront, RTT_MS, type Mark } from "../support/storefront";

const MUG = { sku: "mug", name: "Mug", prices: { USD: { amount: 1200 } } };
const TEA = { sku: "tea", name: "Tea", prices: { USD: { amount: 450 } } };
const CLICKS = 10;

/** Clicks, and tells when. */
function clicked(click: () => void): { at: number; wallAt: number } {
  const moment = { at: performance.now(), wallAt: Date.now() };
  click();
  return moment;
}

/** A cart holding one mug, current on the page. */
function cartWithAMug(fake: FakeElasticPath) {
  return fake.seedCart({
    name: "Cart",
    items: [{ name: MUG.name, sku: MUG.sku, quantity: 1, amount: MUG.prices.USD.amount }],
  });
}

/** The cart's total with tax as Elastic Path has it. */
const totalOf = (fake: FakeElasticPath, cartId: string) =>
  fake.getCart(cartId)?.meta?.display_price?.with_tax?.amount;

async function onCartPage(
  implementation: BenchImplementation,
  { name, reactBuild }: { name: string; reactBuild: ReactBuild },
  setUp: (fake: FakeElasticPath) => {
    props: Omit<StorefrontProps, "client" | "queryClient" | "probe">;
    /** Resolves with the last click's moment (`performance.now()`, `Date.now()`). */
    act: (app: ReturnType<typeof mountStorefront>) => Promise<{ at: number; wallAt: number }>;
  },
): Promise<CartScenarioResult> {
  const fake = createFakeElasticPath({ latencyMs: RTT_MS });
  const { props, act } = setUp(fake);
  const app = mountStorefront(implementation, fake, { ...props, page: "cart" });
  try {
    // The page has talked to Elastic Path before (its catalog): the implicit token is there.
    // (On the cart page both storefronts use the SDK's own client, bench/support/storefront.tsx.)
    if (!props.initialCartId) await getACart({ client: sdkClient, path: { cartID: "none" } });
    await app.settle(); // the cart, if any, is shown
    const mark: Mark = app.mark();
    const wallMark = Date.now();
    // The shopper's wait starts at their last click: counted from there.
    const firstClickAt = performance.now();
    const lastClick = await act(app);
    await app.settle();
    if (process.env.BENCH_DEBUG) {
      console.log(`\n— ${name} / ${implementation.name} (ms from the first click)`);
      for (const request of app.requestsSince(mark)) {
        console.log(
          `  req ${String(request.startedAt - wallMark).padStart(5)} → ${String(request.finishedAt - wallMark).padStart(5)}  ${request.method} ${request.path} ${JSON.stringify(request.body ?? "").slice(0, 80)}  chain ${app.roundTripsUntil(mark, request.finishedAt)}`,
        );
      }
      for (const commit of app.cartCommitsSince(mark)) {
        console.log(
          `  commit ${(commit.at - mark.at).toFixed(1).padStart(7)}  total ${commit.total} ${JSON.stringify(commit.quantities)}`,
        );
      }
    }

    const adds = app.requestsSince(mark).filter((request) => request.endpoint === "add-items");
    const cartsHoldingItems = new Set(adds.map((request) => request.path.split("/")[3])).size;
    // Every cart the shopper's items are in: the badge can be right only if that is one.
    const cartIds = [
      ...new Set([
        ...(props.initialCartId ? [props.initialCartId] : []),
        ...adds.map((request) => request.path.split("/")[3]!),
      ]),
    ];
    const allItems = cartIds.flatMap((cartId) => fake.cartItems(cartId) ?? []);
    const expectedTotal = cartIds.reduce((sum, cartId) => sum + (totalOf(fake, cartId) ?? 0), 0);
    const commits = app.cartCommitsSince(mark);
    // Right when the total shows everything the shopper has put in (in one cart, or the
    // badge cannot show it) with every line at Elastic Path's quantity.
    const right = commits.find(
      (commit) =>
        cartIds.length === 1 &&
        commit.total === expectedTotal &&
        allItems.every((item) => commit.quantities[item.sku!] === item.quantity),
    );
    let highest = 0;
    let flickers = 0;
    for (const commit of commits) {
      const mug = commit.quantities[MUG.sku] ?? 0;
      if (mug < highest) flickers += 1;
      highest = Math.max(highest, mug);
    }
    const counts = app.requestsSince(mark);
    const count = (endpoint: string) => counts.filter((r) => r.endpoint === endpoint).length;
    const last = commits.at(-1);
    return {
      name,
      impl: implementation.name,
      reactBuild,
      requests: {
        createCart: count("create-cart"),
        addItems: adds.length,
        updateItem: count("update-item"),
        getCart: count("get-cart"),
        total: counts.length,
      },
      roundTripsToBadge: right ? app.roundTripsUntil(mark, right.wallAt, lastClick.wallAt) : null,
      msToBadge: right ? Math.round(right.at - lastClick.at) : null,
      cartsHoldingItems,
      ...(name.startsWith("ten-") && {
        finalQuantity: {
          shown: last?.quantities[MUG.sku] ?? 0,
          server: fake.cartItems(props.initialCartId!)?.[0]?.quantity ?? 0,
        },
        clicksSpanMs: Math.round(lastClick.at - firstClickAt),
      }),
      flickers,
    };
  } finally {
    app.unmount();
  }
}

export const addToExistingCart: CartScenario = {
  name: "add-to-existing-cart",
  reactBuild: "production",
  run: (implementation) =>
    onCartPage(implementation, addToExistingCart, (fake) => {
      const tea = fake.seedProduct(TEA);
      const cart = cartWithAMug(fake);
      return {
        props: { initialCartId: cart.id, addProductIds: [tea.id] },
        act: async (app) => clicked(() => app.clickAddToCart()),
      };
    }),
};

/**
 * Ten clicks on the mug's "+", each once the page shows the previous click's quantity (both
 * storefronts show it at once) and at least `gapMs` after it.
 */
function tenPlusClicks(name: string, gapMs: number): CartScenario {
  const scenario: CartScenario = {
    name,
    reactBuild: "production",
    run: (implementation) =>
      onCartPage(implementation, scenario, (fake) => {
        const cart = cartWithAMug(fake);
        return {
          props: { initialCartId: cart.id },
          act: async (app) => {
            for (let click = 1; ; click += 1) {
              const clickedAt = performance.now();
              const last = clicked(() => app.clickPlus(MUG.sku));
              if (click === CLICKS) return last;
              await app.waitUntil(
                () =>
                  app.probe.cartCommits.at(-1)?.quantities[MUG.sku] === click + 1 &&
                  performance.now() - clickedAt >= gapMs,
                `the page shows ${click + 1} mugs`,
              );
            }
          },
        };
      }),
  };
  return scenario;
}

/** As quick as the page shows each click: all ten within one round trip. */
export const tenQuickPlusClicks = tenPlusClicks("ten-quick-plus-clicks", 0);
/** Slower than the answers: each click after the previous one's request came back. */
export const tenSlowPlusClicks = tenPlusClicks("ten-plus-clicks-150-ms-apart", 150);

export const firstAddStrictTwoAdders: CartScenario = {
  name: "first-add-strict-two-adders",
  reactBuild: "development",
  run: (implementation) =>
    onCartPage(implementation, firstAddStrictTwoAdders, (fake) => {
      const mug = fake.seedProduct(MUG);
      const tea = fake.seedProduct(TEA);
      return {
        props: { strict: true, addProductIds: [mug.id, tea.id] },
        act: async (app) => clicked(() => app.clickAddToCart()),
      };
    }),
};

export const cartScenarios: CartScenario[] = [
  addToExistingCart,
  tenQuickPlusClicks,
  tenSlowPlusClicks,
  firstAddStrictTwoAdders,
];
