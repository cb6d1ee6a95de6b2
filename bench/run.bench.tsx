/**
 * `npm run bench`: every scenario, in every storefront shape, with this package and with the
 * SDK baseline, on the fake Elastic Path with a fixed 100 ms round trip. Each scenario runs `BENCH_RUNS`
 * times per implementation (default 7, alternating which goes first); the table and
 * bench/results.json hold the medians, the console also shows the spread. Then the cart
 * scenarios (issue 24, bench/scenarios/cartPage.tsx), in a table of their own; then the
 * checkout whose answer is lost (issue 25, bench/scenarios/checkout.tsx), one run per
 * implementation: its counts do not vary. Vitest is only the runner (jsdom, TSX); nothing
 * here asserts a timing.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, test } from "vitest";
import { epccReactHooks } from "./apps/epccReactHooks";
import { sdkBaseline } from "./apps/sdkBaseline";
import { accountLoginWithGuestCart } from "./scenarios/accountLoginWithGuestCart";
import { cartScenarios } from "./scenarios/cartPage";
import { checkoutScenarios } from "./scenarios/checkout";
import { loginMergingGuestCart } from "./scenarios/loginMergingGuestCart";
import { loginWithGuestCart } from "./scenarios/loginWithGuestCart";
import { strictModeFiveConsumers } from "./scenarios/strictModeFiveConsumers";
import { switchCustomer } from "./scenarios/switchCustomer";
import { thousandCarts } from "./scenarios/thousandCarts";
import {
  BADGES,
  checkTargets,
  formatTable,
  median,
  scenarioOf,
  spread,
  summarize,
  SCENARIO_ORDER,
  type BenchResults,
  type ReactBuild,
  type Scenario,
  type ScenarioResult,
  type ScenarioRun,
  type Summary,
} from "./support/results";
import {
  CART_SCENARIO_ORDER,
  checkCartTargets,
  formatCartTable,
  summarizeCart,
  type CartScenarioResult,
} from "./support/cartResults";
import {
  CHECKOUT_SCENARIO,
  checkCheckoutTargets,
  formatCheckoutTable,
  type CheckoutScenarioResult,
} from "./support/checkoutResults";
import { server } from "./support/server";
import { RTT_MS } from "./support/storefront";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Which React build this pass runs (bench/vitest.config.ts runs one pass per build). */
const reactBuild: ReactBuild =
  process.env.NODE_ENV === "development" ? "development" : "production";
// `<StrictMode>` only acts in the development build; everything else is timed as shipped.
const scenarios: Scenario[] =
  reactBuild === "development"
    ? strictModeFiveConsumers
    : [
        ...loginWithGuestCart,
        ...accountLoginWithGuestCart,
        thousandCarts,
        ...switchCustomer,
        ...loginMergingGuestCart,
      ];
const implementations = [epccReactHooks, sdkBaseline];
// `BENCH_ONLY=switch-customer` runs one scenario in every shape (while working on it),
// `BENCH_ONLY=switch-customer/no-badge` one shape; results.json keeps the others' last results.
const only = process.env.BENCH_ONLY;
const selected = only
  ? scenarios.filter((scenario) => scenario.name === only || scenarioOf(scenario.name) === only)
  : scenarios;
const selectedCartScenarios = cartScenarios.filter(
  (scenario) => scenario.reactBuild === reactBuild && (!only || scenario.name === only),
);
// Production only, as storefronts ship React. `BENCH_ONLY=checkout-answer-lost` runs every
// line, `BENCH_ONLY=checkout-answer-lost/guest/503` one.
const selectedCheckoutScenarios = checkoutScenarios
  .filter(() => reactBuild === "production")
  .filter((scenario) => !only || only === CHECKOUT_SCENARIO || scenario.name === only);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

