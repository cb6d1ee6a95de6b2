import type { QueryClient } from "@tanstack/react-query";
import type { Shopper, ShopperKind } from "../session/sessionKind";
import { cartKeys } from "./cartOwner";

/**
 * The key of a mutation a hook makes by hand for the signed-in shopper: under their lists'
 * key, so that it leaves the mutation cache with their session (`forgetMutationsOf`).
 */
export const byHandKey = (kind: ShopperKind, shopper: Shopper | undefined, name: string) =>
  [...cartKeys.owner(kind, shopper?.kind === kind ? shopper.id : null), "by-hand", name] as const;

/** Removes every mutation made for the shopper: what they did must not outlive their session. */
export function forgetMutationsOf(queryClient: QueryClient, shopper: Shopper): void {
  const mutationCache = queryClient.getMutationCache();
  mutationCache
    .findAll({ mutationKey: cartKeys.owner(shopper.kind, shopper.id) })
    .forEach((mutation) => mutationCache.remove(mutation));
}
