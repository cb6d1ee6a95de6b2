import { ElasticPathError } from "./ElasticPathError";

/** Retries after a transient failure; the first try is not counted. */
export const MAX_RETRIES = 3;
const MAX_BACKOFF_MS = 30_000;

/**
 * Retry only what may succeed when sent again: network failures, 429 and 5xx — never a
 * 400/401/403/422, which would fail the same way (public-api.md, Retries).
 */
export function retryTransientFailures(failureCount: number, error: unknown): boolean {
  return error instanceof ElasticPathError && error.retryable && failureCount < MAX_RETRIES;
}

/** A query's `retry` setting, as TanStack takes it. */
export type RetrySetting =
  boolean | number | ((failureCount: number, error: ElasticPathError) => boolean);
/** TanStack's own default for queries in a browser. */
const DEFAULT_QUERY_RETRIES = 3;

/**
 * The app's retry setting for a query (the hook's `retry`, else the QueryClient's default),
 * except that a failure which would fail the same way again (a 4xx, rejected input) is
 * never retried, whatever that setting says.
 */
export function retryOnlyTransient(
  setting: RetrySetting | undefined,
): (failureCount: number, error: ElasticPathError) => boolean {
  return (failureCount, error) => {
    if (!(error instanceof ElasticPathError && error.retryable)) return false;
    if (typeof setting === "function") return setting(failureCount, error);
    if (typeof setting === "boolean") return setting;
    return failureCount < (setting ?? DEFAULT_QUERY_RETRIES);
  };
}

const backoff = (failureCount: number) => Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS);

/** A query's `retryDelay` setting, as TanStack takes it. */
export type RetryDelaySetting =
  number | ((failureCount: number, error: ElasticPathError) => number);

/**
 * The app's delay between a query's retries (the QueryClient's default, else TanStack's
 * backoff, which is ours), except after a 429: Elastic Path said how long to wait, and
 * asking sooner only meets another 429.
 */
export function retryDelayOrRetryAfter(
  setting: RetryDelaySetting | undefined,
): (failureCount: number, error: ElasticPathError) => number {
  return (failureCount, error) => {
    if (error instanceof ElasticPathError && error.retryAfterMs !== undefined) {
      return error.retryAfterMs;
    }
    if (typeof setting === "function") return setting(failureCount, error);
    return setting ?? backoff(failureCount);
  };
}

/** Waits what `Retry-After` asked for, else exponential backoff (1 s, 2 s, 4 s … capped at 30 s). */
export const retryDelayFor = retryDelayOrRetryAfter(undefined);
