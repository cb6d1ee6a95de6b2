import type { BenchImplementation, CartBadgeKind } from "../apps/ui";
import type { RequestCounts } from "./storefront";

/** One line of `bench/results.json`, in the shape issue 6 gives. */
export interface ScenarioResult {
  name: string;
  impl: BenchImplementation["name"];
  requests: RequestCounts;
  msToCorrectList: number | null;
  commits: number;
  leakedRenders: number;
  /** The storefront's shape: how its cart badge loads the current cart, if it has one. */
  badge: CartBadgeKind;
  /** The React build the scenario ran on (bench/vitest.config.ts says why it differs). */
  reactBuild?: ReactBuild;
}

export type ReactBuild = "production" | "development";

/** The scenarios, in the order results.json and the table list them (each in every shape). */
export const SCENARIO_ORDER = [
  "login-with-guest-cart",
  "strict-mode-five-consumers",
  "account-login-with-guest-cart",
  "thousand-carts",
  "switch-customer",
  "login-merging-guest-cart",
];

/** The storefront shapes, in the table's order. */
export const BADGES: readonly CartBadgeKind[] = ["none", "sdk", "cart-queries"];

/** A scenario's name in one shape: `login-with-guest-cart/sdk-badge`. */
export const nameInShape = (scenario: string, badge: CartBadgeKind) =>
  `${scenario}/${badge === "none" ? "no" : badge}-badge`;

/** The scenario a name belongs to, without its shape. */
export const scenarioOf = (name: string) => name.split("/")[0]!;

/** What the table says of a shape: the badge's query, or that there is none. */
const BADGE_CELL: Record<CartBadgeKind, string> = {
  none: "none",
  sdk: "`getACartOptions`",
  "cart-queries": "`cartQueries.cart`",
};

/** What one run measures: the result, and for the console how soon any cart showed. */
export interface ScenarioRun extends ScenarioResult {
  msToFirstList: number | null;
}

export interface BenchResults {
  rttMs: number;
  scenarios: ScenarioResult[];
}

export interface Scenario {
  name: string;
  run(implementation: BenchImplementation): Promise<ScenarioRun>;
}

/**
 * One scenario in each storefront shape. `run` gets the shape and the name to report under.
 */
