import type { CartCollectionResponse, CartResponse } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import { isCancelledError, type Query, type QueryClient } from "@tanstack/react-query";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { fnv1a, sessionIdentity, type Shopper } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import type { Scope } from "./scope";
import type { AutomaticResult } from "./associateCart";
import { isFirstPage, mapPages, pagesOf, type CartListData } from "./cartListEdits";
import { cartListOptions } from "./cartLists";
import type { ShopperKindDescriptor } from "../session/sessionKind";
import { cartKeys } from "../keys";
import { mergeCarts, isRefusal, sendMerge, type MergedCartChanges } from "./mergeCarts";
import { mergeRecord } from "./mergeRecord";
import type { CartContents } from "./cartEntry";

// useMergeCarts loads the merge from here too: one chunk, loaded on first use.
export { mergeCarts, isRefusal };

/** A merge's name in the ledger: a hash, so that what storage keeps after a logout names nobody. */
const mergeIdOf = (guestCartId: string, shopper: Shopper) =>
  fnv1a(`${guestCartId}\n${shopper.kind}:${shopper.id}`);

const THEIRS = Symbol("the guest cart is already the shopper's");

/** A list query's first page, when it is one that starts at the top (offset 0). */
function firstPageOf(query: Query): CartCollectionResponse | undefined {
  const data = query.state.data as CartListData | undefined;
  return data && isFirstPage(query) ? pagesOf(data)[0] : undefined;
}

/**
 * The first page of the shopper's carts. A list that "My carts" loaded in this session or is
 * loading now (paged or infinite) will do; else the default page is fetched — the query
 * `useCustomerCarts()` / `useAccountCarts()` load, so a "My carts" mounted later shares it.
 * That fetch is cancelled when a "My carts" that joined it unmounts: it is asked again then.
 */
async function firstPageOfCarts(
  { client, queryClient, store }: Scope,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
): Promise<CartCollectionResponse> {
  const lists = cartKeys.owner(owner.kind, shopper.id);
  await queryClient.refetchQueries(
    { queryKey: lists, fetchStatus: "fetching" },
    { cancelRefetch: false },
  );
  const loaded = queryClient
    .getQueryCache()
    .findAll({ queryKey: lists, predicate: (query) => !query.state.isInvalidated })
    .map(firstPageOf)
    .find((page) => page !== undefined);
  if (loaded) return loaded;
  const options = cartListOptions(owner, {
    client,
    signedIn: shopper,
    onUnauthorized: () => store.signOutIfCurrent(shopper.token),
  });
  for (let attempt = 1; ; attempt += 1) {
    // A lookup cancelled because the session ended is not asked again: nothing of the
    // shopper's may be cached after they left.
    checkStillSignedIn(store, shopper);
    try {
      // Not retried here: the automatic call retries as a whole, by the hook's rule.
      return await queryClient.fetchQuery({ ...options, retry: false });
    } catch (error) {
      if (!isCancelledError(error) || attempt === 3) throw error;
    }
  }
}

type Ownership = "guest" | "theirs" | "another's";

/**
 * Whether the current cart is a guest cart — no customer, no account — as the cart itself
 * says (`relationships`, Carts API "Get a Cart"): "My carts" lists 100 at most per page, and
 * a cart kept on the device across a logout (`keepCartOnLogout`) may be someone else's. The
 * copy a cart badge cached will do (ownership does not change at login); else it is read
 * with the shopper's token, beside the list. A cart that cannot be read is not theirs to merge.
 */
async function ownershipOf(
  { client, queryClient }: Scope,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
  cartId: string,
): Promise<Ownership> {
  // Read here, not through cartEntry.ts: this chunk loads on demand, and what it shares with the
  // code loaded at start is carried at start.
  let cart = queryClient.getQueryData<CartContents>(cartKeys.cart(cartId))?.cart;
  if (!cart) {
    try {
      const { data } = await answerOf(
        "Loading the cart",
        sdk.getACart({
          client,
          path: { cartID: cartId },
          headers: { [owner.tokenHeader]: shopper.token },
        }),
      );
      cart = data!.data;
    } catch (error) {
      const { status } = error as ElasticPathError;
      if (isRefusal(error) && status !== 429 && status !== 401) return "another's";
      throw error;
    }
  }
  const related = (relation: unknown) =>
    ((relation as { data?: Array<{ id?: string }> } | undefined)?.data ?? []).map(({ id }) => id);
  const customers = related(cart?.relationships?.customers);
  const accounts = related(cart?.relationships?.accounts);
  if ((owner.kind === "customer" ? customers : accounts).includes(shopper.id)) return "theirs";
  return customers.length + accounts.length === 0 ? "guest" : "another's";
}

