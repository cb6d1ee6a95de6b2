import { useQueryClient } from "@tanstack/react-query";
import {
  retryDelayOrRetryAfter,
  retryOnlyTransient,
  type RetryDelaySetting,
  type RetrySetting,
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
 * lists' retry policy — the app's retries (the hook's `retry`, else the QueryClient's) but
 * never a 4xx, and the app's delay but Retry-After after a 429 (unless the hook was given
 * its own `retryDelay`).
 */
export function useCartListSource(hookName: string, owner: CartOwner, options: ListRetryOptions) {
  const { client, store } = useElasticPathContext(hookName);
  const shopper = useSessionState(store, (snapshot) => snapshot.shopper);
  const defaults = useQueryClient().getDefaultOptions().queries;
  const signedIn = shopper?.kind === owner.kind ? shopper : undefined;
  const source: CartListSource = {
    client,
    signedIn,
    onUnauthorized: signedIn && (() => store.signOutIfCurrent(signedIn.token)),
  };
  return {
    source,
    retry: retryOnlyTransient((options.retry ?? defaults?.retry) as RetrySetting | undefined),
    retryDelay:
      options.retryDelay ??
      retryDelayOrRetryAfter(defaults?.retryDelay as RetryDelaySetting | undefined),
  };
}
