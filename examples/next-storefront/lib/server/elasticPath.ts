/**
 * The server's SDK client: the store's implicit token (the same public client id as the
 * browser's; no client secret), kept in this process's memory. Customer tokens are never
 * kept here: each request passes its own, from the shopper's cookie.
 */
import { createShopperClient, type Client } from "@epcc-sdk/sdks-shopper";
import { store } from "../store";
import { answerWithFake, FAKE_BASE_URL } from "./fakeElasticPath";

/** The base URL the server's requests go to: your store, or the in-process fake. */
export const upstreamBaseUrl = store.kind === "real" ? store.browserBaseUrl : FAKE_BASE_URL;

/** Sends a request to Elastic Path: over the network, or to the fake in this process. */
export const upstreamFetch = (request: Request): Promise<Response> =>
  store.kind === "real" ? fetch(request) : answerWithFake(request);

function memoryStorage() {
  let value: string | undefined;
  return {
    get: () => value,
    set: (next?: string) => {
      value = next;
    },
  };
}

const holder = globalThis as typeof globalThis & { __nextStorefrontClient?: Client };

export function serverClient(): Client {
  holder.__nextStorefrontClient ??= createShopperClient(
    { baseUrl: upstreamBaseUrl, fetch: upstreamFetch },
    { clientId: store.clientId, storage: memoryStorage() },
  ).client;
  return holder.__nextStorefrontClient;
}