/**
 * The cart to merge the guest cart into: the shopper's most recently updated one (Elastic
 * Path lists carts that way), or undefined when there is none, or when the current cart is
 * not a guest cart (another shopper's, kept on the device): that one is associated as with
 * `"associate"`. THEIRS when it is the shopper's already.
 */
async function findTarget(
  scope: Scope,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
  guestCartId: string,
): Promise<string | typeof THEIRS | undefined> {
  const [page, ownership] = await Promise.allSettled([
    firstPageOfCarts(scope, owner, shopper),
    ownershipOf(scope, owner, shopper, guestCartId),
  ]);
  if (page.status === "rejected" || ownership.status === "rejected") {
    // Both are waited for: a 401 (the token was refused) wins, then any final failure, over a
    // transient one (a 429 on the other): else the call is tried again, token and all.
    const reasons = [page, ownership].flatMap((lookup) =>
      lookup.status === "rejected" ? [lookup.reason as unknown] : [],
    );
    const status = (reason: unknown) => (reason as ElasticPathError | null)?.status;
    throw (
      reasons.find((reason) => status(reason) === 401) ??
      reasons.find((reason) => !(reason as ElasticPathError).retryable) ??
      reasons[0]
    );
  }
  if (ownership.value === "theirs" || page.value.data.some((cart) => cart.id === guestCartId)) {
    return THEIRS;
  }
  if (ownership.value === "another's") return undefined;
  return page.value.data[0]?.id;
}

function checkStillSignedIn(store: SessionStore, shopper: Shopper): void {
  if (!store.isCurrent(shopper)) {
    throw new ElasticPathError(`The ${shopper.kind} signed out before the carts were merged.`);
  }
}

/** What the attempts of one automatic call share: the error of a merge that went unanswered. */
export interface MergeAttempts {
  unanswered?: ElasticPathError;
}

/**
 * The `"merge"` policy at login, exactly once per (guest cart, shopper): the shopper's most
 * recently updated cart receives the guest cart's items. Resolves to `undefined` when they
 * have no cart to merge into (the caller associates the guest cart instead).
 *
 * Exactly once: the merge is claimed in the merge record (kept in storage, read by every tab
 * under the caller's Web Lock) before it is sent, and comes off it only when Elastic Path
 * refused it (a 4xx: nothing was copied). After a 5xx or a network failure it stays: whether
 * the items were copied is unknown, so it is never sent again — by a re-mount, a reload,
 * another tab or a later login, nor by the next of this call's `attempts`, whatever the
 * caller's `retry` says: its error stands — and the caches of the shopper's carts are read again.
 */
export async function mergeAtLogin(
  scope: Scope,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
  guestCartId: string,
  attempts: MergeAttempts,
): Promise<AutomaticResult | undefined> {
  if (attempts.unanswered) throw attempts.unanswered;
  const mergeId = mergeIdOf(guestCartId, shopper);
  // A merge of this pair still in the air in this page (an ended session's) settles first:
  // whether this one may be sent depends on its answer.
  await mergeRecord.settled(mergeId);
  // A session that ended meanwhile claims nothing: else the shopper's next session, waiting
  // on the same merge, finds it claimed and never merges (npm run explore, seed 549755140).
  checkStillSignedIn(scope.store, shopper);
  // Claimed before anything else is awaited: a tab without Web Locks that starts at the same
  // moment finds it taken.
  if (!mergeRecord.claim(mergeId)) {
    throw new ElasticPathError(
      `This guest cart was merged into the ${shopper.kind}'s cart before (or its merge went unanswered), so it is not merged again: that would add every quantity twice.`,
    );
  }
  // Until it settles, a later session of this shopper in this page waits for it (above).
  const claimed = mergeClaimed(scope, owner, shopper, guestCartId, mergeId);
  mergeRecord.track(mergeId, claimed);
  try {
    return await claimed;
  } catch (error) {
    if (error instanceof ElasticPathError && !error.retryable && !isRefusal(error)) {
      attempts.unanswered = error;
    }
    throw error;
  }
}

