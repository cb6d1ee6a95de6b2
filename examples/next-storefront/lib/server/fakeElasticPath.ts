/**
 * The fake Elastic Path of epcc-react-hooks/testing, run by this app's server when no real
 * store is configured: one in-memory store per server process, answered in-process for the
 * server's own requests (login, prefetching) and over HTTP at `/fake-ep` for the browser's.
 *
 * Why on the server and not in an msw worker in the browser: a worker's fake lives in the
 * page's memory, so every full page load (a reload, the redirect after the server-side
 * login) would start an empty store, and the server, which logs shoppers in and prefetches
 * "My carts", could not see the carts the browser made. One fake that both sides reach
 * keeps a single store, as a real Elastic Path is.
 */
import { createFakeElasticPath, type FakeElasticPath } from "epcc-react-hooks/testing";
import { getResponse } from "msw";
import { DEMO_SHOPPERS, FAKE_CLIENT_ID } from "../store";

/** Where the fake believes it is; `.invalid` never resolves, so nothing can reach it by mistake. */
export const FAKE_BASE_URL = "https://fake-elastic-path.invalid";

function createDemoStore(): FakeElasticPath {
  const fake = createFakeElasticPath({ baseUrl: FAKE_BASE_URL, clientId: FAKE_CLIENT_ID });
  for (const shopper of DEMO_SHOPPERS) {
    const customer = fake.seedCustomer(shopper);
    // Something already saved to the account, so "My carts" is not empty before the login.
    fake.seedCart({
      name: "Saved for later",
      customerIds: [customer.id],
      items: [{ name: "Enamel mug", sku: "enamel-mug", quantity: 1, amount: 1500 }],
    });
  }
  return fake;
}

// On globalThis: Next.js may load this module once per route bundle, and every route must
// see the same store.
const holder = globalThis as typeof globalThis & { __nextStorefrontFake?: FakeElasticPath };

function demoStore(): FakeElasticPath {
  holder.__nextStorefrontFake ??= createDemoStore();
  return holder.__nextStorefrontFake;
}

/**
 * Answers a request to `FAKE_BASE_URL` with the fake's msw handlers (msw's `getResponse`
 * runs them without intercepting anything), with Elastic Path's 404 shape for the rest.
 */
export async function answerWithFake(request: Request): Promise<Response> {
  const response = await getResponse([...demoStore().handlers], request);
  if (response) return response;
  const { pathname } = new URL(request.url);
  return Response.json(
    {
      errors: [
        {
          status: 404,
          title: "Not Found",
          detail: `The fake Elastic Path has no ${request.method} ${pathname}.`,
        },
      ],
    },
    { status: 404 },
  );
}
