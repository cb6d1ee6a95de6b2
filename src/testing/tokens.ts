/**
 * Access tokens (implicit, client credentials), customer tokens, Account Management tokens
 * and the one-time codes account members log in with, with their lifetimes on the fake's
 * clock. Lifetimes as Elastic Path's token docs give them (elasticpath.dev).
 */
import { OIDC_CODE_LIFETIME_MS } from "./inferred";

export type AccessTokenKind = "implicit" | "client_credentials";

export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
export const CUSTOMER_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** The default of `account_management_authentication_token_timeout_secs` (Account Authentication Settings). */
export const ACCOUNT_TOKEN_TTL_SECONDS = 24 * 60 * 60;
/** "This code is valid for 10 minutes" (Elastic Path, How to utilize One-Time Password Tokens). */
export const ONE_TIME_PASSWORD_LIFETIME_MS = 10 * 60 * 1000;

/** The unwrapped 200 body of `POST /oauth/access_token`. */
export interface AccessTokenBody {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  expires: number;
  identifier: AccessTokenKind;
}

export interface IssuedCustomerToken {
  /** The token's own id (`data.id` of the login answer). */
  id: string;
  customerId: string;
  token: string;
  /** Epoch seconds. */
  expires: number;
}

export type CustomerTokenCheck =
  { ok: true; customerId: string } | { ok: false; reason: "unknown" | "expired" };

interface CustomerTokenRecord extends IssuedCustomerToken {
  revoked: boolean;
}

export interface IssuedAccountToken {
  token: string;
  accountMemberId: string;
  accountId: string;
  /** Epoch milliseconds. */
  expiresAtMs: number;
}

export type AccountTokenCheck =
  | { ok: true; accountMemberId: string; accountId: string }
  | { ok: false; reason: "unknown" | "expired" };

interface AccountTokenRecord extends IssuedAccountToken {
  revoked: boolean;
}

/** A one-time code: an OIDC authorization code or a one-time password token. */
interface OneTimeCode {
  accountMemberId: string;
  expiresAtMs: number;
  used: boolean;
  /** OIDC only: the code is valid for this redirect URI and PKCE verifier. */
  redirectUri?: string;
  codeVerifier?: string;
}

export class TokenBook {
  private readonly accessTokens = new Map<string, { kind: AccessTokenKind; expiresAtMs: number }>();
  private readonly customerTokens = new Map<string, CustomerTokenRecord>();
  private readonly accountTokens = new Map<string, AccountTokenRecord>();
  private readonly oidcCodes = new Map<string, OneTimeCode>();
  private readonly oneTimePasswords = new Map<string, OneTimeCode>();

  constructor(private readonly now: () => number) {}

  issueAccessToken(kind: AccessTokenKind): AccessTokenBody {
    // Opaque, like Elastic Path's 40-hex-digit tokens. Not a JWT on purpose: the SDK would
    // read its expiry from a JWT's `exp` and ignore `expires`.
    const token = randomHex(40);
    const expiresAtMs = this.now() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    this.accessTokens.set(token, { kind, expiresAtMs });
    return {
      access_token: token,
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      expires: Math.floor(expiresAtMs / 1000),
      identifier: kind,
    };
  }

