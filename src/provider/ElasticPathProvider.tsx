"use client";
import type { Client } from "@epcc-sdk/sdks-shopper";
import { useQueryClient } from "@tanstack/react-query";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { coordinatorFor } from "../carts/associationCoordinator";
import { cartQueries } from "../carts/cartQueries";
import { invalidInput } from "../errors/ElasticPathError";
import { requireSafeId } from "../errors/validate";
import {
  isLive,
  parseStoredSession,
  requireSession,
  serializeSession,
  SIGNED_OUT,
  type CustomerSession,
  type SignedInSession,
} from "../session/CustomerSession";
import { forgetStaleLogins } from "../session/useCustomerLogin";
import { ElasticPathContext, type ElasticPathContextValue } from "./context";
import {
  CART_ID_STORAGE_KEY,
  localStorageAdapter,
  SESSION_STORAGE_KEY,
  type StorageAdapter,
} from "./storage";
import { createStoredValue } from "./storedValue";

export interface ElasticPathProviderProps {
  /** The SDK client every hook uses, from `createShopperClient`. */
  client: Client;
  /**
   * The current cart, controlled. Leave the prop out to let the provider keep it in
   * `localStorage["_store_ep_cart"]`, where the SDK's `initializeCart()` keeps it too.
   */
  cartId?: string;
  onCartIdChange?(cartId: string | undefined): void;
  /** The customer session, controlled (e.g. logged in by your own server). Leave out to let the provider keep it. */
  session?: CustomerSession;
  onSessionChange?(session: CustomerSession): void;
  /** Keep the current cart id when the shopper logs out. Default `false`: the cart is forgotten. */
  keepCartOnLogout?: boolean;
  /** Where the uncontrolled session is kept; default `localStorage`, synced across tabs. Pass a stable object. */
  sessionStorage?: StorageAdapter;
  /** Where the uncontrolled cart id is kept; default `localStorage["_store_ep_cart"]`. Pass a stable object. */
  cartIdStorage?: StorageAdapter;
  children?: ReactNode;
}

/** Props that cannot work are refused at once, in a sentence naming the prop. */
function checkProps(props: ElasticPathProviderProps): void {
  if (typeof props.client?.post !== "function") {
    throw invalidInput("ElasticPathProvider needs a `client` from the SDK's createShopperClient.");
  }
  if (props.cartId !== undefined) requireSafeId("cartId", props.cartId);
  if ("session" in props && props.session !== undefined) requireSession("session", props.session);
  for (const name of ["onSessionChange", "onCartIdChange"] as const) {
    if (props[name] !== undefined && typeof props[name] !== "function") {
      throw invalidInput(`${name} must be a function.`);
    }
  }
  if (props.keepCartOnLogout !== undefined && typeof props.keepCartOnLogout !== "boolean") {
    throw invalidInput("keepCartOnLogout must be true or false.");
  }
  for (const name of ["sessionStorage", "cartIdStorage"] as const) {
    if (props[name] !== undefined && !isStorageAdapter(props[name])) {
      throw invalidInput(
        `${name} must be a storage adapter: { get(), set(value), subscribe?(onChange) }.`,
      );
    }
  }
}

function isStorageAdapter(value: unknown): value is StorageAdapter {
  const adapter = value as Partial<StorageAdapter> | null | undefined;
  return (
    typeof adapter?.get === "function" &&
    typeof adapter.set === "function" &&
    (adapter.subscribe === undefined || typeof adapter.subscribe === "function")
  );
}

/** A cart id from storage, which anyone can edit: one that could not be sent reads as no cart. */
function sendableOrNothing(storedCartId: string | undefined): string | undefined {
  try {
    return storedCartId === undefined ? undefined : requireSafeId("cartId", storedCartId);
  } catch {
    return undefined;
  }
}

// Server rendering has no storage: render signed out with no cart, then hydrate.
const nothingOnTheServer = () => undefined;
// Timers cannot wait longer than this; a session that outlives it is checked again then.
const MAX_TIMER_MS = 2 ** 31 - 1;
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Gives every hook of this package the SDK client, the customer session and the current
 * cart id. Put it inside your `QueryClientProvider`.
 *
 * @example
 * ```tsx
 * const { client } = createShopperClient({ baseUrl: "https://useast.api.elasticpath.com" }, { clientId });
 * const queryClient = new QueryClient();
 *
 * root.render(
 *   <QueryClientProvider client={queryClient}>
 *     <ElasticPathProvider client={client}>
 *       <App />
 *     </ElasticPathProvider>
 *   </QueryClientProvider>,
 * );
 * ```
 */
