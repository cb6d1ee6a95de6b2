import { ElasticPathError } from "./ElasticPathError";

/**
 * The package's one retry rule, the default of every hook that sends a request (the
 * association, its mirror, the lists), whatever the QueryClient's defaults say; a hook's own
 * `retry` / `retryDelay` replace it. Logins are never retried.
 */

/** Retries after a transient failure; the first try is not counted. */
export const MAX_RETRIES = 3;
const MAX_BACKOFF_MS = 30_000;

/**
 * Retry only what may succeed when sent again: network failures, 429 and 5xx — never a
 * 400/401/403/422, which would fail the same way.
 */
export function retryTransientFailures(failureCount: number, error: unknown): boolean {
  return error instanceof ElasticPathError && error.retryable && failureCount < MAX_RETRIES;
}

/** A `retryDelay` setting, as TanStack takes it. */
export type RetryDelaySetting =
  number | ((failureCount: number, error: ElasticPathError) => number);

/**
 * Waits what `Retry-After` asked for after a 429 (asking sooner only meets another 429),
 * else backs off exponentially: 1 s, 2 s, 4 s … capped at 30 s.
 */
export function retryDelayFor(failureCount: number, error: unknown): number {
  if (error instanceof ElasticPathError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs;
  }
  return Math.min(1000 * 2 ** failureCount, MAX_BACKOFF_MS);
}
