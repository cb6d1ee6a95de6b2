/**
 * The server-side session: an httpOnly cookie holding the customer token, which browser
 * scripts cannot read. The browser gets a stand-in instead (`handle`), a random value that
 * is no Elastic Path token: the page passes it to `ElasticPathProvider` as the session's
 * token, and `/api/ep` swaps it for the real token (from the cookie) on the way to
 * Elastic Path. So the customer token never reaches the HTML, the RSC payload, the
 * dehydrated query cache or the browser's storage.
 */
import type { CustomerSession, SignedInSession } from "epcc-react-hooks/queries";
import { cookies } from "next/headers";

const COOKIE_NAME = "ep_customer_session";

export interface StoredSession {
  customerId: string;
  /** The customer token from `POST /v2/customers/tokens`; server side only. */
  token: string;
  /** Epoch ms, from the token's `expires`. */
  expiresAt: number;
  /** What the browser holds in the token's place. */
  handle: string;
}

function parse(raw: string | undefined): StoredSession | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    const { customerId, token, expiresAt, handle } = value;
    if (
      typeof customerId !== "string" ||
      typeof token !== "string" ||
      typeof expiresAt !== "number" ||
      typeof handle !== "string" ||
      expiresAt <= Date.now()
    ) {
      return undefined;
    }
    return { customerId, token, expiresAt, handle };
  } catch {
    return undefined; // not ours, or edited: signed out
  }
}

/** The shopper's live session, or `undefined` (no cookie, expired, unreadable). */
export async function readStoredSession(): Promise<StoredSession | undefined> {
  return parse((await cookies()).get(COOKIE_NAME)?.value);
}

/** The session as the server itself uses it (real token), e.g. for prefetching. */
export function serverSideSession(stored: StoredSession): SignedInSession {
  const { customerId, token, expiresAt } = stored;
  return { status: "signed-in", customerId, token, expiresAt };
}

/** The session as the browser gets it: the handle in the token's place. */
export function browserSession(stored: StoredSession | undefined): CustomerSession {
  if (!stored) return { status: "signed-out" };
  const { customerId, handle, expiresAt } = stored;
  return { status: "signed-in", customerId, token: handle, expiresAt };
}

export async function saveSession(session: Omit<StoredSession, "handle">): Promise<void> {
  const stored: StoredSession = { ...session, handle: `handle_${crypto.randomUUID()}` };
  (await cookies()).set(COOKIE_NAME, JSON.stringify(stored), {
    httpOnly: true,
    sameSite: "lax",
    // Browsers keep Secure cookies on http://localhost too; elsewhere this needs https.
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: Math.max(0, Math.floor((session.expiresAt - Date.now()) / 1000)),
  });
}

export async function clearSession(): Promise<void> {
  (await cookies()).delete(COOKIE_NAME);
}
