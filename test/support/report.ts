/**
 * What a test measured, for a person reading the run (the requests a login costs, the
 * reliability programs' statistics): printed only with `TEST_VERBOSE=1`, so `npm test`
 * stays quiet unless asked.
 */
export const verbose = process.env.TEST_VERBOSE === "1";

export function report(...values: unknown[]): void {
  if (verbose) console.info(...values);
}
