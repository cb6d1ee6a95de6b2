import type { Client } from "@epcc-sdk/sdks-shopper";
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

/** What a cart relationship call answers: the SDK's result, 2xx or not. */
export interface RelationshipAnswer {
  response: Response;
  error?: unknown;
}

/** One of the SDK's cart relationship calls, for one cart and one owner. */
export type RelationshipCall = (
  client: Client,
  cartId: string,
  ownerId: string,
  headers: Record<string, string> | undefined,
) => Promise<RelationshipAnswer>;

/**
 * One kind of shopper — customer or account member — as the whole engine sees it: how its
 * session is checked and whose carts it names (the store), the header its token travels in
 * and the SDK's calls that tie a cart to it (the carts). One descriptor per kind, passed in
 * as a parameter: the code around it exists once, and an app on customers only carries no
 * account code.
 */
export interface ShopperKindDescriptor<
  Kind extends ShopperKind = ShopperKind,
  Session extends AnySession = AnySession,
> {
  kind: Kind;
  /**
   * Checks a session handed to the package (a controlled prop, a query source): its ids go
   * into keys and paths, its tokens into headers. Throws an `ElasticPathError` naming `field`.
   */
  check(field: string, value: unknown): Session;
  /** The shopper of a signed-in session. */
  shopperOf(session: Extract<Session, { status: "signed-in" }>): Shopper;
  tokenHeader: "X-Moltin-Customer-Token" | "EP-Account-Management-Authentication-Token";
  associate: RelationshipCall;
  disassociate: RelationshipCall;
}

/**
 * The kinds in use. The provider registers the customer kind; the account hooks register
 * the account kind when they first render, so an app on customers only carries no account
 * code, and reads no account session.
 */
export const sessionKinds: Partial<Record<ShopperKind, ShopperKindDescriptor>> = {};

/** The descriptor of a shopper's kind: registered, since a shopper of that kind was read. */
export const shopperKindOf = (shopper: Shopper): ShopperKindDescriptor =>
  sessionKinds[shopper.kind]!;

export function registerSessionKind(sessionKind: ShopperKindDescriptor): void {
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
