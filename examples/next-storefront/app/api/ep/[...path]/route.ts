/**
 * The customer's requests in the server-login storefront: the browser sends them here with
 * the session's handle in `X-Moltin-Customer-Token`, and they go on to Elastic Path with the
 * customer token from the httpOnly cookie in its place. Only Elastic Path's API is reached
 * (`/v2/...` on the configured store), and only with the token of the cookie's own session.
 */
import { readStoredSession } from "@/lib/server/cookieSession";
import { upstreamBaseUrl, upstreamFetch } from "@/lib/server/elasticPath";
import { forwardedRequest, passBack } from "@/lib/server/forward";

const CUSTOMER_TOKEN = "x-moltin-customer-token";

function unauthorized(detail: string): Response {
  return Response.json(
    { errors: [{ status: 401, title: "Unauthorized", detail }] },
    { status: 401, headers: { "cache-control": "no-store" } },
  );
}

async function relay(request: Request, { params }: RouteContext<"/api/ep/[...path]">) {
  const { path } = await params;
  if (path[0] !== "v2") {
    return Response.json({ errors: [{ status: 404, title: "Not Found" }] }, { status: 404 });
  }
  const stored = await readStoredSession();
  if (!stored) return unauthorized("The session is over: log in again.");
  // The handle must be this cookie's own: a request made for another (older) session must
  // fail as Elastic Path fails a stale token, so the package signs that session out.
  if (request.headers.get(CUSTOMER_TOKEN) !== stored.handle) {
    return unauthorized("This request does not belong to the current session.");
  }
  const { search } = new URL(request.url);
  const target = `${upstreamBaseUrl}/${path.map(encodeURIComponent).join("/")}${search}`;
  const upstream = await upstreamFetch(
    await forwardedRequest(request, target, { [CUSTOMER_TOKEN]: stored.token }),
  );
  return passBack(upstream);
}

export { relay as GET, relay as POST, relay as PUT, relay as DELETE };
