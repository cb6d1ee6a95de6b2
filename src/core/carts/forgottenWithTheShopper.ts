import type { QueryClient } from "@tanstack/react-query";
import type { AssociationCoordinator } from "./associationCoordinator";
import type { AssociationLedger } from "./associationLedger";
import type { Shopper } from "../session/sessionKind";
import { associationKeys, cartKeys } from "../keys";

/**
 * Removes every mutation made for the shopper — by hand, and the automatic associations: what
 * they did must not outlive their session.
 */
export function forgetMutationsOf(queryClient: QueryClient, { kind, id }: Shopper): void {
  const mutationCache = queryClient.getMutationCache();
  for (const mutationKey of [cartKeys.owner(kind, id), associationKeys.owner(kind, id)]) {
    mutationCache.findAll({ mutationKey }).forEach((mutation) => mutationCache.remove(mutation));
  }
}

/**
 * What the carts domain does when the shopper changes: nothing cached for a shopper whose
 * session ended can be read afterwards, nor written by a late answer; a shopper who logged in
 * again has their lists (perhaps loaded, or refused, with the old token) loaded anew.
 */
export function forgetCartsOfEndedSessions(
  queryClient: QueryClient,
  coordinator: AssociationCoordinator,
  ledger: AssociationLedger,
) {
  return (previous: Shopper | undefined, current: Shopper | undefined): void => {
    if (!previous) return;
    const queryKey = cartKeys.owner(previous.kind, previous.id);
    if (current?.kind === previous.kind && current.id === previous.id) {
      // Cancel first: invalidateQueries leaves a first load (no data yet) running.
      void queryClient
        .cancelQueries({ queryKey })
        .then(() => queryClient.invalidateQueries({ queryKey }));
      return;
    }
    void queryClient.cancelQueries({ queryKey });
    queryClient.removeQueries({ queryKey });
    forgetMutationsOf(queryClient, previous);
    if (current === undefined) coordinator.forget(ledger);
  };
}
