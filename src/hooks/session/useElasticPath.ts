"use client";
import type { Client } from "@epcc-sdk/sdks-shopper";
import { useElasticPathContext } from "../internal/context";

/**
 * The SDK client from the nearest `ElasticPathProvider`, for calling the SDK's generated
 * functions yourself.
 *
 * @example
 * ```tsx
 * const { client } = useElasticPath();
 * const cart = useQuery(getACartOptions({ client, path: { cartID: cartId } }));
 * ```
 */
export function useElasticPath(): { client: Client } {
  const { client } = useElasticPathContext("useElasticPath");
  return { client };
}
