import { invalidInput } from "./ElasticPathError";

/** Elastic Path's "safe characters" for ids that go into a URL path (https://elasticpath.dev/guides/Getting-Started/safe-characters). */
const SAFE_ID = /^[A-Za-z0-9_-]+$/;
const MAX_ID_LENGTH = 256;

function describe(value: unknown): string {
  if (value == null) return String(value);
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

/** A non-empty string, after trimming; returns it untouched. */
export function requireText(field: string, value: unknown, maxLength = MAX_ID_LENGTH): string {
  if (typeof value !== "string") {
    throw invalidInput(`${field} must be a string, but got ${describe(value)}.`);
  }
  if (value.trim() === "") throw invalidInput(`${field} must not be empty or whitespace.`);
  if (value.length > maxLength) {
    throw invalidInput(`${field} must be at most ${maxLength} characters long.`);
  }
  return value;
}

/** Customer tokens are JWTs of a few hundred characters; anything far longer is not one. */
const MAX_TOKEN_LENGTH = 8192;
/**
 * What a header value can carry: visible ASCII. A line break or a non-ASCII character makes
 * `fetch` throw before sending, which would read as a network failure and be retried.
 */
const HEADER_SAFE = /^[\x21-\x7E]+$/;

/** A customer token, which travels in a header (`X-Moltin-Customer-Token`). */
export function requireToken(field: string, value: unknown): string {
  const token = requireText(field, value, MAX_TOKEN_LENGTH);
  if (!HEADER_SAFE.test(token)) {
    throw invalidInput(
      `${field} may only contain visible ASCII characters (it is sent as a header).`,
    );
  }
  return token;
}

/** An id that is safe in a URL path: letters, digits, `-` and `_` only. */
export function requireSafeId(field: string, value: unknown): string {
  const id = requireText(field, value);
  if (!SAFE_ID.test(id)) {
    throw invalidInput(`${field} may only contain letters, digits, "-" and "_".`);
  }
  return id;
}

/** The SDK client from `createShopperClient`, recognised by its request methods. */
export function requireClient(field: string, value: unknown): void {
  const client = value as { get?: unknown; post?: unknown } | null | undefined;
  if (typeof client?.get !== "function" || typeof client.post !== "function") {
    throw invalidInput(`${field} must be the SDK client from createShopperClient.`);
  }
}

/**
 * A plain object (not null, not an array) for an argument that must be one. An own
 * `__proto__` key (what `JSON.parse` makes of one) is refused too: it is never a field of
 * ours, and is how prototype pollution travels.
 */
export function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidInput(`${field} must be an object, but got ${describe(value)}.`);
  }
  if (Object.hasOwn(value, "__proto__")) {
    throw invalidInput(`${field} must not have a "__proto__" key.`);
  }
  return value as Record<string, unknown>;
}

/** An optional whole number within bounds (page sizes, offsets). */
export function optionalInteger(
  field: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

// Generous for passphrases, small enough that a pasted file is refused before it is sent.
const MAX_PASSWORD_LENGTH = 1024;
const MAX_EMAIL_LENGTH = 320;

/** A password, sent as typed: spaces count, but it must not be empty. */
export function requirePassword(field: string, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw invalidInput(`${field} must be a non-empty string.`);
  }
  if (value.length > MAX_PASSWORD_LENGTH) {
    throw invalidInput(`${field} must be at most ${MAX_PASSWORD_LENGTH} characters long.`);
  }
  return value;
}

/** An email address, trimmed. */
export function requireEmail(field: string, value: unknown): string {
  const email = requireText(field, value, MAX_EMAIL_LENGTH);
  if (!email.includes("@")) throw invalidInput(`${field} must be an email address.`);
  return email.trim();
}
