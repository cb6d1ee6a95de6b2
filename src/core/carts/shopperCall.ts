import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import { shopperKindOf, type Shopper } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import { cartKeys } from "../keys";

/**
 * One call of a "My carts" mutation (create, rename, delete): the shopper signed in when it
 * was made, whose token it sends and whose cached lists it changes — on every retry too, so
 * that a call outliving its session neither borrows the next session's token nor writes
 * into the next shopper's cache.
 */
export interface ShopperCall {
  readonly shopper: Shopper | undefined;
  /** Steps already done, kept across retries (the disassociation before a deletion). */
  readonly done: Set<string>;
}

// Keyed by the variables object of one call, which TanStack hands to every callback of it.
const calls = new WeakMap<object, ShopperCall>();

/**
 * The variables of a new call: a copy, so that two calls with the same object are two calls,
 * tied to the shopper signed in now. Anything but a plain object is left as it is, to be
 * refused by the checks.
 */
export function startCall<Variables>(store: SessionStore, variables: Variables): Variables {
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) {
    return variables;
  }
  const call = { ...variables };
  calls.set(call, { shopper: store.latest().shopper, done: new Set() });
  return call;
}

/** The call the variables belong to (none for a call not made through `startCall`). */
export const callOf = (variables: unknown): ShopperCall =>
  (typeof variables === "object" && variables !== null && calls.get(variables)) || {
    shopper: undefined,
    done: new Set(),
  };

/** What each hook says when its call cannot go ahead. */
export interface CallWording {
  /** "Creating a cart": needs a signed-in shopper. */
  action: string;
  /** "the cart was created": the session ended before. */
  outcome: string;
}

/**
 * The shopper a call is for, checked before each request, retries included: there must be
 * one, and their session must still be the current one.
 */
export function shopperFor(call: ShopperCall, store: SessionStore, words: CallWording): Shopper {
  const { shopper } = call;
  if (!shopper) {
    throw invalidInput(`${words.action} needs a signed-in customer or account member.`);
  }
  if (!store.isCurrent(shopper)) {
    throw new ElasticPathError(`The shopper signed out before ${words.outcome}.`);
  }
  return shopper;
}

/** Every cached list of the shopper (paged and infinite). */
export const listsOf = cartKeys.lists;

/** The shopper's token, in the header of their kind. */
export const tokenHeaders = (shopper: Shopper): Record<string, string> => ({
  [shopperKindOf(shopper).tokenHeader]: shopper.token,
});