test("epcc-react-hooks against the SDK baseline", async () => {
  if (!Number.isInteger(RUNS) || RUNS < 1) {
    throw new Error("BENCH_RUNS must be a whole number ≥ 1.");
  }
  if (
    only &&
    !SCENARIO_ORDER.includes(scenarioOf(only)) &&
    !CART_SCENARIO_ORDER.includes(only) &&
    only !== CHECKOUT_SCENARIO &&
    !checkoutScenarios.some((scenario) => scenario.name === only)
  ) {
    throw new Error(`No scenario is called ${only}.`);
  }
  // The other pass holds the scenario asked for.
  if (
    selected.length === 0 &&
    selectedCartScenarios.length === 0 &&
    selectedCheckoutScenarios.length === 0
  ) {
    return;
  }
  // One unrecorded pass first: the first React render, msw and the SDK pay for module
  // loading and JIT warm-up, which would otherwise land on whichever implementation ran first.
  for (const implementation of implementations) {
    if (selected[0]) await selected[0].run(implementation);
    else if (selectedCartScenarios[0]) await selectedCartScenarios[0].run(implementation);
    else await selectedCheckoutScenarios[0]!.run(implementation);
  }

  const summaries: Summary[] = [];
  const spreads: string[] = [];
  for (const scenario of selected) {
    const runs = new Map(
      implementations.map((implementation) => [implementation, [] as ScenarioRun[]]),
    );
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate the order, so neither implementation always runs on a warmer (or more
      // garbage-laden) process.
      const order = run % 2 === 0 ? implementations : [...implementations].reverse();
      for (const implementation of order) {
        runs.get(implementation)!.push(await scenario.run(implementation));
      }
    }
    for (const [implementation, ofImplementation] of runs) {
      summaries.push({ result: summarize(ofImplementation), runs: ofImplementation });
      // "median (min–max)": what the table's median hides.
      const show = (pick: (run: ScenarioRun) => number | null) => {
        const values = ofImplementation.map((run) => pick(run) ?? Number.POSITIVE_INFINITY);
        const middle = median(values);
        return `${Number.isFinite(middle) ? middle : "never"} (${spread(ofImplementation, pick)})`;
      };
      spreads.push(
        `  ${scenario.name} / ${implementation.name}: ` +
          `correct list ${show((r) => r.msToCorrectList)} ms, first carts shown ${show((r) => r.msToFirstList)} ms, ` +
          `commits ${show((r) => r.commits)}, association req. ${show((r) => r.requests.association)}, ` +
          `list req. ${show((r) => r.requests.list)}, cart req. ${show((r) => r.requests.cart)}`,
      );
    }
  }

  // The cart scenarios, the same way: alternating which implementation goes first.
  const cartResults: CartScenarioResult[] = [];
  const cartTargets: string[] = [];
  for (const scenario of selectedCartScenarios) {
    const runs = new Map(
      implementations.map((implementation) => [implementation, [] as CartScenarioResult[]]),
    );
    for (let run = 0; run < RUNS; run += 1) {
      const order = run % 2 === 0 ? implementations : [...implementations].reverse();
      for (const implementation of order) {
        runs.get(implementation)!.push(await scenario.run(implementation));
      }
    }
    for (const ofImplementation of runs.values()) cartResults.push(summarizeCart(ofImplementation));
    cartTargets.push(
      ...checkCartTargets(scenario.name, runs.get(epccReactHooks)!, runs.get(sdkBaseline)!),
    );
  }

  // The checkout scenarios: one run per implementation, ours first (nothing is timed against
  // the other; the counts are the same in every run).
  const checkoutResults: CheckoutScenarioResult[] = [];
  const checkoutTargets: string[] = [];
  for (const scenario of selectedCheckoutScenarios) {
    const ours = await scenario.run(epccReactHooks);
    const sdk = await scenario.run(sdkBaseline);
    checkoutResults.push(ours, sdk);
    checkoutTargets.push(...checkCheckoutTargets(ours, sdk));
  }

  const results = summaries.map((summary) => ({ ...summary.result, reactBuild }));
  const file = resolve(import.meta.dirname, "results.json");
  writeFileSync(
    file,
    `${JSON.stringify(mergeResults(file, results, cartResults, checkoutResults), null, 2)}\n`,
  );
  const header = `\nReact ${reactBuild} build. Round trip ${RTT_MS} ms on every request; auth requests not counted; medians of ${RUNS} runs.\n`;
  console.log(
    [
      ...(results.length > 0
        ? [
            header,
            formatTable(results),
            `\nMedian (min–max) over the ${RUNS} runs:`,
            ...spreads,
            "\nTargets (epcc-react-hooks):",
            ...checkTargets(summaries, RTT_MS),
          ]
        : []),
      ...(cartResults.length > 0
        ? [
            `\nCart scenarios. ${header}`,
            formatCartTable(cartResults),
            "\nTargets (epcc-react-hooks, every run):",
            ...cartTargets,
          ]
        : []),
      ...(checkoutResults.length > 0
        ? [
            `\nCheckout whose answer is lost. React ${reactBuild} build. Round trip ${RTT_MS} ms on every request; auth requests not counted; one run each.\n`,
            formatCheckoutTable(checkoutResults),
            "\nTargets (epcc-react-hooks):",
            ...checkoutTargets,
          ]
        : []),
      `\nUpdated ${file}`,
    ].join("\n"),
  );
}, 600_000);

