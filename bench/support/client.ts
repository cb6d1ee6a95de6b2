import { createShopperClient } from "@epcc-sdk/sdks-shopper";
import type { FakeElasticPath } from "../../src/testing";

export type ShopperClient = ReturnType<typeof createShopperClient>["client"];

/**
 * A browser-like shopper client on the fake: the SDK fetches its implicit token itself and
 * keeps it in memory, so two runs never share a token through `localStorage`.
 */
export function createBenchClient(fake: FakeElasticPath): ShopperClient {
  let token: string | undefined;
  const storage = {
    get: () => token,
    set: (value?: string) => {
      token = value;
    },
  };
  return createShopperClient({ baseUrl: fake.baseUrl }, { clientId: fake.clientId, storage })
    .client;
}