  /** The kind of a valid, unexpired bearer token from an `Authorization` header, else `undefined`. */
  checkAuthorization(header: string | null): AccessTokenKind | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
    const entry = match ? this.accessTokens.get(match[1] as string) : undefined;
    if (!entry || this.now() >= entry.expiresAtMs) return undefined;
    return entry.kind;
  }

  issueCustomerToken(customerId: string): IssuedCustomerToken {
    const expires = Math.floor(this.now() / 1000) + CUSTOMER_TOKEN_TTL_SECONDS;
    const issued: IssuedCustomerToken = {
      id: crypto.randomUUID(),
      customerId,
      token: fakeJwt({ sub: customerId, exp: expires }),
      expires,
    };
    this.customerTokens.set(issued.token, { ...issued, revoked: false });
    return issued;
  }

  checkCustomerToken(token: string): CustomerTokenCheck {
    const entry = this.customerTokens.get(token);
    if (!entry) return { ok: false, reason: "unknown" };
    if (entry.revoked || this.now() >= entry.expires * 1000)
      return { ok: false, reason: "expired" };
    return { ok: true, customerId: entry.customerId };
  }

  /** Only tokens issued so far: a later login works again. */
  expireCustomerTokens(customerId: string): void {
    for (const entry of this.customerTokens.values()) {
      if (entry.customerId === customerId) entry.revoked = true;
    }
  }

  /**
   * Shaped like Elastic Path's (a JWT whose `sub` is the account member, `scope` the
   * account, `exp` epoch seconds), so storefront code that decodes it works.
   */
  issueAccountToken(accountMemberId: string, accountId: string): IssuedAccountToken {
    const expiresAtMs = this.now() + ACCOUNT_TOKEN_TTL_SECONDS * 1000;
    const issued: IssuedAccountToken = {
      token: fakeJwt({
        sub: accountMemberId,
        scope: accountId,
        exp: Math.floor(expiresAtMs / 1000),
      }),
      accountMemberId,
      accountId,
      expiresAtMs,
    };
    this.accountTokens.set(issued.token, { ...issued, revoked: false });
    return issued;
  }

  checkAccountToken(token: string): AccountTokenCheck {
    const entry = this.accountTokens.get(token);
    if (!entry) return { ok: false, reason: "unknown" };
    if (entry.revoked || this.now() >= entry.expiresAtMs) return { ok: false, reason: "expired" };
    return { ok: true, accountMemberId: entry.accountMemberId, accountId: entry.accountId };
  }

  /** Only tokens issued so far: a later login works again. */
  expireAccountTokens(accountMemberId: string): void {
    for (const entry of this.accountTokens.values()) {
      if (entry.accountMemberId === accountMemberId) entry.revoked = true;
    }
  }

  issueOidcCode(accountMemberId: string, redirectUri: string, codeVerifier: string): string {
    const code = crypto.randomUUID();
    this.oidcCodes.set(code, {
      accountMemberId,
      expiresAtMs: this.now() + OIDC_CODE_LIFETIME_MS,
      used: false,
      redirectUri,
      codeVerifier,
    });
    return code;
  }

  /** The member the code was issued to, once: `undefined` for anything else (used, expired, mismatched). */
  redeemOidcCode(code: string, redirectUri: string, codeVerifier: string): string | undefined {
    const entry = this.oidcCodes.get(code);
    if (!entry || !this.usable(entry)) return undefined;
    if (entry.redirectUri !== redirectUri || entry.codeVerifier !== codeVerifier) return undefined;
    entry.used = true;
    return entry.accountMemberId;
  }

  /** Six lower-case letters and digits, like Elastic Path's (`"lprvj4"` in its docs). */
  issueOneTimePassword(accountMemberId: string): string {
    let token: string;
    do token = randomCode(6);
    while (this.oneTimePasswords.has(token));
    this.oneTimePasswords.set(token, {
      accountMemberId,
      expiresAtMs: this.now() + ONE_TIME_PASSWORD_LIFETIME_MS,
      used: false,
    });
    return token;
  }

  /** Whether the token was issued to that member and is still usable; it is used up if so. */
  redeemOneTimePassword(accountMemberId: string, token: string): boolean {
    const entry = this.oneTimePasswords.get(token);
    if (!entry || entry.accountMemberId !== accountMemberId || !this.usable(entry)) return false;
    entry.used = true;
    return true;
  }

  private usable(code: OneTimeCode): boolean {
    return !code.used && this.now() < code.expiresAtMs;
  }

  clear(): void {
    this.accessTokens.clear();
    this.customerTokens.clear();
    this.accountTokens.clear();
    this.oidcCodes.clear();
    this.oneTimePasswords.clear();
  }
}

/**
 * A JWT-shaped string (header.payload.signature, base64url) so storefront code that
 * decodes `sub` and `exp` works. The signature is random: nothing verifies it, and it
 * keeps two tokens issued in the same second distinct.
 */
function fakeJwt(payload: { sub: string; exp: number; scope?: string }): string {
  const header = base64Url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = base64Url(JSON.stringify(payload));
  const signature = randomHex(43);
  return `${header}.${body}.${signature}`;
}

/** base64url of a string's UTF-8 bytes, with `btoa` so it runs in browsers and Node alike. */
function base64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomCode(length: number): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

function randomHex(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, length);
}
