import type { Client } from "@epcc-sdk/sdks-shopper";
/**
 * What the session store needs to know of one kind of shopper session (customer or account),
 * so that one store serves both and neither kind's code is bundled for the other.
 */

/** The two kinds of shopper Elastic Path knows: Customers, and account members acting for an account. */
export type ShopperKind = "customer" | "account";

/**
 * Whoever is signed in, as the carts domain sees them: whose carts (`id`: a customer id or
 * the selected account id), with which token, until when (epoch ms).
 */
export interface Shopper {
  kind: ShopperKind;
  id: string;
  token: string;
  expiresAt: number;
}

export interface SignedOut {
  status: "signed-out";
}

export const SIGNED_OUT: SignedOut = Object.freeze({ status: "signed-out" });

/** A session of either kind, as the store holds it. */
export type AnySession = SignedOut | { status: "signed-in"; token: string; expiresAt: number };

export interface SessionKind<Session extends AnySession = AnySession> {
  kind: ShopperKind;
  /**
   * Checks a session handed to the package (a controlled prop, a query source): its ids go
   * into keys and paths, its tokens into headers. Throws an `ElasticPathError` naming `field`.
   */
  check(field: string, value: unknown): Session;
  /** The shopper of a signed-in session. */
  shopperOf(session: Extract<Session, { status: "signed-in" }>): Shopper;
}

/**
 * The kinds in use. The provider registers the customer kind; the account hooks register
 * the account kind when they first render, so an app on customers only carries no account
 * code, and reads no account session.
 */
export const sessionKinds: Partial<Record<ShopperKind, SessionKind>> = {};

export function registerSessionKind(sessionKind: SessionKind): void {
  sessionKinds[sessionKind.kind] ??= sessionKind;
}

/** An expired session counts as signed-out. */
export function isLive<Session extends AnySession>(
  session: Session,
  now = Date.now(),
): session is Extract<Session, { status: "signed-in" }> {
  return session.status === "signed-in" && session.expiresAt > now;
}

/**
 * Identifies one login: the same shopper logging in again starts a new session, even within
 * the same second (`expiresAt` has second precision). The token goes in as a short hash only:
 * the identity is kept in storage, where a token must never be.
 */
export function sessionIdentity(shopper: Shopper): string {
  return `${shopper.kind}:${shopper.id}:${shopper.expiresAt}:${fnv1a(shopper.token)}`;
}

/** FNV-1a, 32 bits: tells tokens apart; reveals nothing usable about them. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * How one kind of shopper logs in: the request (its variables checked before anything is
 * sent; never retried) and what of its variables may be kept where TanStack keeps them
 * (devtools, persisters): never a password, a one-time password or a code.
 */
export interface ShopperLogin<
  Kind extends ShopperKind,
  Session extends Extract<AnySession, { status: "signed-in" }>,
  Variables,
  Kept,
> {
  kind: Kind;
  request(client: Client, variables: Variables): Promise<Session>;
  withoutSecrets(variables: Variables): Kept;
}
