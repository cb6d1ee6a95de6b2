import type { CartCollectionResponse, Client } from "@epcc-sdk/sdks-shopper";
import type { QueryClient } from "@tanstack/react-query";
import { ElasticPathError, type ElasticPathErrorEntry } from "../errors/ElasticPathError";
import { fnv1a, sessionIdentity, type Shopper, type ShopperKind } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import type { OwnerResult } from "./associateCart";
import type { AssociationLedger } from "./associationLedger";
import { cartListOptions } from "./cartLists";
import { cartKeys, type CartOwner } from "./cartOwner";
import { mergeCarts, mergeWasRefused } from "./mergeCarts";

// useMergeCarts loads the merge from here too: one chunk, loaded on first use.
export { mergeCarts, mergeWasRefused };

/**
 * What the automatic call does with the current (guest) cart at login: `"associate"` makes it
 * one more of the shopper's carts; `"merge"` copies its items into the shopper's most
 * recently updated cart, which becomes the current cart (when they have one).
 */
export type GuestCartOnLogin = "associate" | "merge";

/** The automatic call's result after a merge, of either kind (`customerId` or `accountId`). */
export type OwnerMergedResult<Kind extends ShopperKind = ShopperKind> = Kind extends ShopperKind
  ? {
      status: "merged";
      /** The shopper's cart that received the items, now the current cart. */
      cartId: string;
      /** The guest cart the items came from; Elastic Path leaves it as it was. */
      guestCartId: string;
      /** Elastic Path's entries for the items it could not copy; empty when all were. */
      itemErrors: ElasticPathErrorEntry[];
    } & { [Field in `${Kind}Id`]: string }
  : never;

/** What the automatic call settles with: an association's result or a merge's. */
export type AutomaticResult<Kind extends ShopperKind = ShopperKind> =
  OwnerResult<Kind> | OwnerMergedResult<Kind>;

/** Where a merge runs: one provider's client, caches, session and ledger. */
export interface MergeScope {
  client: Client;
  queryClient: QueryClient;
  store: SessionStore;
  ledger: AssociationLedger;
}

/** A merge's name in the ledger: a hash, so that what storage keeps after a logout names nobody. */
const mergeIdOf = (guestCartId: string, shopper: Shopper) =>
  fnv1a(`${guestCartId}\n${shopper.kind}:${shopper.id}`);

const THEIRS = Symbol("the guest cart is already the shopper's");

/**
 * The first page of the shopper's carts — the very query "My carts" loads (shared, not sent
 * twice) — and in it the cart to merge into: Elastic Path lists carts most recently updated
 * first. Also tells whether the "guest" cart is already theirs (listed on that page).
 */
async function findTarget(
  { client, queryClient, store }: MergeScope,
  owner: CartOwner,
  shopper: Shopper,
  guestCartId: string,
): Promise<string | typeof THEIRS | undefined> {
  const page: CartCollectionResponse = await queryClient.fetchQuery(
    cartListOptions(owner, {
      client,
      signedIn: shopper,
      onUnauthorized: () => store.signOutIfCurrent(shopper.token),
    }),
  );
  if (page.data.some((cart) => cart.id === guestCartId)) return THEIRS;
  return page.data[0]?.id;
}

function checkStillSignedIn(store: SessionStore, shopper: Shopper): void {
  if (store.latest().shopper?.token !== shopper.token) {
    throw new ElasticPathError(`The ${shopper.kind} signed out before the carts were merged.`);
  }
}

/**
 * The `"merge"` policy at login, exactly once per (guest cart, shopper): the shopper's most
 * recently updated cart receives the guest cart's items. Resolves to `undefined` when they
 * have no cart to merge into (the caller associates the guest cart instead).
 *
 * Exactly once: the merge is written to the ledger (kept in storage, read by every tab under
 * the caller's Web Lock) before it is sent, and comes off it only when Elastic Path refused
 * it (a 4xx: nothing was copied). After a 5xx or a network failure it stays: whether the
 * items were copied is unknown, so it is never sent again — by a retry, a re-mount, a reload,
 * another tab or a later login — and the caches of the shopper's carts are read again.
 */
export async function mergeGuestCart(
  scope: MergeScope,
  owner: CartOwner,
  shopper: Shopper,
  guestCartId: string,
): Promise<AutomaticResult | undefined> {
  const { client, queryClient, store, ledger } = scope;
  const ownerId = { [`${owner.kind}Id`]: shopper.id };
  const mergeId = mergeIdOf(guestCartId, shopper);
  if (ledger.merges.has(mergeId)) {
    throw new ElasticPathError(
      `This guest cart was merged into the ${shopper.kind}'s cart before (or its merge went unanswered), so it is not merged again: that would add every quantity twice.`,
    );
  }
  const target = await findTarget(scope, owner, shopper, guestCartId);
  if (target === undefined) return undefined;
  if (target === THEIRS) {
    return { status: "already-associated", cartId: guestCartId, ...ownerId } as AutomaticResult;
  }
  checkStillSignedIn(store, shopper);

  ledger.merges.add(mergeId);
  try {
    const { itemErrors } = await mergeCarts(
      client,
      { targetCartId: target, sourceCartId: guestCartId },
      { [owner.tokenHeader]: shopper.token },
    );
    // The target is theirs already: for this session it counts as associated, so making it
    // the current cart sends nothing (nor does the guest cart, which is not to become theirs).
    const sessionId = sessionIdentity(shopper);
    ledger.add(sessionId, target);
    ledger.add(sessionId, guestCartId);
    return {
      status: "merged",
      cartId: target,
      guestCartId,
      itemErrors,
      ...ownerId,
    } as AutomaticResult;
  } catch (error) {
    if (mergeWasRefused(error)) ledger.merges.delete(mergeId);
    else readCartsAgain(queryClient, owner, shopper, target);
    store.signOutOnUnauthorized(error, shopper.token);
    throw error;
  }
}

/** After a merge whose outcome is unknown: what the caches show of the shopper's carts is read again. */
function readCartsAgain(
  queryClient: QueryClient,
  owner: CartOwner,
  shopper: Shopper,
  target: string,
): void {
  void queryClient.invalidateQueries({ queryKey: cartKeys.cart(target), exact: true });
  void queryClient.invalidateQueries({ queryKey: cartKeys.owner(owner.kind, shopper.id) });
}

/**
 * After a merge: the target becomes the current cart (unless the shopper or the cart changed
 * meanwhile), and its cached copy and the shopper's lists (its totals, the order) are read
 * again; resolves once they are.
 */
export async function reflectMerge(
  queryClient: QueryClient,
  store: SessionStore,
  owner: CartOwner,
  shopper: Shopper,
  result: OwnerMergedResult,
): Promise<void> {
  const now = store.latest();
  if (now.shopper?.token !== shopper.token) return;
  if (now.cartId === result.guestCartId) store.setCartId(result.cartId);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: cartKeys.cart(result.cartId), exact: true }),
    queryClient.invalidateQueries({ queryKey: cartKeys.owner(owner.kind, shopper.id) }),
  ]);
}
