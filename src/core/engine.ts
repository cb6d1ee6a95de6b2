import { coordinatorFor, loadGuestCartMerge } from "./carts/associationCoordinator";
import { createAssociationLedger, type AssociationLedger } from "./carts/associationLedger";
import { forgetCartsOfEndedSessions } from "./carts/forgottenWithTheShopper";
import type { Scope } from "./carts/scope";
import { forgetEndedLogins } from "./session/loginCache";
import { localStorageAdapter, memoryAdapter, type StorageAdapter } from "./session/storage";

export type { Scope } from "./carts/scope";

/**
 * The association ledger, where the app's storage choice says: its own adapter, else
 * `localStorage` — or memory only when the app keeps sessions in storage of its own (for
 * privacy), so that nothing of a session goes to `localStorage` behind its back. A controlled
 * session (a server's cookie) keeps the record in `localStorage`, so a reload sends nothing again.
 */
export function ledgerFor(
  associationStorage: StorageAdapter | undefined,
  keepsSessionsElsewhere: boolean,
): AssociationLedger {
  return createAssociationLedger(
    associationStorage ??
      (keepsSessionsElsewhere ? memoryAdapter() : localStorageAdapter("_epcc_associated_carts")),
  );
}

/**
 * Starts one provider's engine; returns the stop. Each domain first subscribes to the end
 * of a session, to forget what it cached of that shopper — before the store first reads
 * storage, so that an expired stored session is cleaned up too; then the store follows
 * storage (other tabs) and expiry. With `guestCartOnLogin="merge"` the merge's code loads
 * now, so a merge at login waits for no download (a failed download is tried again, and
 * reported, by the merge itself).
 */
export function startEngine({ client, queryClient, store, ledger, guestCartOnLogin }: Scope) {
  const stops = [
    store.onShopperChange(forgetCartsOfEndedSessions(queryClient, coordinatorFor(client), ledger)),
    forgetEndedLogins(queryClient, store),
    store.mount(),
  ];
  if (guestCartOnLogin === "merge") loadGuestCartMerge().catch(() => {});
  return () => stops.forEach((stop) => stop());
}
