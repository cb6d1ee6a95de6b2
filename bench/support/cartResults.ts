import type { BenchImplementation } from "../apps/ui";
import { median, type ReactBuild } from "./results";

/** One line of the cart table (`cartScenarios` in bench/results.json). */
export interface CartScenarioResult {
  name: string;
  impl: BenchImplementation["name"];
  reactBuild: ReactBuild;
  requests: {
    /** `POST /v2/carts` */
    createCart: number;
    /** `POST /v2/carts/:id/items` */
    addItems: number;
    /** `PUT /v2/carts/:id/items/:itemId` */
    updateItem: number;
    /** `GET /v2/carts/:id` */
    getCart: number;
    total: number;
  };
  /** Round trips until the badge first showed what Elastic Path holds at the end; null: never. */
  roundTripsToBadge: number | null;
  /** Milliseconds from the first click to that commit; null: never. */
  msToBadge: number | null;
  /** Carts the shopper's items went into (distinct carts of the add requests). */
  cartsHoldingItems: number;
  /** The "+" clicks only: the quantity shown at the end, and Elastic Path's. */
  finalQuantity?: { shown: number; server: number };
  /** The "+" clicks only: milliseconds from the first click to the last. */
  clicksSpanMs?: number;
  /** Commits that showed a lower quantity than one shown before them (an older answer over a newer click). */
  flickers: number;
}

export interface CartScenario {
  name: string;
  /** `<StrictMode>` acts only in React's development build (bench/vitest.config.ts). */
  reactBuild: ReactBuild;
  run(implementation: BenchImplementation): Promise<CartScenarioResult>;
}

/** The cart scenarios, in the order the table lists them. */
export const CART_SCENARIO_ORDER = [
  "add-to-existing-cart",
  "ten-quick-plus-clicks",
  "ten-plus-clicks-150-ms-apart",
  "first-add-strict-two-adders",
];

/** Medians over the runs of one (scenario, implementation); "never" wins only in most runs. */
export function summarizeCart(runs: readonly CartScenarioResult[]): CartScenarioResult {
  const [first] = runs;
  if (!first) throw new Error("No runs to summarize.");
  const of = (pick: (run: CartScenarioResult) => number) => median(runs.map(pick));
  const orNever = (pick: (run: CartScenarioResult) => number | null) => {
    const middle = of((run) => pick(run) ?? Number.POSITIVE_INFINITY);
    return Number.isFinite(middle) ? middle : null;
  };
  return {
    name: first.name,
    impl: first.impl,
    reactBuild: first.reactBuild,
    requests: {
      createCart: of((run) => run.requests.createCart),
      addItems: of((run) => run.requests.addItems),
      updateItem: of((run) => run.requests.updateItem),
      getCart: of((run) => run.requests.getCart),
      total: of((run) => run.requests.total),
    },
    roundTripsToBadge: orNever((run) => run.roundTripsToBadge),
    msToBadge: orNever((run) => run.msToBadge),
    cartsHoldingItems: of((run) => run.cartsHoldingItems),
    ...(first.finalQuantity && {
      finalQuantity: {
        shown: of((run) => run.finalQuantity?.shown ?? 0),
        server: of((run) => run.finalQuantity?.server ?? 0),
      },
      clicksSpanMs: of((run) => run.clicksSpanMs ?? 0),
    }),
    flickers: of((run) => run.flickers),
  };
}

const never = (value: number | null) => (value === null ? "never" : String(value));

const COLUMNS: Array<[string, (result: CartScenarioResult) => string]> = [
  ["scenario", (r) => r.name],
  ["implementation", (r) => r.impl],
  ["React build", (r) => r.reactBuild],
  ["carts created", (r) => String(r.requests.createCart)],
  ["add req.", (r) => String(r.requests.addItems)],
  ["update req.", (r) => String(r.requests.updateItem)],
  ["cart reads", (r) => String(r.requests.getCart)],
  ["total req.", (r) => String(r.requests.total)],
  ["round trips to badge", (r) => never(r.roundTripsToBadge)],
  ["ms to badge", (r) => never(r.msToBadge)],
  ["carts holding the items", (r) => String(r.cartsHoldingItems)],
  [
    "final quantity shown / in Elastic Path",
    (r) => (r.finalQuantity ? `${r.finalQuantity.shown} / ${r.finalQuantity.server}` : "–"),
  ],
  ["flicker commits", (r) => String(r.flickers)],
];

/** A Markdown table, ready for docs/performance.md. */
export function formatCartTable(results: readonly CartScenarioResult[]): string {
  const header = `| ${COLUMNS.map(([title]) => title).join(" | ")} |`;
  const rule = `| ${COLUMNS.map((_, index) => (index < 3 ? "---" : "---:")).join(" | ")} |`;
  const rows = results.map(
    (result) => `| ${COLUMNS.map(([, cell]) => cell(result)).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}

/**
 * Issue 24's aims, checked for this package in every run: printed, not failed on (the counts
 * are also `npm test`'s, in bench/requestCounts.test.tsx).
 */
export function checkCartTargets(
  name: string,
  runs: readonly CartScenarioResult[],
  baseline: readonly CartScenarioResult[],
): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean, text: string) =>
    lines.push(`${ok ? "PASS" : "MISS"}  ${name}: ${text}`);
  // "min–max" over the runs, as the console shows the login scenarios.
  const show = (pick: (run: CartScenarioResult) => number | null, of = runs) => {
    const values = of.map((run) => pick(run) ?? Number.POSITIVE_INFINITY);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    const text = (value: number) => (Number.isFinite(value) ? String(value) : "never");
    return low === high ? text(low) : `${text(low)}–${text(high)}`;
  };
  verdict(
    runs.every((run) => run.roundTripsToBadge !== null),
    `the badge showed Elastic Path's final cart in every run`,
  );
  if (name === "add-to-existing-cart") {
    verdict(
      runs.every((run) => run.requests.total === 1 && run.roundTripsToBadge === 1),
      `${show((r) => r.requests.total)} request(s), ${show((r) => r.roundTripsToBadge)} round trip(s) to the badge (aim 1 and 1; SDK ${show((r) => r.requests.total, baseline)} and ${show((r) => r.roundTripsToBadge, baseline)})`,
    );
  }
  if (name.startsWith("ten-")) {
    verdict(
      runs.every(
        (run) =>
          run.finalQuantity?.shown === 11 && run.finalQuantity.server === 11 && run.flickers === 0,
      ),
      `final quantity ${show((r) => r.finalQuantity?.shown ?? null)} shown / ${show((r) => r.finalQuantity?.server ?? null)} in Elastic Path, ${show((r) => r.flickers)} flicker commit(s) (aim 11 / 11, 0)`,
    );
  }
  if (name === "ten-quick-plus-clicks") {
    verdict(
      runs.every((run) => run.requests.updateItem <= 2),
      `${show((r) => r.requests.updateItem)} update request(s) (aim ≤ 2; SDK ${show((r) => r.requests.updateItem, baseline)}), the ten clicks within ${show((r) => r.clicksSpanMs ?? null)} ms`,
    );
  }
  if (name === "first-add-strict-two-adders") {
    verdict(
      runs.every((run) => run.requests.createCart === 1 && run.cartsHoldingItems === 1),
      `${show((r) => r.requests.createCart)} cart(s) created, items in ${show((r) => r.cartsHoldingItems)} cart(s) (aim 1; SDK ${show((r) => r.requests.createCart, baseline)})`,
    );
  }
  return lines;
}
