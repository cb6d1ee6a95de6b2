"use client";
import type { Client } from "@epcc-sdk/sdks-shopper";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from "react";
import type { GuestCartOnLogin } from "../core/carts/associateCart";
import { invalidInput } from "../core/errors/ElasticPathError";
import type { AccountSession } from "../core/session/AccountSession";
import { customerKind, type CustomerSession } from "../core/session/CustomerSession";
import { registerSessionKind, type ShopperKindDescriptor } from "../core/session/sessionKind";
import {
  SessionStore,
  type SessionStoreConfig,
  type SessionView,
  type Slot,
} from "../core/session/sessionStore";
import { ledgerFor, startEngine, type Scope } from "../core/engine";
import { ElasticPathContext } from "../hooks/internal/context";
import { localStorageAdapter, type StorageAdapter } from "../core/session/storage";

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
  /**
   * The account member's session, controlled (e.g. signed in by your own server, which keeps
   * the tokens in a cookie). Leave out to let the provider keep it.
   */
  accountSession?: AccountSession;
  onAccountSessionChange?(session: AccountSession): void;
  /** Keep the current cart id when the shopper logs out or switches accounts. Default `false`: the cart is forgotten. */
  keepCartOnLogout?: boolean;
  /** Where the uncontrolled customer session is kept; default `localStorage`, synced across tabs. Pass a stable object. */
  sessionStorage?: StorageAdapter;
  /** Where the uncontrolled account session is kept; default `localStorage`, synced across tabs. Pass a stable object. */
  accountSessionStorage?: StorageAdapter;
  /** Where the uncontrolled cart id is kept; default `localStorage["_store_ep_cart"]`. Pass a stable object. */
  cartIdStorage?: StorageAdapter;
  /**
   * Where the (cart, shopper) pairs associated in this session are kept (ids and a hash of
   * the session only), so that a reload sends none again. Default:
   * `localStorage["_epcc_associated_carts"]` — or memory only when you pass your own
   * `sessionStorage` or `accountSessionStorage`, so that nothing of a session lands in
   * `localStorage` behind your back. Pass a stable object.
   */
  associationStorage?: StorageAdapter;
  /**
   * What happens to the current (guest) cart when a shopper signs in — customer or account:
   * - `"associate"` (default): it becomes one more of their carts.
   * - `"merge"`: its items are merged into their most recently updated cart, which becomes
   *   the current cart; no association is sent. With no cart of their own, it is associated.
   *   Exactly once per (guest cart, shopper), across tabs and reloads; the association hooks
   *   show `{ status: "merged", cartId, guestCartId, itemErrors }`.
   */
  guestCartOnLogin?: GuestCartOnLogin;
  /**
   * What happens to the current cart once `useCheckout` made its order: `"new"` (default)
   * forgets it, so the next add starts a new cart instead of editing what was just bought;
   * `"keep"` keeps it current.
   */
  cartAfterCheckout?: "new" | "keep";
  children?: ReactNode;
}

/**
 * Props of the wrong shape are refused at once, in a sentence naming the prop. TypeScript
 * already types these, so, as React and TanStack Query do, only development builds check
 * them; the ids and tokens that go into paths and headers are checked in every build, by
 * the session store as it reads them.
 */
