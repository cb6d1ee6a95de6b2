import type { Client } from "@epcc-sdk/sdks-shopper";
import { MutationObserver, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import { ElasticPathError } from "../errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../errors/retryPolicy";
import { sessionIdentity, type Shopper, type ShopperKind } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import {
  associateCart,
  checkAssociationVariables,
  ownerIdOf,
  tokenFor,
  type AutomaticResult,
  type OwnerKeptVariables,
  type OwnerResult,
} from "./associateCart";
import type { AssociationLedger } from "./associationLedger";
import { associationKeys } from "../keys";
import { reflectAssociation } from "./cartListCache";
import type { ShopperKindDescriptor } from "../session/sessionKind";
import { cartKeys } from "../keys";
import type { Scope } from "./scope";
import { expectAssociation, settleWith } from "./pendingAssociations";

/**
 * The merge at login, in a chunk of its own: only storefronts with `guestCartOnLogin="merge"`
 * load it (the provider starts loading it as it mounts), the others never pay for it.
 */
export const loadGuestCartMerge = () => import("./guestCartMerge");

export type AssociationMutationOptions<Kind extends ShopperKind = ShopperKind> = MutationOptions<
  AutomaticResult<Kind>,
  ElasticPathError,
  OwnerKeptVariables<Kind>
>;

/** The callbacks of one mounted hook, which hear about the automatic association too. */
export type AssociationListener<Kind extends ShopperKind = ShopperKind> = () => Pick<
  AssociationMutationOptions<Kind>,
  "onSuccess" | "onError" | "onSettled"
>;

/** What a mounted hook may set of the automatic call: the caller's retry policy replaces ours. */
export type AutomaticPolicy = Pick<
  AssociationMutationOptions,
  "retry" | "retryDelay" | "networkMode"
>;

/**
 * Runs `task` while holding a lock shared by every tab of this origin, where there is one.
 * Without Web Locks (no `navigator.locks`: insecure origins, old browsers, no window) the
 * ledger alone guards: a tab that starts while another tab's call is still in the air sends
 * too, and gets 204 (already associated, a no-op) — a merge is claimed in its record before
 * it is sent. test/browser/twoTabs.test.tsx pins both behaviours.
 */
async function withCrossTabLock(name: string, task: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (locks) await locks.request(name, task);
  else await task();
}

/**
 * After a 200: brings the owner's cached lists up to date — unless that owner is no longer
 * the shopper: an answer arriving after a logout must not write into the next session's cache.
 */
export function reflectIfCurrent<Kind extends ShopperKind>(
  queryClient: QueryClient,
  store: SessionStore,
  owner: ShopperKindDescriptor<Kind>,
  result: AutomaticResult<Kind>,
): Promise<void> | undefined {
  if (result.status !== "associated") return undefined; // 204: no cache churn; a merge: see showMergedCart
  const ownerId = ownerIdOf(owner, result);
  if (!store.isShopper({ kind: owner.kind, id: ownerId })) return undefined;
  return reflectAssociation(queryClient, cartKeys.owner(owner.kind, ownerId), result.cartId);
}

/**
 * Makes one (cart, owner) pair — customer or account — cost one association call per
 * session, however many hooks are mounted, under StrictMode, across re-mounts, reloads and tabs:
 * - concurrent sends for a pair share one request (`send`);
 * - the automatic association of a pair starts once per session (`started`), is recorded
 *   in a ledger kept in storage once it has settled for good (200, 204 or a 4xx), and runs
 *   under a Web Lock that the other tabs of the origin wait on, then find the ledger entry.
 */
export class AssociationCoordinator {
  readonly #inFlight = new Map<string, Promise<OwnerResult>>();
  readonly #started = new Set<string>();
  readonly #listeners = {
    customer: new Set<AssociationListener>(),
    account: new Set<AssociationListener>(),
  };

  /**
   * Validates (a refusal rejects, as a failed request does), then sends — or joins the
   * request already under way for the same pair and token (a request made with an older
   * session's token is not this session's to share). Without a token in the variables, the
   * signed-in shopper's is sent when the pair is theirs.
   */
  async send<Kind extends ShopperKind>(
    client: Client,
    store: SessionStore,
    owner: ShopperKindDescriptor<Kind>,
    variables: unknown,
  ): Promise<OwnerResult<Kind>> {
    const checked = checkAssociationVariables(owner, variables);
    const token = tokenFor(owner, checked, store.latest().shopper);
    const pair = `${checked.cartId}\n${owner.kind}:${ownerIdOf(owner, checked)}\n${token ?? ""}`;
    // Keyed by the owner's kind too: what is shared is of this kind.
    const shared = this.#inFlight.get(pair) as Promise<OwnerResult<Kind>> | undefined;
    if (shared) return shared;
    const request = store
      .signOutOn401(token, associateCart(client, owner, checked, token))
      .finally(() => this.#inFlight.delete(pair));
    this.#inFlight.set(pair, request);
    return request;
  }

  /** Lets a mounted hook hear how the automatic association of its kind went. */
  listen<Kind extends ShopperKind>(kind: Kind, listener: AssociationListener<Kind>): () => void {
    this.#listeners[kind].add(listener as AssociationListener);
    return () => this.#listeners[kind].delete(listener);
  }

  /**
   * Associates the shopper with the cart unless that already happened (or failed for good)
   * in this session. The call lives in the mutation cache under `associationKeys.automatic`,
   * where every mounted hook of that kind reads its state.
   */
  associateOnce(
    scope: Scope,
    owner: ShopperKindDescriptor,
    shopper: Shopper,
    cartId: string,
    policy: AutomaticPolicy,
  ): void {
    const { client, queryClient, store, ledger } = scope;
    const sessionId = sessionIdentity(shopper);
    const started = `${sessionId}\n${cartId}`;
    if (this.#started.has(started) || ledger.has(sessionId, cartId)) return;
    this.#started.add(started);
    // The shopper's lists loading meanwhile wait for the association's answer and show the
    // cart at once. Not when a merge may come first: its lookup reads those very lists.
    const answered =
      scope.guestCartOnLogin === "merge"
        ? () => {}
        : expectAssociation(client, shopper.token, cartId);

    const fanOut =
      (callback: "onSuccess" | "onError" | "onSettled") =>
      (...args: unknown[]) =>
        Promise.all(
          [...this.#listeners[owner.kind]].map((listener) =>
            (listener()[callback] as ((...args: unknown[]) => unknown) | undefined)?.(...args),
          ),
        );
    const checkSession = () => {
      if (!store.isCurrent(shopper)) {
        throw new ElasticPathError(`The ${owner.kind} signed out before the cart was associated.`);
      }
    };
    // What the merge's attempts of this call share (see mergeAtLogin).
    const mergeState = {};
    const observer = new MutationObserver<AutomaticResult, ElasticPathError, OwnerKeptVariables>(
      queryClient,
      {
        // The caller's retry policy replaces the package's; then what must not change.
        retry: policy.retry ?? retryTransientFailures,
        retryDelay: policy.retryDelay ?? retryDelayFor,
        networkMode: policy.networkMode,
        mutationKey: associationKeys.automatic(owner.kind, shopper.id, cartId),
        // Kept until the session ends (see `forget`), so hooks mounted later still show it.
        gcTime: Infinity,
        // The token is read when the request is made, so it is never in the mutation cache; a
        // retry after the session ended must not borrow the next session's token.
        mutationFn: async (variables) => {
          checkSession();
          if (scope.guestCartOnLogin === "merge") {
            // What fails before a merge is sent (its code not downloaded, a lookup cancelled)
            // is tried again later.
            const merged = await loadGuestCartMerge()
              .then(({ mergeAtLogin }) => mergeAtLogin(scope, owner, shopper, cartId, mergeState))
              .catch((cause: unknown) => {
                if (cause instanceof ElasticPathError) throw cause;
                throw new ElasticPathError(
                  "Merging the guest cart was interrupted before it was sent (see cause); it is tried again later.",
                  { retryable: true, cause },
                );
              });
            if (merged) return merged;
            // The lookup took a round trip: the association needs the session it was for.
            checkSession();
          }
          return settleWith(answered, this.send(client, store, owner, variables));
        },
        onSuccess: async (result, ...rest) => {
          if (result.status === "merged") {
            // The target counts as associated: becoming the current cart starts nothing.
            // (The merge wrote its answer into the caches itself.)
            this.#started.add(`${sessionId}\n${result.cartId}`);
          } else if (store.isCurrent(shopper)) {
            // Only for this session: the next one's lists (the same shopper's, after a new
            // login) are loaded anew and may wait for its own association, queued behind
            // this call's lock — waiting for them here would never end.
            await reflectIfCurrent(queryClient, store, owner, result);
          }
          await fanOut("onSuccess")(result, ...rest);
        },
        onError: fanOut("onError"),
        onSettled: fanOut("onSettled"),
      },
    );
    const variables = { cartId, [`${owner.kind}Id`]: shopper.id } as OwnerKeptVariables;
    const run = async () => {
      // The session ended while this waited for the lock: nothing to do, and nothing of that
      // shopper's may enter the mutation cache now that it has been cleared of them.
      if (!store.isCurrent(shopper)) return;
      if (ledger.has(sessionId, cartId)) {
        // Another tab did it while we waited for the lock: our lists of that owner were
        // loaded before, and would not show the cart until something refetched them. Cancel
        // first: invalidateQueries would join a first load under way, which asked too early.
        const queryKey = cartKeys.owner(owner.kind, shopper.id);
        void queryClient
          .cancelQueries({ queryKey })
          .then(() => queryClient.invalidateQueries({ queryKey }));
        return;
      }
      // Written only while the shopper is still signed in: after a logout, nothing of theirs
      // goes back into storage.
      const record = () => {
        if (store.isCurrent(shopper)) ledger.add(sessionId, cartId);
      };
      try {
        const result = await observer.mutate(variables);
        record();
        // Once the merge shows as settled (hooks find it by the cart it went into), that cart
        // becomes the current one — unless the shopper or the cart changed meanwhile.
        if (result.status === "merged" && store.isCurrent(shopper)) {
          if (store.latest().cartId === cartId) store.setCartId(result.cartId);
        }
      } catch (error) {
        // Transient failures that outlived the retries may be tried again later (a re-mount);
        // a refusal (4xx, bad input) is final for this session.
        if (error instanceof ElasticPathError && error.retryable) this.#started.delete(started);
        else record();
      } finally {
        observer.reset();
      }
    };
    // Whatever happened, lists waiting for the answer wait no more.
    void withCrossTabLock(
      `epcc-react-hooks:associate:${cartId}:${owner.kind}:${shopper.id}`,
      run,
    ).finally(() => answered(false));
  }

  /**
   * Forgets the session, once nobody is signed in any more (logout, expiry, a 401): what it
   * started, and the ledger's record of what it associated. An account switch keeps them,
   * so switching back sends nothing again (the entries are keyed by the session, which a new
   * login never matches). The shopper's automatic calls leave the mutation cache with the
   * rest of their mutations (`forgetMutationsOf`).
   */
  forget(ledger: AssociationLedger): void {
    this.#started.clear();
    ledger.clear();
  }
}

const coordinators = new WeakMap<Client, AssociationCoordinator>();

/**
 * One coordinator per SDK client, so providers that share a client (several React roots in
 * one page) also share their in-flight calls. Other tabs are reached through the ledger and
 * Web Locks instead.
 */
export function coordinatorFor(client: Client): AssociationCoordinator {
  const coordinator = coordinators.get(client) ?? new AssociationCoordinator();
  coordinators.set(client, coordinator);
  return coordinator;
}
