import {
  retryDelayFor,
  retryTransientFailures,
  type RetryDelaySetting,
} from "../errors/retryPolicy";
import { useElasticPathContext, useSessionState } from "../provider/context";
import type { CartListSource } from "./cartLists";
import type { CartOwner } from "./cartOwner";

/** The options of a list hook that its retry policy starts from. */
interface ListRetryOptions {
  retry?: unknown;
  retryDelay?: RetryDelaySetting;
}

/**
 * What every "My carts" hook hands to TanStack besides its key and function: whose carts
 * (the signed-in shopper's, if of this owner's kind; a 401 ends their session), and the
 * package's one retry rule — transient failures only, waiting what Retry-After asks,
 * whatever the QueryClient's defaults say; the hook's own `retry` / `retryDelay` replace it,
 * as on every hook of the package.
 */
export function useCartListSource(hookName: string, owner: CartOwner, options: ListRetryOptions) {
  const { client, store } = useElasticPathContext(hookName);
  const shopper = useSessionState(store, (snapshot) => snapshot.shopper);
  const signedIn = shopper?.kind === owner.kind ? shopper : undefined;
  const source: CartListSource = {
    client,
    signedIn,
    onUnauthorized: signedIn && (() => store.signOutIfCurrent(signedIn.token)),
  };
  return {
    source,
    retry: (options.retry ?? retryTransientFailures) as typeof retryTransientFailures,
    retryDelay: options.retryDelay ?? retryDelayFor,
  };
}
