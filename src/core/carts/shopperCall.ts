import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import { shopperKindOf, type Shopper } from "../session/sessionKind";
import type { Call } from "../session/call";
import type { SessionStore } from "../session/sessionStore";

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
export function shopperFor(call: Call, store: SessionStore, words: CallWording): Shopper {
  const { shopper } = call;
  if (!shopper) {
    throw invalidInput(`${words.action} needs a signed-in customer or account member.`);
  }
  if (!store.isCurrent(shopper)) {
    throw new ElasticPathError(`The shopper signed out before ${words.outcome}.`);
  }
  return shopper;
}

/** The shopper's token, in the header of their kind. */
export const tokenHeaders = (shopper: Shopper): Record<string, string> => ({
  [shopperKindOf(shopper).tokenHeader]: shopper.token,
});
