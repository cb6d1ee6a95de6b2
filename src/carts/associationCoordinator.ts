import type { Client } from "@epcc-sdk/sdks-shopper";
import { MutationObserver, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import { ElasticPathError } from "../errors/ElasticPathError";
import { sessionIdentity, type SignedInSession } from "../session/CustomerSession";
import {
  associateCart,
  checkAssociationVariables,
  type AssociateCartResult,
  type AssociateCartVariables,
} from "./associateCart";
import { createAssociationLedger, type AssociationLedger } from "./associationLedger";
import { associationKeys } from "./associationKeys";
import { cartQueries } from "./cartQueries";

export type AssociationMutationOptions = MutationOptions<
  AssociateCartResult,
  ElasticPathError,
  AssociateCartVariables
>;

/** The callbacks of one mounted hook, which hear about the automatic association too. */
export type AssociationListener = () => Pick<
  AssociationMutationOptions,
  "onSuccess" | "onError" | "onSettled"
>;

/**
 * Runs `task` while holding a lock shared by every tab of this origin, where there is one.
 * Without Web Locks (no `navigator.locks`: very old browsers, no window) the ledger alone
 * guards: a tab that starts while another tab's call is still in the air sends too, and gets
 * 204 (already associated, a no-op). test/browser/twoTabs.test.tsx pins both behaviours.
 */
async function withCrossTabLock(name: string, task: () => Promise<void>): Promise<void> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (locks) await locks.request(name, task);
  else await task();
}

/**
 * Makes one (cart, customer) pair cost one association call per session, however many
 * hooks are mounted, under StrictMode, across re-mounts, reloads and tabs:
 * - concurrent sends for a pair share one request (`send`);
 * - the automatic association of a pair starts once per provider (`started`), is recorded
 *   in a ledger kept in storage once it has settled for good (200, 204 or a 4xx), and runs
 *   under a Web Lock that the other tabs of the origin wait on, then find the ledger entry.
 */
export class AssociationCoordinator {
  readonly #inFlight = new Map<string, Promise<AssociateCartResult>>();
  readonly #started = new Set<string>();
  readonly #listeners = new Set<AssociationListener>();
  readonly #ledger: AssociationLedger;

  constructor(ledger: AssociationLedger = createAssociationLedger()) {
    this.#ledger = ledger;
  }

  /**
   * Validates, then sends — or joins the request already under way for the same pair and
   * token (a request made with an older session's token is not this session's to share).
   */
  send(client: Client, variables: unknown): Promise<AssociateCartResult> {
    let checked: AssociateCartVariables;
    try {
      checked = checkAssociationVariables(variables);
    } catch (error) {
      return Promise.reject(error);
    }
    const pair = `${checked.cartId}\n${checked.customerId}\n${checked.customerToken ?? ""}`;
    const shared = this.#inFlight.get(pair);
    if (shared) return shared;
    const request = associateCart(client, checked).finally(() => this.#inFlight.delete(pair));
    this.#inFlight.set(pair, request);
    return request;
  }

  /** Lets a mounted hook hear how the automatic association went. */
  listen(listener: AssociationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The callbacks of every mounted hook, for the automatic association to call. */
  listeners(): ReturnType<AssociationListener>[] {
    return [...this.#listeners].map((listener) => listener());
  }

  /**
   * Associates the session's customer with the cart unless that already happened (or failed
   * for good) in this session. The call lives in the mutation cache under
   * `associationKeys.automatic`, where every mounted hook reads its state.
   */
  associateOnce(
    queryClient: QueryClient,
    session: SignedInSession,
    cartId: string,
    options: AssociationMutationOptions,
  ): void {
    const sessionId = sessionIdentity(session);
    const started = `${sessionId}\n${cartId}`;
    if (this.#started.has(started) || this.#ledger.has(sessionId, cartId)) return;
    this.#started.add(started);

    const variables = { cartId, customerId: session.customerId };
    const observer = new MutationObserver(queryClient, {
      ...options,
      mutationKey: associationKeys.automatic(session.customerId, cartId),
      // Kept until the session ends (see `endSession`), so hooks mounted later still show it.
      gcTime: Infinity,
    });
    const run = async () => {
      if (this.#ledger.has(sessionId, cartId)) {
        // Another tab did it while we waited for the lock: our lists of that customer were
        // loaded before, and would not show the cart until something refetched them.
        void queryClient.invalidateQueries({
          queryKey: cartQueries.customerKey(session.customerId),
        });
        return;
      }
      try {
        await observer.mutate(variables);
        this.#ledger.add(sessionId, cartId);
      } catch (error) {
        // Transient failures that outlived the retries may be tried again later (a re-mount);
        // a refusal (4xx, bad input) is final for this session.
        if (error instanceof ElasticPathError && error.retryable) this.#started.delete(started);
        else this.#ledger.add(sessionId, cartId);
      } finally {
        observer.reset();
      }
    };
    void withCrossTabLock(`epcc-react-hooks:associate:${cartId}:${session.customerId}`, run);
  }

  /** Forgets a customer's session: its automatic calls leave the cache and the ledger. */
  endSession(queryClient: QueryClient, customerId: string): void {
    const mutationCache = queryClient.getMutationCache();
    mutationCache
      .findAll({ mutationKey: associationKeys.customer(customerId) })
      .forEach((mutation) => mutationCache.remove(mutation));
    for (const key of this.#started) {
      if (key.startsWith(`${customerId}:`)) this.#started.delete(key);
    }
    this.#ledger.clear();
  }
}

const coordinators = new WeakMap<Client, AssociationCoordinator>();

/**
 * One coordinator per SDK client, so providers that share a client (several React roots in
 * one page) also share their in-flight calls. Other tabs are reached through the ledger and
 * Web Locks instead.
 */
export function coordinatorFor(client: Client): AssociationCoordinator {
  let coordinator = coordinators.get(client);
  if (!coordinator) {
    coordinator = new AssociationCoordinator();
    coordinators.set(client, coordinator);
  }
  return coordinator;
}
