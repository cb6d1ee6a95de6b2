import { ElasticPathError } from "./ElasticPathError";
import { errorFromThrown, failureOf, type FailedResult } from "./fromResponse";

function isSdkResult(value: unknown): value is FailedResult & { request?: Request } {
  return (
    typeof value === "object" &&
    value !== null &&
    "response" in value &&
    value.response instanceof Response
  );
}

/** `GET /v2/carts/…`: what a storefront's own call was, when it does not name it. */
function requestName(request: Request | undefined, response: Response): string {
  const url = request?.url ?? response.url;
  if (!url) return "The Elastic Path request";
  const { pathname } = new URL(url);
  return request ? `${request.method} ${pathname}` : pathname;
}

/**
 * Turns what one of your own SDK calls returned or threw into this package's
 * `ElasticPathError`, with the sentences the hooks use: `"<action> failed with HTTP 404
 * (Not Found: …)."`, `"<action> failed: Elastic Path could not be reached."`, and so on, with
 * `status`, Elastic Path's `errors[]`, `retryable` and `retryAfterMs` filled in the same way.
 *
 * Give it the SDK's answer (`{ data, error, response }`, which the SDK resolves with on an
 * error status too) or whatever a call threw (a network failure, a refused client id).
 * `action` starts the sentence ("Loading the products"); without it, the request's method and
 * path do. An `ElasticPathError` comes back as it is. An answer that did not fail (a 2xx with
 * JSON) still gives an error, whose message says so, so a caller never gets `undefined`: check
 * `result.error` first, as in the example.
 *
 * @example
 * ```ts
 * const result = await getByContextAllProducts({ client });
 * if (result.error) throw toElasticPathError(result, "Loading the products");
 *
 * try {
 *   await getByContextAllProducts({ client });
 * } catch (thrown) {
 *   showToast(toElasticPathError(thrown, "Loading the products").message);
 * }
 * ```
 */
export function toElasticPathError(outcome: unknown, action?: string): ElasticPathError {
  if (outcome instanceof ElasticPathError) return outcome;
  if (!isSdkResult(outcome)) return errorFromThrown(action ?? "The Elastic Path request", outcome);
  const name = action ?? requestName(outcome.request, outcome.response);
  return (
    failureOf(name, outcome) ??
    new ElasticPathError(
      `${name} did not fail: Elastic Path answered HTTP ${outcome.response.status}.`,
      { cause: outcome.data },
    )
  );
}
