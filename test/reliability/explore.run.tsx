/**
 * `npm run explore`: the random storefront sessions of sessions.test.tsx on fresh seeds, for
 * as long as asked — run it by hand before stopping after a change to sessions, association,
 * merge or carts. `npm test` runs fixed seeds only, so that CI never fails by chance.
 *
 * `EXPLORE_MINUTES` (default 10) is how long new seeds are started; `RELIABILITY_RUNS`
 * (default 100) the programs per seed. Each failing seed is printed with its shrunk program,
 * the run goes on with the next seed, and the run fails at the end if any seed did. A
 * failure becomes a regression in regressions.ts (or, if the invariant was wrong, a fix of
 * the invariant) before the change lands.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { programs } from "./support/program";
import { describeStats, runProgram } from "./support/runProgram";

const minutes = Number(process.env.EXPLORE_MINUTES ?? 10);
const numRuns = Number(process.env.RELIABILITY_RUNS ?? 100);

it(`keeps the invariants on fresh seeds for ${minutes} minutes`, { timeout: 0 }, async () => {
  const until = Date.now() + minutes * 60_000;
  const seedsRun: number[] = [];
  const failures: string[] = [];
  while (Date.now() < until) {
    const seed = Math.floor(Math.random() * 2 ** 31);
    seedsRun.push(seed);
    const details = await fc.check(
      fc.asyncProperty(programs, (program) => runProgram(program)),
      { seed, numRuns },
    );
    const finished = `explore: seed ${seed}: ${details.numRuns} programs`;
    if (!details.failed) {
      console.info(`${finished}, passed`);
      continue;
    }
    const reason =
      "errorInstance" in details ? String(details.errorInstance) : "fast-check stopped the run";
    const failure =
      `${finished}, FAILED (path ${details.counterexamplePath}, shrunk ${details.numShrinks} times)\n` +
      `  program: ${JSON.stringify(details.counterexample?.[0])}\n` +
      `  ${reason.split("\n").join("\n  ")}\n` +
      `  replay: RELIABILITY_SEED=${seed} npx vitest run --project unit test/reliability/sessions.test.tsx`;
    console.error(failure);
    failures.push(failure);
  }
  console.info(
    `explore: ${seedsRun.length} fresh seeds (${seedsRun.join(", ")}), ${failures.length} failed; ${describeStats()}`,
  );
  expect(failures, failures.join("\n\n")).toEqual([]);
});
