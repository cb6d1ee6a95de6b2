/**
 * 10. checkout-answer-lost (issue 25): a cart with a lamp is current on the checkout page; the
 * shopper presses "Place order" once, and Elastic Path makes the order but its answer is lost
 * on the way back (`fake.failNext("checkout", 1, { status: 503, afterApplying: true })`, or
 * `{ network: true, afterApplying: true }`). For a signed-in customer and for a guest. This
 * package's `useCheckout()` with its defaults, and the SDK's `checkoutApiMutation` with
 * TanStack Query's retry turned on (bench/apps/sdkBaseline.tsx). Counted from the fake: the
 * checkout requests, the orders Elastic Path made, the lookups of the shopper's orders, and
 * what the page shows at the end.
 */
import { getACart } from "@epcc-sdk/sdks-shopper";
import { createFakeElasticPath, type FakeFault } from "../../src/testing";
import type { BenchImplementation } from "../apps/ui";
import {
  CHECKOUT_SCENARIO,
  type CheckoutFault,
  type CheckoutScenario,
  type CheckoutScenarioResult,
  type CheckoutShopper,
} from "../support/checkoutResults";
import { mountStorefront, RTT_MS } from "../support/storefront";
import { SHOPPER } from "./fixtures";

const FAULTS: Record<CheckoutFault, FakeFault> = {
  "503": { status: 503, afterApplying: true },
  network: { network: true, afterApplying: true },
};

async function runCheckoutAnswerLost(
  implementation: BenchImplementation,
  { name, shopper, fault }: Omit<CheckoutScenario, "run">,
): Promise<CheckoutScenarioResult> {
  const fake = createFakeElasticPath({ latencyMs: RTT_MS });
  const customer = shopper === "customer" ? fake.seedCustomer(SHOPPER) : undefined;
  const cart = fake.seedCart({
    name: "Cart",
    items: [{ name: "Lamp", sku: "lamp", quantity: 1, amount: 5000 }],
    ...(customer && { customerIds: [customer.id] }),
  });
  const app = mountStorefront(implementation, fake, { page: "checkout", initialCartId: cart.id });
  try {
    await app.settle(); // the page is rendered
    if (customer) {
      app.submitLogin(SHOPPER);
      await app.waitUntil(() => app.isSignedIn(), "the customer is signed in");
    } else {
      // The guest's page has talked to Elastic Path before (its cart): the implicit token is
      // there, as the customer's login fetched it, so the click waits for the checkout only.
      await getACart({ client: app.client, path: { cartID: cart.id } });
    }
    await app.settle();
    const mark = app.mark();
    const wallMark = Date.now();
    fake.failNext("checkout", 1, FAULTS[fault]);
    const clickedAt = performance.now();
    app.clickPlaceOrder();
    await app.waitUntil(
      () => app.checkoutOutcome() !== undefined,
      "the page shows the order or an error",
    );
    const msToOutcome = Math.round(performance.now() - clickedAt);
    // Anything still in the air (a retry after the page showed something) is counted too.
    await app.settle();
    const outcome = app.checkoutOutcome()!;
    const requests = app.requestsSince(mark);
    if (process.env.BENCH_DEBUG) {
      console.log(`\n— ${name} / ${implementation.name} (ms from the click)`);
      for (const request of requests) {
        console.log(
          `  req ${String(request.startedAt - wallMark).padStart(5)} → ${String(request.finishedAt - wallMark).padStart(5)}  ${request.method} ${request.path} ${request.status}`,
        );
      }
    }
    const count = (...endpoints: string[]) =>
      requests.filter((request) => endpoints.includes(request.endpoint)).length;
    // Oldest first: "order 2 of 2" is the one a second checkout made.
    const orderIds = fake
      .orders()
      .map((order) => order.id)
      .reverse();
    const shopperSees =
      "orderId" in outcome
        ? `order ${orderIds.indexOf(outcome.orderId) + 1} of ${orderIds.length}`
        : /unknown/.test(outcome.error)
          ? "error: outcome unknown"
          : "error";
    return {
      name,
      impl: implementation.name,
      shopper,
      fault,
      requests: {
        checkout: count("checkout"),
        orderLookups: count("list-orders", "get-order"),
        total: requests.length,
      },
      ordersCreated: orderIds.length,
      roundTrips: app.roundTripsUntil(mark, Number.POSITIVE_INFINITY),
      shopperSees,
      ...("error" in outcome && { error: outcome.error }),
      msToOutcome,
    };
  } finally {
    app.unmount();
  }
}

function checkoutAnswerLost(shopper: CheckoutShopper, fault: CheckoutFault): CheckoutScenario {
  const scenario: CheckoutScenario = {
    name: `${CHECKOUT_SCENARIO}/${shopper}/${fault}`,
    shopper,
    fault,
    run: (implementation) => runCheckoutAnswerLost(implementation, scenario),
  };
  return scenario;
}

export const checkoutScenarios: CheckoutScenario[] = [
  checkoutAnswerLost("customer", "503"),
  checkoutAnswerLost("customer", "network"),
  checkoutAnswerLost("guest", "503"),
  checkoutAnswerLost("guest", "network"),
];