function checkPropShapes(props: ElasticPathProviderProps): void {
  if (typeof props.client?.post !== "function") {
    throw invalidInput("ElasticPathProvider needs a `client` from the SDK's createShopperClient.");
  }
  for (const name of ["onSessionChange", "onAccountSessionChange", "onCartIdChange"] as const) {
    if (props[name] !== undefined && typeof props[name] !== "function") {
      throw invalidInput(`${name} must be a function.`);
    }
  }
  if (props.keepCartOnLogout !== undefined && typeof props.keepCartOnLogout !== "boolean") {
    throw invalidInput("keepCartOnLogout must be true or false.");
  }
  if (![undefined, "associate", "merge"].includes(props.guestCartOnLogin)) {
    throw invalidInput('guestCartOnLogin must be "associate" or "merge".');
  }
  if (![undefined, "new", "keep"].includes(props.cartAfterCheckout)) {
    throw invalidInput('cartAfterCheckout must be "new" or "keep".');
  }
  for (const name of [
    "sessionStorage",
    "accountSessionStorage",
    "cartIdStorage",
    "associationStorage",
  ] as const) {
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

/** One value the store keeps: the prop and its callback when the app controls it, else storage. */
const slot = <Value,>(
  props: ElasticPathProviderProps,
  name: "session" | "accountSession" | "cartId",
  // The store hands each callback values of its own slot only.
  onChange: ((value: never) => void) | undefined,
  storage: StorageAdapter,
) => ({ controlled: name in props, value: props[name], onChange, storage }) as Slot<Value>;

/**
 * Gives every hook of this package the SDK client, the shopper's session and the current
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
  registerSessionKind(customerKind as ShopperKindDescriptor);
  if (process.env.NODE_ENV !== "production") checkPropShapes(props);
  const { client, children } = props;
  const queryClient = useQueryClient();

  // Stable unless the app passes other adapters: the store follows these for other tabs.
  const { sessionStorage, accountSessionStorage, cartIdStorage } = props;
  const storage = useMemo(
    () => ({
      // The sessions as JSON, without anything but the session itself (an account member's
      // holds every account's token).
      customer: sessionStorage ?? localStorageAdapter("_epcc_customer_session"),
      account: accountSessionStorage ?? localStorageAdapter("_epcc_account_session"),
      // The key the SDK's `initializeCart()` / `getCartId()` use: storefronts keep their cart.
      cartId: cartIdStorage ?? localStorageAdapter("_store_ep_cart"),
    }),
    [sessionStorage, accountSessionStorage, cartIdStorage],
  );
  const config: SessionStoreConfig = {
    customer: slot(props, "session", props.onSessionChange, storage.customer),
    account: slot(props, "accountSession", props.onAccountSessionChange, storage.account),
    cartId: slot(props, "cartId", props.onCartIdChange, storage.cartId),
    keepCartOnLogout: props.keepCartOnLogout ?? false,
  };
  const { associationStorage } = props;
  const keepsSessionsElsewhere =
    sessionStorage !== undefined || accountSessionStorage !== undefined;
  const ledger = useMemo(
    () => ledgerFor(associationStorage, keepsSessionsElsewhere),
    [associationStorage, keepsSessionsElsewhere],
  );
  const [store] = useState(() => new SessionStore(config));
  // The props as this render has them, for the hooks' renders (through context): a render
  // React throws away (a transition that suspends) must not leave them in the store.
  const { customer, account, cartId } = config;
  const view = useMemo<SessionView>(
    () => ({ customer, account, cartId }),
    // The slots are new objects each render; what a render reads of them is these, and their
    // adapters (all in `storage`). Renders read no callback: new callbacks alone keep the
    // view, and the context, as it was.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      storage,
      customer.controlled,
      customer.value,
      account.controlled,
      account.value,
      cartId.controlled,
      cartId.value,
    ],
  );
  // Anything but "merge" associates: what the development check refuses cannot merge by accident.
  const guestCartOnLogin = props.guestCartOnLogin === "merge" ? "merge" : "associate";
  const { cartAfterCheckout } = props;
  const scope = useMemo<Scope>(
    () => ({ client, queryClient, store, ledger, guestCartOnLogin, cartAfterCheckout }),
    [client, queryClient, store, ledger, guestCartOnLogin, cartAfterCheckout],
  );
  // Restarted when the app passes other storage adapters: the store follows them for other tabs.
  useEffect(() => startEngine(scope), [scope, storage]);
  const value = useMemo(() => ({ ...scope, view }), [scope, view]);
  return (
    <ElasticPathContext.Provider value={value}>
      <CommittedProps store={store} config={config} />
      {children}
    </ElasticPathContext.Provider>
  );
}

/**
 * Hands the store the props React committed, for its callbacks; subscribers hear of changes
 * then. Rendered before the children: React runs a sibling's layout effects before the next
 * sibling's subtree, so the hooks' layout effects (and the app's) see these props already.
 * React 19 runs no layout effect on the server, and no longer warns about one there.
 */
function CommittedProps({ store, config }: { store: SessionStore; config: SessionStoreConfig }) {
  useLayoutEffect(() => store.configure(config));
  return null;
}
