/** Checks several endpoints share: JSON bodies, cart ids, shopper tokens. */
import { invalidJson, SAFE_ID, unsafeCartId } from "../errors";
import { accountTokensUnsupported, invalidCustomerToken } from "../inferred";
import type { FakeReply } from "../reply";
import type { FakeRequest, FakeRuntime } from "../route";

export type Checked<T> = { ok: true; value: T } | { ok: false; reply: FakeReply };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parsed JSON body (`undefined` when empty), or a 400 when it does not parse. */
export function jsonBody(request: FakeRequest): Checked<unknown> {
  switch (request.body.kind) {
    case "none":
      return { ok: true, value: undefined };
    case "invalid":
      return { ok: false, reply: invalidJson() };
    default:
      return { ok: true, value: request.body.value };
  }
}

/** The `:cartId` path parameter, or a 400 when it has characters outside the safe set. */
export function cartIdParam(request: FakeRequest): Checked<string> {
  const cartId = request.params.cartId ?? "";
  return SAFE_ID.test(cartId)
    ? { ok: true, value: cartId }
    : { ok: false, reply: unsafeCartId(cartId) };
}

/**
 * The customer behind `X-Moltin-Customer-Token`: `undefined` when the header is absent,
 * a 401 when it is unknown, garbled, expired or revoked.
 */
export function customerOfToken(
  request: FakeRequest,
  runtime: FakeRuntime,
): Checked<string | undefined> {
  const token = request.headers.get("x-moltin-customer-token");
  if (token === null) return { ok: true, value: undefined };
  const check = runtime.tokens.checkCustomerToken(token);
  return check.ok
    ? { ok: true, value: check.customerId }
    : { ok: false, reply: invalidCustomerToken(check.reason) };
}

/** Account management tokens are not modelled by the fake: a 403 when one is sent. */
export function refuseAccountToken(request: FakeRequest): FakeReply | undefined {
  return request.headers.has("ep-account-management-authentication-token")
    ? accountTokensUnsupported()
    : undefined;
}
