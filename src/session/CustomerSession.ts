import { invalidInput } from "../errors/ElasticPathError";
import { requireObject, requireSafeId, requireToken } from "../errors/validate";

/**
 * Who is shopping. `token` is the customer token from `POST /v2/customers/tokens`;
 * `expiresAt` is epoch milliseconds, after which the session counts as signed-out.
 *
 * @example
 * ```ts
 * const session: CustomerSession = { status: "signed-out" };
 * ```
 */
export type CustomerSession =
  | { status: "signed-out" }
  | { status: "signed-in"; customerId: string; token: string; expiresAt: number };

export type SignedInSession = Extract<CustomerSession, { status: "signed-in" }>;

export const SIGNED_OUT: CustomerSession = Object.freeze({ status: "signed-out" });

/**
 * A session handed to the package (a query source, a controlled provider), checked like any
 * input: its customer id goes into keys and paths, its token into a header.
 */
export function requireSession(field: string, value: unknown): CustomerSession {
  const { status, customerId, token, expiresAt } = requireObject(field, value);
  if (status === "signed-out") return value as CustomerSession;
  if (status !== "signed-in") {
    throw invalidInput(`${field}.status must be "signed-in" or "signed-out".`);
  }
  requireSafeId(`${field}.customerId`, customerId);
  requireToken(`${field}.token`, token);
  if (typeof expiresAt !== "number" || Number.isNaN(expiresAt)) {
    throw invalidInput(`${field}.expiresAt must be a time in epoch milliseconds.`);
  }
  return value as CustomerSession;
}

/** An expired session counts as signed-out (public-api.md, Session). */
export function isLive(session: CustomerSession, now = Date.now()): session is SignedInSession {
  return session.status === "signed-in" && session.expiresAt > now;
}

/** Reads a stored session defensively: storage is user-editable and may hold anything. */
export function parseStoredSession(raw: string | undefined): CustomerSession {
  if (!raw) return SIGNED_OUT;
  try {
    const { customerId, token, expiresAt } = requireObject("session", JSON.parse(raw));
    // The same checks as any session handed to the package: a garbled id or token in
    // storage must read as signed out, not reach a query key or a header.
    return requireSession("session", { status: "signed-in", customerId, token, expiresAt });
  } catch {
    // Not JSON, or not a session: treat as signed out rather than crash the storefront.
    return SIGNED_OUT;
  }
}

export function serializeSession(session: CustomerSession): string | undefined {
  if (session.status !== "signed-in") return undefined;
  const { customerId, token, expiresAt } = session;
  return JSON.stringify({ customerId, token, expiresAt });
}

/**
 * Identifies one login: the same customer logging in again starts a new session, even
 * within the same second (`expiresAt` has second precision). The token goes in as a short
 * hash only: the identity is kept in `localStorage`, where a token must never be.
 */
export function sessionIdentity(session: SignedInSession): string {
  return `${session.customerId}:${session.expiresAt}:${fnv1a(session.token)}`;
}

/** FNV-1a, 32 bits: tells tokens apart; reveals nothing usable about them. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
