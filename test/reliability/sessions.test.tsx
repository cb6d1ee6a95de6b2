/**
 * Random storefront sessions under faults (issue 7): fast-check generates programs of
 * customer and account member logins, logouts, account switches, cart changes, mounts,
 * StrictMode toggles, faults, latency spikes, token expiry and a second tab, and the
 * invariants (support/invariants.ts) are checked after every step, for both kinds of shopper.
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
        `${stats.endedSignedInWithCart} ended signed in with a cart to associate; faults injected:`,
      stats.faults,
      "answers:",
      stats.answers,
    );
  });

  it.each(regressions)("regression: $name", async ({ program }) => {
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