export function inEveryShape(
  scenario: string,
  run: (
    implementation: BenchImplementation,
    shape: { name: string; badge: CartBadgeKind },
  ) => Promise<ScenarioRun>,
): Scenario[] {
  return BADGES.map((badge) => {
    const name = nameInShape(scenario, badge);
    return { name, run: (implementation) => run(implementation, { name, badge }) };
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]!
    : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * One line per (scenario, implementation) from several repetitions: the median of each
 * number. A list that never became correct in some repetition counts as slower than any
 * that did, so a median of `null` means it failed in at least half of them.
 */
export function summarize(runs: readonly ScenarioRun[]): ScenarioResult {
  const [first] = runs;
  if (!first) throw new Error("No runs to summarize.");
  const of = (pick: (run: ScenarioResult) => number) => median(runs.map(pick));
  const ms = of((run) => run.msToCorrectList ?? Number.POSITIVE_INFINITY);
  return {
    name: first.name,
    impl: first.impl,
    requests: {
      association: of((run) => run.requests.association),
      list: of((run) => run.requests.list),
      cart: of((run) => run.requests.cart),
      merge: of((run) => run.requests.merge ?? 0),
      total: of((run) => run.requests.total),
    },
    msToCorrectList: Number.isFinite(ms) ? ms : null,
    commits: of((run) => run.commits),
    leakedRenders: of((run) => run.leakedRenders),
    badge: first.badge,
  };
}

/** "min–max" of a number over the repetitions, for the console: shows what the median hides. */
export function spread(runs: readonly ScenarioRun[], pick: (run: ScenarioRun) => number | null) {
  const values = runs.map(pick).map((value) => value ?? Number.POSITIVE_INFINITY);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const show = (value: number) => (Number.isFinite(value) ? String(value) : "never");
  return low === high ? show(low) : `${show(low)}–${show(high)}`;
}

const COLUMNS: Array<[string, (result: ScenarioResult) => string]> = [
  ["scenario", (r) => scenarioOf(r.name)],
  [
    "cart badge",
    (r) => (r.impl === "sdk-baseline" && r.badge !== "none" ? BADGE_CELL.sdk : BADGE_CELL[r.badge]),
  ],
  ["implementation", (r) => r.impl],
  ["React build", (r) => r.reactBuild ?? "production"],
  ["association req.", (r) => String(r.requests.association)],
  ["list req.", (r) => String(r.requests.list)],
  ["cart req.", (r) => String(r.requests.cart ?? 0)],
  ["merge req.", (r) => String(r.requests.merge ?? 0)],
  ["total req.", (r) => String(r.requests.total)],
  ["ms to correct list", (r) => (r.msToCorrectList === null ? "never" : String(r.msToCorrectList))],
  ["commits", (r) => String(r.commits)],
  ["leaked renders", (r) => String(r.leakedRenders)],
];

/** A Markdown table, ready for the README. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const header = `| ${COLUMNS.map(([title]) => title).join(" | ")} |`;
  const rule = `| ${COLUMNS.map((_, index) => (index < 4 ? "---" : "---:")).join(" | ")} |`;
  const rows = results.map(
    (result) => `| ${COLUMNS.map(([, cell]) => cell(result)).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}

/** The runs of one (scenario, implementation) and their medians. */
export interface Summary {
  result: ScenarioResult;
  runs: ScenarioRun[];
}

/**
 * Issue 6's targets, checked for this package against the baseline of the same scenario:
 * counts that must hold in every run (associations, leaks) are checked in every run, the
 * rest on the medians. Returned as lines to print: the bench reports, it does not fail.
 */
export function checkTargets(summaries: readonly Summary[], rttMs: number): string[] {
  const lines: string[] = [];
  for (const { result, runs } of summaries) {
    if (result.impl !== "epcc-react-hooks") continue;
    const baseline = summaries.find(
      (other) => other.result.name === result.name && other.result.impl === "sdk-baseline",
    )?.result;
    const verdict = (ok: boolean, text: string) =>
      lines.push(`${ok ? "PASS" : "MISS"}  ${result.name}: ${text}`);

    // Every login in these scenarios but thousand-carts comes with a guest cart; a merge
    // associates nothing, and may send its one request beyond the associating baseline's.
    const merging = scenarioOf(result.name) === "login-merging-guest-cart";
    const associations = result.name === "thousand-carts" || merging ? 0 : 1;
    const allowance = merging ? 1 : 0;
    verdict(
      runs.every((run) => run.requests.association === associations),
      `association requests per login ${spread(runs, (run) => run.requests.association)} (target exactly ${associations}, every run)`,
    );
    if (result.msToCorrectList === null) {
      verdict(false, "My carts never showed the right carts");
    } else if (result.name !== "thousand-carts") {
      const trips = result.msToCorrectList / rttMs;
      verdict(
        trips <= 1.25,
        `correct list ${trips.toFixed(2)} round trips after the login (target ≤ 1.25)`,
      );
    }
    if (baseline) {
      verdict(
        result.requests.total <= baseline.requests.total + allowance,
        `${result.requests.total} requests vs ${baseline.requests.total} for the baseline (target ≤${allowance ? " the baseline's + the merge" : ""})`,
      );
      verdict(
        result.commits <= baseline.commits,
        `${result.commits} commits of My carts vs ${baseline.commits} for the baseline (target ≤)`,
      );
    }
    verdict(
      runs.every((run) => run.leakedRenders === 0),
      `renders showing another customer's carts ${spread(runs, (run) => run.leakedRenders)} (target 0, every run)`,
    );
  }
  return lines;
}
