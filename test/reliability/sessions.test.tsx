/**
 * Random storefront sessions under faults (issue 7): fast-check generates programs of
 * customer and account member logins, logouts, account switches, cart changes, mounts,
 * StrictMode toggles, faults, latency spikes, token expiry and a second tab, under either
 * `guestCartOnLogin` policy ("associate" or "merge", with merge failures that land before and
 * after Elastic Path applied them), and the invariants (support/invariants.ts) are checked
 * after every step, for both kinds of shopper.
 *
 * Reproduce a run with `RELIABILITY_SEED=<seed> npx vitest run test/reliability/sessions.test.tsx`;
 * `RELIABILITY_RUNS` changes the number of programs (default 200); `TEST_VERBOSE=1` prints
 * the run's statistics (faults injected, answers seen).
 */
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { report } from "../support/report";
import { regressions } from "./regressions";
import { programs } from "./support/program";
import { runProgram, stats } from "./support/runProgram";

const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 2 ** 31);
const numRuns = Number(process.env.RELIABILITY_RUNS ?? 200);

describe("random storefront sessions under faults", () => {
  afterAll(() => {
    report(
      `reliability: seed ${seed}, ${stats.programs} programs, ${stats.steps} steps, ` +
        `${stats.requests} requests, ${stats.latencySpikes} latency spikes, ` +
        `${stats.endedSignedInWithCart} ended signed in with a cart to associate; ` +
        `guestCartOnLogin ${JSON.stringify(stats.policies)}, ${stats.merged} merged, ` +
        `${stats.mergeOutcomeUnknown} sent a merge with an unknown outcome, ${stats.chainedMerges} merges ` +
        `of a cart merged into before, ${stats.mergeFallbackAssociations} associations under "merge" ` +
        `(a shopper with no cart, or another shopper's cart); faults injected:`,
      stats.faults,
      "answers:",
      stats.answers,
    );
  });

  // A program may take its settle limit (5 s) and then some: more than a test's default.
  it.each(regressions)("regression: $name", { timeout: 30_000 }, async ({ program }) => {
    await runProgram(program);
  });

  it(
    `keeps the invariants over ${numRuns} programs (seed ${seed})`,
    { timeout: 600_000 },
    async () => {
      report(`reliability: fast-check seed ${seed}`);
      await fc.assert(
        fc.asyncProperty(programs, (program) => runProgram(program)),
        { seed, numRuns, endOnFailure: false },
      );
    },
  );
});
