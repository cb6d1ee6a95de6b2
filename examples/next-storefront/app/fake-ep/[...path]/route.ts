/**
 * The fake Elastic Path over HTTP, for the browser, when no real store is configured: the
 * request goes to the fake's handlers in this process (see lib/server/fakeElasticPath.ts).
 * With a real store configured this route answers 404.
 */
import { answerWithFake, FAKE_BASE_URL } from "@/lib/server/fakeElasticPath";
import { forwardedRequest, passBack } from "@/lib/server/forward";
import { store } from "@/lib/store";

async function fake(request: Request, { params }: RouteContext<"/fake-ep/[...path]">) {
  if (store.kind !== "fake") return new Response(null, { status: 404 });
  const { path } = await params;
  const { search } = new URL(request.url);
  const target = `${FAKE_BASE_URL}/${path.map(encodeURIComponent).join("/")}${search}`;
  return passBack(await answerWithFake(await forwardedRequest(request, target)));
}

export { fake as GET, fake as POST, fake as PUT, fake as DELETE };
