import { ElasticPathError, type ElasticPathErrorEntry } from "./ElasticPathError";

/** Elastic Path's `Retry-After` may be seconds or an HTTP date; we never wait longer than this. */
const MAX_RETRY_AFTER_MS = 30_000;

/** What the SDK's HTTP layer hands back for a non-2xx answer (ep-api-contract.md). */
interface FailedResult {
  error?: unknown;
  response: Response;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function readErrorEntries(body: unknown): ElasticPathErrorEntry[] {
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

/** Turns the SDK's `{ error, response }` for a 4xx/5xx into an `ElasticPathError`. */
function errorFromResponse(action: string, result: FailedResult): ElasticPathError {
  const { status, statusText } = result.response;
  const errors = readErrorEntries(result.error);
  const first = errors[0];
  const reason = first ? `${first.title}${first.detail ? `: ${first.detail}` : ""}` : statusText;
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

/** A request that never got an answer: `fetch` rejected (offline, DNS, CORS, reset). */
function errorFromNetworkFailure(action: string, cause: unknown): ElasticPathError {
  if (cause instanceof ElasticPathError) return cause;
  return new ElasticPathError(`${action} failed: Elastic Path could not be reached.`, {
    retryable: true,
    cause,
  });
}

/**
 * Awaits an SDK call: its answer when 2xx, else an `ElasticPathError` — for a network
 * failure (`fetch` rejected) as for an error status (the SDK does not throw on those).
 */
export async function answerOf<Result extends FailedResult>(
  action: string,
  call: Promise<Result>,
): Promise<Result> {
  const result = await call.catch((cause: unknown) => {
    throw errorFromNetworkFailure(action, cause);
  });
  if (!result.response.ok) throw errorFromResponse(action, result);
  return result;
}
