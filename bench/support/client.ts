import { configureClient, createShopperClient } from "@epcc-sdk/sdks-shopper";
import type { FakeElasticPath } from "../../src/testing";

export type ShopperClient = ReturnType<typeof createShopperClient>["client"];

/**
 * A browser-like shopper client on the fake: the SDK fetches its implicit token itself and
 * keeps it in memory, so two runs never share a token through `localStorage`.
 */
export function createBenchClient(
  fake: FakeElasticPath,
  { singleton = false } = {},
): ShopperClient {
  let token: string | undefined;
  const storage = {
    get: () => token,
    set: (value?: string) => {
      token = value;
    },
  };
  // `singleton`: the SDK's own client, configured as an app does (`configureClient`): what its
  // `initializeCart()` sends with, as it takes no client.
  return (singleton ? configureClient : createShopperClient)(
    { baseUrl: fake.baseUrl },
    { clientId: fake.clientId, storage },
  ).client;
}
