/**
 * The msw handlers every story lists in `parameters.msw.handlers`. They answer with the fake
 * Elastic Path of the story that sent the request: `loadDemo` creates a fresh fake for each
 * story, on an origin of its own, so a request still in flight from the previous story (a
 * retry, a background refetch) can never land in the next story's fake and its request log.
 */
import { getResponse, http, HttpResponse } from "msw";
import { createFakeElasticPath, type FakeElasticPath } from "../../src/testing";

/** `.test` never resolves: should msw ever be off, nothing reaches a real host. */
const FAKE_ORIGIN = /^https:\/\/story-\d+\.fake-elastic-path\.test$/;
const fakesByOrigin = new Map<string, FakeElasticPath>();
let storiesStarted = 0;

/** A new, empty fake for the story about to render. */
export function startFreshFake(): FakeElasticPath {
  storiesStarted += 1;
  const fake = createFakeElasticPath({
    baseUrl: `https://story-${storiesStarted}.fake-elastic-path.test`,
  });
  fakesByOrigin.set(fake.baseUrl, fake);
  return fake;
}

/** The story is over: whatever its app still sends gets a 503 from now on. */
export function retireFake(fake: FakeElasticPath): void {
  fakesByOrigin.delete(fake.baseUrl);
}

function errorAnswer(status: number, title: string, detail: string) {
  return HttpResponse.json({ errors: [{ status, title, detail }] }, { status });
}

export const fakeElasticPathHandlers = [
  http.all(/^https:\/\/story-\d+\.fake-elastic-path\.test\//, async ({ request }) => {
    const { origin } = new URL(request.url);
    const fake = FAKE_ORIGIN.test(origin) ? fakesByOrigin.get(origin) : undefined;
    if (!fake) {
      return errorAnswer(503, "Story over", "The story that sent this request has ended.");
    }
    const answer = await getResponse([...fake.handlers], request);
    return answer ?? errorAnswer(404, "Not Found", "The fake Elastic Path has no such endpoint.");
  }),
];
