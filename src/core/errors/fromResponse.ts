import { ElasticPathError, type ElasticPathErrorEntry } from "./ElasticPathError";

/** Elastic Path's `Retry-After` may be seconds or an HTTP date; we never wait longer than this. */
const MAX_RETRY_AFTER_MS = 30_000;

/** What the SDK's client (`@hey-api/client-fetch`) resolves to: `data` on a 2xx, `error` otherwise. */
export interface FailedResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Elastic Path's `errors[]` entries in a body, as far as they are readable. */
export function readErrorEntries(body: unknown): ElasticPathErrorEntry[] {
  if (!isRecord(body) || !Array.isArray(body.errors)) return [];
  return body.errors.filter(isRecord).map((entry) => ({
    status:
      typeof entry.status === "number" || typeof entry.status === "string"
        ? entry.status
        : undefined,
    title: typeof entry.title === "string" ? entry.title : "Error",
    detail: typeof entry.detail === "string" ? entry.detail : undefined,
  }));
}

/** `Retry-After` in seconds or as an HTTP date, capped at 30 s; undefined when absent or unreadable. */
function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** `Title: detail` of Elastic Path's first error entry, without a final period (the message adds one). */
function reasonOf(errors: ElasticPathErrorEntry[], fallback: string): string {
  const first = errors[0];
  const reason = first ? `${first.title}${first.detail ? `: ${first.detail}` : ""}` : fallback;
  return reason.trim().replace(/[.\s]+$/, "");
}

/** Turns the SDK's `{ error, response }` for a 4xx/5xx into an `ElasticPathError`. */
export function errorFromResponse(action: string, result: FailedResult): ElasticPathError {
  const { status, statusText } = result.response;
  const errors = readErrorEntries(result.error);
  const reason = reasonOf(errors, statusText);
  return new ElasticPathError(
    `${action} failed with HTTP ${status}${reason ? ` (${reason})` : ""}.`,
    {
      status,
      errors,
      retryable: isRetryableStatus(status),
      retryAfterMs:
        status === 429 ? parseRetryAfter(result.response.headers.get("Retry-After")) : undefined,
      cause: result.error,
    },
  );
}

/**
 * The SDK's own token providers (`createShopperClient`'s implicit one and the older
 * interceptor) throw a plain `Error` with this text whenever `POST /oauth/access_token`
 * answers with an error status, and never say which: see `auth/token-providers` in
 * `@epcc-sdk/sdks-shopper` 0.3. A network failure there rejects with a `TypeError` instead.
 */
const TOKEN_REFUSED = /Failed to get access token$/;

/** A failure that would happen again: not retried. */
const final = (message: string, cause: unknown) =>
  new ElasticPathError(message, { retryable: false, cause });

/**
 * What the SDK threw instead of answering, as a sentence that says what happened. The
 * token and network cases are the common ones: a storefront with a wrong client id (or
 * a base URL that is not an Elastic Path API host) meets the first on its first request.
 */
export function errorFromThrown(action: string, cause: unknown): ElasticPathError {
  if (cause instanceof ElasticPathError) return cause;
  // Mostly a 401 for an unknown client id. The SDK hides the status, so a rare 429 or 5xx
  // reads the same; not retried either way: the SDK asks again with the next request.
  if (cause instanceof Error && TOKEN_REFUSED.test(cause.message)) {
    return final(
      `${action} failed: the store refused this storefront's client id (check clientId and baseUrl in createShopperClient).`,
      cause,
    );
  }
  // `fetch` rejected: Elastic Path was never heard from (offline, DNS, CORS, a reset).
  if (cause instanceof TypeError) {
    return new ElasticPathError(`${action} failed: Elastic Path could not be reached.`, {
      retryable: true,
      cause,
    });
  }
  if (isRecord(cause) && cause.name === "AbortError")
    return final(`${action} was cancelled.`, cause);
  if (cause instanceof SyntaxError) {
    return final(`${action} failed: Elastic Path's answer is not valid JSON.`, cause);
  }
  const errors = readErrorEntries(cause);
  if (errors.length > 0) {
    // An error body thrown as is: the client was made with `throwOnError`, or a custom
    // token provider rethrew Elastic Path's answer. Which request it answered is unknown,
    // so no `status`: a 401 here must not read as the customer's token being refused.
    // The entry's own status is a number on cart endpoints, a string on auth ones.
    const status = Number(errors[0]!.status) || 0;
    return new ElasticPathError(
      `${action} failed: Elastic Path refused it${status ? ` with HTTP ${status}` : ""} (${reasonOf(errors, "")}).`,
      { errors, retryable: isRetryableStatus(status), cause },
    );
  }
  return final(`${action} failed: the SDK client threw (see cause).`, cause);
}

/**
 * Awaits an SDK call: its answer when 2xx, else an `ElasticPathError` — for an error status
 * (the SDK does not throw on those) as for whatever the SDK threw: a network failure, a
 * refused client id, a body that is not JSON.
 */
export async function answerOf<Result extends FailedResult>(
  action: string,
  call: Promise<Result>,
): Promise<Result> {
  const result = await call.catch((cause: unknown) => {
    throw errorFromThrown(action, cause);
  });
  const failure = failureOf(action, result);
  if (failure) throw failure;
  return result;
}

/** The error in an answer the SDK resolved with, or `undefined` when it is a usable 2xx. */
export function failureOf(action: string, result: FailedResult): ElasticPathError | undefined {
  const { status, headers, ok } = result.response;
  if (!ok) return errorFromResponse(action, result);
  // Elastic Path answers JSON; anything else on a 2xx came from another host (a wrong baseUrl).
  const type = headers.get("Content-Type") ?? "no content type";
  if (status !== 204 && headers.get("Content-Length") !== "0" && !/json/i.test(type)) {
    return final(
      `${action} failed: the answer is ${type}, not JSON; is baseUrl an Elastic Path API host?`,
      result.data,
    );
  }
  return undefined;
}