/**
 * results.json with this pass's lines in place of their previous ones: each pass (and each
 * `BENCH_ONLY` run) writes its own scenarios and keeps the rest, in the order; the
 * cart scenarios likewise, under `cartScenarios`, and the checkout's under `checkoutScenarios`.
 */
function mergeResults(
  file: string,
  fresh: BenchResults["scenarios"],
  freshCart: CartScenarioResult[],
  freshCheckout: CheckoutScenarioResult[],
): BenchResults & {
  cartScenarios: CartScenarioResult[];
  checkoutScenarios: CheckoutScenarioResult[];
} {
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as BenchResults & {
        cartScenarios?: CartScenarioResult[];
        checkoutScenarios?: CheckoutScenarioResult[];
      })
    : undefined;
  const keptCheckout = (stored?.checkoutScenarios ?? []).filter(
    (old) => !freshCheckout.some((line) => line.name === old.name && line.impl === old.impl),
  );
  const checkoutOrder = (line: CheckoutScenarioResult) =>
    checkoutScenarios.findIndex((scenario) => scenario.name === line.name);
  const previous: BenchResults["scenarios"] = stored?.scenarios ?? [];
  const keptCart = (stored?.cartScenarios ?? []).filter(
    (old) => !freshCart.some((line) => line.name === old.name && line.impl === old.impl),
  );
  const cartOrder = (line: CartScenarioResult) => CART_SCENARIO_ORDER.indexOf(line.name);
  const sameLine = (a: ScenarioResult, b: ScenarioResult) => a.name === b.name && a.impl === b.impl;
  const kept = previous.filter((old) => !fresh.some((line) => sameLine(line, old)));
  const order = (line: ScenarioResult) =>
    SCENARIO_ORDER.indexOf(scenarioOf(line.name)) * BADGES.length + BADGES.indexOf(line.badge);
  return {
    rttMs: RTT_MS,
    // Lines of an earlier layout (a scenario without its shape) go.
    scenarios: [...kept.filter((line) => line.badge !== undefined), ...fresh].sort(
      (a, b) => order(a) - order(b) || a.impl.localeCompare(b.impl),
    ),
    cartScenarios: [...keptCart, ...freshCart].sort(
      (a, b) => cartOrder(a) - cartOrder(b) || a.impl.localeCompare(b.impl),
    ),
    checkoutScenarios: [...keptCheckout, ...freshCheckout].sort(
      (a, b) => checkoutOrder(a) - checkoutOrder(b) || a.impl.localeCompare(b.impl),
    ),
  };
}
