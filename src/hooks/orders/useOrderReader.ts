import { forgetOrdersWithTheShopper } from "../../core/orders/forgottenWithTheShopper";
import type { OrderReader } from "../../core/orders/orderRequests";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { shopperKindOf } from "../../core/session/sessionKind";
import { useElasticPathContext, useSessionState } from "../internal/context";

/** What the order hooks take over from their caller's options, kept to the package's rules. */
interface Policies {
  retry?: unknown;
  retryDelay?: unknown;
  placeholderData?: unknown;
}

/**
 * What the order hooks share: whose orders (the shopper signed in, customer or account member
 * alike: their kind's descriptor names the header), the one 401 rule, the forgetting at
 * logout (started here, so only apps with order hooks carry it), and the package's retry rule
 * unless the hook's own options replace it.
 */
export function useOrderReader(hookName: string, options: Policies) {
  const { client, store, queryClient } = useElasticPathContext(hookName);
  forgetOrdersWithTheShopper(store, queryClient);
  const shopper = useSessionState(store, (snapshot) => snapshot.shopper);
  const reader: OrderReader = {
    client,
    // Registered: a shopper of this kind was read (the account hooks register accounts).
    owner: shopper && { kind: shopperKindOf(shopper), shopper },
    latest: () => (store.isShopper(shopper) ? store.latest().shopper : undefined),
    signOutOn401: (token, request) => store.signOutOn401(token, request),
  };
  const given = options.placeholderData;
  return {
    reader,
    retry: (options.retry ?? retryTransientFailures) as typeof retryTransientFailures,
    retryDelay: (options.retryDelay ?? retryDelayFor) as typeof retryDelayFor,
    // TanStack hands a placeholder function the previous key's data (`keepPreviousData`):
    // after a logout or an account switch that is another shopper's, which must never show.
    placeholderData:
      typeof given === "function"
        ? (previousData: unknown, previousQuery?: { queryKey: readonly unknown[] }) =>
            shopper &&
            previousQuery?.queryKey[2] === shopper.kind &&
            previousQuery.queryKey[3] === shopper.id
              ? (given as (data: unknown, query: unknown) => unknown)(previousData, previousQuery)
              : undefined
        : (given as undefined),
  };
}
