/**
 * The fake's last handler: any request below `baseUrl` that no endpoint took (the catalog,
 * shipping groups). It is answered 404, as Elastic Path answers a path it does not know, and logged
 * marked `notImplemented`, so a test sees its storefront asked for something the fake lacks
 * instead of msw's "unhandled request" far from the code that sent it.
 */
import { http, HttpResponse, type HttpHandler } from "msw";
import { pathBelowBase, readBody, recordedBody, type FakeRuntime } from "./route";

/** After the fake's own handlers: any other request below its baseUrl. */
export function notImplementedHandler(runtime: FakeRuntime): HttpHandler {
  const base = runtime.baseUrl.replace(/\/$/, "");
  return http.all(`${base}/*`, async ({ request }) => {
    const generation = runtime.generation;
    const id = runtime.log.nextId();
    const startedAt = Date.now();
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const path = pathBelowBase(url.pathname, runtime.baseUrl);
    const body = recordedBody(await readBody(request));
    if (generation === runtime.generation) {
      runtime.log.add({
        id,
        endpoint: "not-implemented",
        notImplemented: true,
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries(request.headers),
        body,
        status: 404,
        startedAt,
        finishedAt: Date.now(),
      });
    }
    return HttpResponse.json(
      {
        errors: [
          {
            status: 404,
            title: "Not Found",
            detail: `The fake Elastic Path does not answer ${method} ${path}: it fakes the endpoints listed in fakeEndpoints only.`,
          },
        ],
      },
      { status: 404 },
    );
  });
}
