/**
 * Access tokens (implicit, client credentials) and customer tokens, with their lifetimes
 * on the fake's clock. Lifetimes: ep-api-contract.md, "Tokens and their lifetimes".
 */

export type AccessTokenKind = "implicit" | "client_credentials";

export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
export const CUSTOMER_TOKEN_TTL_SECONDS = 24 * 60 * 60;

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

export class TokenBook {
  private readonly accessTokens = new Map<string, { kind: AccessTokenKind; expiresAtMs: number }>();
  private readonly customerTokens = new Map<string, CustomerTokenRecord>();

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

  clear(): void {
    this.accessTokens.clear();
    this.customerTokens.clear();
  }
}

/**
 * A JWT-shaped string (header.payload.signature, base64url) so storefront code that
 * decodes `sub` and `exp` works. The signature is random: nothing verifies it, and it
 * keeps two tokens issued in the same second distinct.
 */
function fakeJwt(payload: { sub: string; exp: number }): string {
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

function randomHex(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, length);
}
