/**
 * Random storefront sessions under faults (issue 7): fast-check generates programs of
 * customer and account member logins, logouts, account switches, cart changes, mounts,
 * StrictMode toggles, faults, latency spikes, token expiry and a second tab, under either
 * `guestCartOnLogin` policy ("associate" or "merge", with merge failures that land before and
 * after Elastic Path applied them), and the invariants (support/invariants.ts) are checked
 * after every step, for both kinds of shopper.
 *
 * `npm test` runs the same programs every time — a fixed list of seeds, plus every
 * regression — so a submission fails only for what it changed. Fresh seeds are for
 * `npm run explore` (test/reliability/explore.run.tsx), run by hand; whatever it finds
 * becomes a regression here.
 *
 * Replay one seed with `RELIABILITY_SEED=<seed> npx vitest run --project unit
 * test/reliability/sessions.test.tsx`; `RELIABILITY_RUNS` changes the number of programs per
 * seed (default 200); `TEST_VERBOSE=1` prints the run's statistics (faults injected, answers
 * seen).
 */
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { report } from "../support/report";
import { regressions } from "./regressions";
import { programs } from "./support/program";
import { describeStats, runProgram } from "./support/runProgram";

/**
 * 4 × 200 programs: between them every policy, both shopper kinds, every fault kind and
 * token expiry (TEST_VERBOSE=1 prints the counts). Seeds 1–4 are the ones the suite was
 * first run on by hand.
 */
const FIXED_SEEDS = [1, 2, 3, 4];
const seeds = process.env.RELIABILITY_SEED ? [Number(process.env.RELIABILITY_SEED)] : FIXED_SEEDS;
const numRuns = Number(process.env.RELIABILITY_RUNS ?? 200);

describe("random storefront sessions under faults", () => {
  afterAll(() => {
    report(`reliability: seeds ${seeds.join(", ")}, ${describeStats()}`);
  });

  // A program may take its settle limit (5 s) and then some: more than a test's default.
  it.each(regressions)("regression: $name", { timeout: 30_000 }, async ({ program }) => {
    await runProgram(program);
  });

  it.each(seeds)(
    `keeps the invariants over ${numRuns} programs of seed %i`,
    { timeout: 600_000 },
    async (seed) => {
      await fc.assert(
        fc.asyncProperty(programs, (program) => runProgram(program)),
        { seed, numRuns, endOnFailure: false },
      );
    },
  );
});