export function ElasticPathProvider(props: ElasticPathProviderProps) {
  checkProps(props);
  const { client, children } = props;
  const queryClient = useQueryClient();
  const isSessionControlled = "session" in props;
  const isCartIdControlled = "cartId" in props;

  const sessionStore = useMemo(
    () => createStoredValue(props.sessionStorage ?? localStorageAdapter(SESSION_STORAGE_KEY)),
    [props.sessionStorage],
  );
  const cartIdStore = useMemo(
    () => createStoredValue(props.cartIdStorage ?? localStorageAdapter(CART_ID_STORAGE_KEY)),
    [props.cartIdStorage],
  );
  const associations = useMemo(() => coordinatorFor(client), [client]);

  const storedSessionText = useSyncExternalStore(
    sessionStore.subscribe,
    sessionStore.get,
    nothingOnTheServer,
  );
  const storedSession = useMemo(() => parseStoredSession(storedSessionText), [storedSessionText]);
  const givenSession = isSessionControlled ? (props.session ?? SIGNED_OUT) : storedSession;
  // Re-evaluated when the expiry timer fires: an expired session reads as signed-out.
  const [expiryCheck, checkExpiry] = useReducer((count: number) => count + 1, 0);
  const session = useMemo(
    () => (isLive(givenSession) ? givenSession : SIGNED_OUT),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- expiryCheck forces a re-check
    [givenSession, expiryCheck],
  );

  const storedCartId = useSyncExternalStore(
    cartIdStore.subscribe,
    cartIdStore.get,
    nothingOnTheServer,
  );
  const cartId = (isCartIdControlled ? props.cartId : sendableOrNothing(storedCartId)) || undefined;

  // Callbacks outlive renders; they read the latest props and session from here.
  const latest = useRef({ props, session });
  useIsomorphicLayoutEffect(() => {
    latest.current = { props, session };
  });

  const setCartId = useCallback(
    (next: string | undefined) => {
      const checked = next === undefined ? undefined : requireSafeId("cartId", next);
      const { props } = latest.current;
      if ("cartId" in props) props.onCartIdChange?.(checked);
      else cartIdStore.set(checked);
    },
    [cartIdStore],
  );

  const writeSession = useCallback(
    (next: CustomerSession) => {
      latest.current.session = next;
      const { props } = latest.current;
      if ("session" in props) props.onSessionChange?.(next);
      else sessionStore.set(serializeSession(next));
    },
    [sessionStore],
  );

  /** Nothing cached for the customer can be read after this, nor written by a late answer. */
  const forgetCustomer = useCallback(
    (customerId: string) => {
      const queryKey = cartQueries.customerKey(customerId);
      void queryClient.cancelQueries({ queryKey });
      queryClient.removeQueries({ queryKey });
      associations.endSession(queryClient, customerId);
    },
    [queryClient, associations],
  );

  const signOut = useCallback(() => {
    const current = latest.current.session;
    if (current.status === "signed-in") forgetCustomer(current.customerId);
    writeSession(SIGNED_OUT);
    // The cart was tied to the customer: a shared device must not keep showing it.
    if (!latest.current.props.keepCartOnLogout) setCartId(undefined);
  }, [forgetCustomer, writeSession, setCartId]);

  const signIn = useCallback(
    (next: SignedInSession) => {
      const current = latest.current.session;
      if (current.status === "signed-in" && current.customerId !== next.customerId) {
        forgetCustomer(current.customerId);
      }
      writeSession(next);
    },
    [forgetCustomer, writeSession],
  );

  const signOutIfCurrent = useCallback(
    (customerToken: string) => {
      const current = latest.current.session;
      if (current.status === "signed-in" && current.token === customerToken) signOut();
    },
    [signOut],
  );

  const currentSession = useCallback(() => latest.current.session, []);

  // Sessions also end outside our calls: expiry, another tab, a controlled parent. When the
  // same customer logs in again instead, their lists may be loading (or have been refused)
  // with the old token: they are loaded again with the new one.
  const previousSession = useRef<{ customerId?: string; token?: string }>({});
  const customerId = session.status === "signed-in" ? session.customerId : undefined;
  const sessionToken = session.status === "signed-in" ? session.token : undefined;
  useEffect(() => {
    const previous = previousSession.current;
    previousSession.current = { customerId, token: sessionToken };
    if (previous.customerId === undefined) return;
    if (previous.customerId !== customerId) forgetCustomer(previous.customerId);
    else if (previous.token !== sessionToken) {
      // Cancel first: invalidateQueries leaves a first load (no data yet) running.
      const queryKey = cartQueries.customerKey(previous.customerId);
      void queryClient
        .cancelQueries({ queryKey })
        .then(() => queryClient.invalidateQueries({ queryKey }));
    }
  }, [customerId, sessionToken, forgetCustomer, queryClient]);

  // A login's answer may land after another login or a logout: whenever the session changes
  // or a login succeeds, drop the logins that do not hold the current session.
  useEffect(() => {
    const dropStaleLogins = () => forgetStaleLogins(queryClient, latest.current.session);
    dropStaleLogins();
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") dropStaleLogins();
    });
  }, [queryClient, sessionToken]);

  const expiresAt = givenSession.status === "signed-in" ? givenSession.expiresAt : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const remaining = expiresAt - Date.now();
    // Already reads as signed-out (and its data is forgotten by the effect above); this
    // clears what is stored, the same as a logout.
    if (remaining <= 0) return signOut();
    const timer = setTimeout(checkExpiry, Math.min(remaining, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [expiresAt, expiryCheck, signOut]);

  const value = useMemo<ElasticPathContextValue>(
    () => ({
      client,
      session,
      cartId,
      setCartId,
      signIn,
      signOut,
      signOutIfCurrent,
      currentSession,
      associations,
    }),
    [
      client,
      session,
      cartId,
      setCartId,
      signIn,
      signOut,
      signOutIfCurrent,
      currentSession,
      associations,
    ],
  );
  return <ElasticPathContext.Provider value={value}>{children}</ElasticPathContext.Provider>;
}
