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

/** An expired session counts as signed-out (public-api.md, Session). */
export function isLive(session: CustomerSession, now = Date.now()): session is SignedInSession {
  return session.status === "signed-in" && session.expiresAt > now;
}

/** Reads a stored session defensively: storage is user-editable and may hold anything. */
export function parseStoredSession(raw: string | undefined): CustomerSession {
  if (!raw) return SIGNED_OUT;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === "object" &&
      value !== null &&
      "customerId" in value &&
      "token" in value &&
      "expiresAt" in value &&
      typeof value.customerId === "string" &&
      typeof value.token === "string" &&
      typeof value.expiresAt === "number"
    ) {
      const { customerId, token, expiresAt } = value;
      return { status: "signed-in", customerId, token, expiresAt };
    }
  } catch {
    // Not JSON: treat as signed out rather than crash the storefront.
  }
  return SIGNED_OUT;
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
