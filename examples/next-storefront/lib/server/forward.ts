/** What the app's routes pass on to Elastic Path: the method, body and these headers only. */
const FORWARDED_HEADERS = ["accept", "authorization", "content-type", "x-moltin-customer-token"];

/**
 * A copy of `request` addressed to `url`, without the browser's cookies or anything else
 * Elastic Path does not need, and with `overrides` set.
 */
export async function forwardedRequest(
  request: Request,
  url: string,
  overrides: Record<string, string> = {},
): Promise<Request> {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(overrides)) headers.set(name, value);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new Request(url, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
  });
}

/** The upstream answer, as the browser may see it: status, body and content type. */
export async function passBack(response: Response): Promise<Response> {
  const headers = new Headers({ "cache-control": "no-store" });
  const type = response.headers.get("content-type");
  if (type) headers.set("content-type", type);
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter) headers.set("retry-after", retryAfter);
  const body = response.status === 204 ? null : await response.arrayBuffer();
  return new Response(body, { status: response.status, headers });
}