/** `mergeAtLogin` once the merge is claimed: the lookup, then the merge itself. */
async function mergeClaimed(
  scope: Scope,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
  guestCartId: string,
  mergeId: string,
): Promise<AutomaticResult | undefined> {
  const { client, queryClient, store, ledger } = scope;
  const ownerId = { [`${owner.kind}Id`]: shopper.id };
  let target: string | typeof THEIRS | undefined;
  try {
    target = await store.signOutOn401(
      shopper.token,
      findTarget(scope, owner, shopper, guestCartId),
    );
    if (target !== undefined && target !== THEIRS) checkStillSignedIn(store, shopper);
  } catch (error) {
    mergeRecord.release(mergeId);
    throw error;
  }
  if (target === undefined || target === THEIRS) {
    // Nothing to merge: the claim goes, so that a later login may merge this cart.
    mergeRecord.release(mergeId);
    if (target === undefined) return undefined;
    return { status: "already-associated", cartId: guestCartId, ...ownerId } as AutomaticResult;
  }

  try {
    const { result, changes } = await store.signOutOn401(
      shopper.token,
      sendMerge(
        client,
        { targetCartId: target, sourceCartId: guestCartId },
        { [owner.tokenHeader]: shopper.token },
      ),
    );
    const { itemErrors } = result;
    // Not after a logout: nothing of the shopper's may be written once they left.
    if (store.isCurrent(shopper)) {
      // The target is theirs already: for this session it counts as associated, so making it
      // the current cart sends nothing (nor does the guest cart, which is not to become theirs).
      const sessionId = sessionIdentity(shopper);
      ledger.add(sessionId, target);
      ledger.add(sessionId, guestCartId);
      showMergedCart(queryClient, owner, shopper, target, changes);
    }
    return {
      status: "merged",
      cartId: target,
      guestCartId,
      itemErrors,
      ...ownerId,
    } as AutomaticResult;
  } catch (error) {
    if (isRefusal(error)) mergeRecord.release(mergeId);
    else readCartsAgain(queryClient, owner, shopper, target);
    throw error;
  }
}

/** After a merge whose outcome is unknown: what the caches show of the shopper's carts is read again. */
function readCartsAgain(
  queryClient: QueryClient,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
  target: string,
): void {
  void queryClient.invalidateQueries({ queryKey: cartKeys.cart(target), exact: true });
  void queryClient.invalidateQueries({ queryKey: cartKeys.owner(owner.kind, shopper.id) });
}

/**
 * After a merge: the target's totals, timestamps and items from Elastic Path's answer go
 * into its cached copy and into the shopper's lists at once — the set of carts did not
 * change, and the merged-into cart, now the most recently updated, is first already — so
 * nothing is asked again; the lists are marked stale, for the next reader to reconcile. The
 * cart's own entry is not: its items and totals are Elastic Path's answer, and `useCart`
 * shows the cart that became current without a read.
 */
function showMergedCart(
  queryClient: QueryClient,
  owner: ShopperKindDescriptor,
  shopper: Shopper,
  target: string,
  changes: MergedCartChanges,
): void {
  const merged = (cart: CartResponse): CartResponse =>
    cart.id === target
      ? {
          ...cart,
          meta: { ...cart.meta, ...changes.meta },
          relationships: { ...cart.relationships, ...changes.relationships },
        }
      : cart;
  const lists = cartKeys.owner(owner.kind, shopper.id);
  queryClient.setQueriesData<CartListData>(
    { queryKey: lists },
    (data) => data && mapPages(data, (page) => ({ ...page, data: page.data.map(merged) })),
  );
  // The cart about to become current: its items and totals are in the answer, the cart in its
  // own entry or in the list that found it, so `useCart` needs no read.
  const cart =
    queryClient.getQueryData<CartContents>(cartKeys.cart(target))?.cart ??
    queryClient
      .getQueriesData<CartListData>({ queryKey: lists })
      .flatMap(([, data]) => (data ? pagesOf(data).flatMap((page) => page.data) : []))
      .find((listed) => listed.id === target);
  if (cart) {
    queryClient.setQueryData<CartContents>(cartKeys.cart(target), {
      cart: merged(cart),
      items: changes.items,
    });
  }
  void queryClient.invalidateQueries({ queryKey: lists, refetchType: "none" });
}
