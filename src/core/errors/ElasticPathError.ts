/** One entry of Elastic Path's `errors[]`; `status` is a number on cart endpoints and a string on auth ones. */
export interface ElasticPathErrorEntry {
  status?: number | string;
  title: string;
  detail?: string;
}

export interface ElasticPathErrorOptions {
  status?: number;
  errors?: ElasticPathErrorEntry[];
  retryable?: boolean;
  /** From `Retry-After`, already capped; the retry policy waits this long. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Every failure this package reports: an HTTP error from Elastic Path, a network failure,
 * or input rejected before any request. Messages are sentences a UI can show; they never
 * contain a token.
 *
 * @example
 * ```tsx
 * const login = useCustomerLogin();
 * if (login.error?.status === 401) return <p>Wrong email or password.</p>;
 * if (login.error) return <p>{login.error.message}</p>;
 * ```
 */
export class ElasticPathError extends Error {
  override readonly name = "ElasticPathError";
  // The fields below are `declare`d: the constructor sets each, and a class field would add
  // its own (undefined) definition before it, in every bundle.
  /**
   * The HTTP status of the request that failed; absent when it got no answer the package
   * could read (a network failure, a refused client id, a body that is not JSON) and for
   * rejected input.
   */
  declare readonly status?: number;
  /** Elastic Path's own error entries, as it sent them (empty when it sent none). */
  declare readonly errors: ElasticPathErrorEntry[];
  /** Whether sending the same request again may succeed (network failure, 429, 5xx). */
  declare readonly retryable: boolean;
  /** How long Elastic Path asked us to wait before retrying (`Retry-After`), in ms. */
  declare readonly retryAfterMs?: number;

  constructor(message: string, options: ElasticPathErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.errors = options.errors ?? [];
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Input rejected before any request: names the field and says what is wrong. */
export function invalidInput(message: string): ElasticPathError {
  return new ElasticPathError(message);
}
