import { useQueryClient } from "@tanstack/react-query";
import {
  retryDelayOrRetryAfter,
  retryOnlyTransient,
  type RetryDelaySetting,
  type RetrySetting,
} from "../errors/retryPolicy";
import { useElasticPathContext } from "../provider/context";
import type { CustomerCartsSource } from "./cartQueries";

/** The options of a list hook that its retry policy starts from. */
interface ListRetryOptions {
  retry?: unknown;
  retryDelay?: RetryDelaySetting;
}

/**
 * What both "My carts" hooks hand to TanStack besides their key and function: the session
 * to list for (a 401 ends it), and the lists' retry policy — the app's retries (the hook's
 * `retry`, else the QueryClient's) but never a 4xx, and the app's delay but Retry-After
 * after a 429 (unless the hook was given its own `retryDelay`).
 */
export function useCartListSource(hookName: string, options: ListRetryOptions) {
  const { client, session, signOutIfCurrent } = useElasticPathContext(hookName);
  const defaults = useQueryClient().getDefaultOptions().queries;
  const source: CustomerCartsSource = {
    client,
    session,
    onUnauthorized:
      session.status === "signed-in" ? () => signOutIfCurrent(session.token) : undefined,
  };
  return {
    source,
    retry: retryOnlyTransient((options.retry ?? defaults?.retry) as RetrySetting | undefined),
    retryDelay:
      options.retryDelay ??
      retryDelayOrRetryAfter(defaults?.retryDelay as RetryDelaySetting | undefined),
  };
}
