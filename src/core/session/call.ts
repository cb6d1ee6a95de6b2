import type { Shopper } from "./sessionKind";

/**
 * The package's one side channel beside a mutation's variables. TanStack keeps a mutation's
 * variables for as long as the mutation lives, where devtools, cache persisters and error
 * reporters read them; and hands that same object to the mutation function and to every
 * callback of the call. So a call's variables are a new object made for it (`startCall`),
 * and what must not be in them travels here, keyed by that object, where nothing serialises:
 * - the variables as the caller gave them, secrets included (a password, a token), until
 *   the call settles;
 * - the shopper signed in when the call was made, whose token it sends and whose cached
 *   lists it changes — on every retry too, so that a call outliving its session neither
 *   borrows the next session's token nor writes into the next shopper's cache;
 * - the steps already done, kept across retries (the disassociation before a deletion);
 * - a login's ticket (`store.startLogin`), taken as the shopper asked, once whatever its retries.
 */
export interface Call {
  given: unknown;
  readonly shopper: Shopper | undefined;
  readonly done: Set<string>;
  readonly ticket?: number;
}

const calls = new WeakMap<object, Call>();

/**
 * Starts a call whose variables are `kept` (a new object: two calls with the same object are
 * two calls); anything but an object is left as it is, to be refused by the checks.
 */
export function startCall<Kept>(
  kept: Kept,
  given: unknown,
  shopper: Shopper | undefined,
  ticket?: number,
): Kept {
  if (typeof kept === "object" && kept !== null)
    calls.set(kept, { given, shopper, done: new Set(), ticket });
  return kept;
}

/** The call the variables belong to; for variables not made by `startCall`, a call of no shopper. */
export const callOf = (kept: unknown): Call =>
  // A WeakMap answers `get` for any value (undefined for a primitive); only `set` needs an object.
  calls.get(kept as object) ?? { given: kept, shopper: undefined, done: new Set() };

/** The calls whose request may have been applied although its answer was lost, with that error. */
const lostAnswers = new WeakMap<Call, unknown>();

/**
 * Sends what must not be applied twice (an add, a checkout): once the outcome is unknown
 * (`isUnknown` of the failure), every later try of the same call — a caller's own `retry`
 * included — fails with that error again, and nothing is sent.
 */
export async function sendAtMostOnce<Result>(
  call: Call,
  send: () => Promise<Result>,
  isUnknown: (error: unknown) => boolean,
): Promise<Result> {
  if (lostAnswers.has(call)) throw lostAnswers.get(call);
  try {
    return await send();
  } catch (error) {
    if (isUnknown(error)) lostAnswers.set(call, error);
    throw error;
  }
}
