/**
 * The storefront the random programs drive: one "tab" is a React root with its own
 * QueryClient, SDK client and ElasticPathProvider, and a few components using the hooks,
 * each of which reports what it rendered.
 */
import { QueryClientProvider, useQuery, type QueryClient } from "@tanstack/react-query";
import { StrictMode, useLayoutEffect, type ReactNode } from "react";
import {
  cartQueries,
  ElasticPathProvider,
  useAccountCarts,
  useAddCartItem,
  useCart,
  useCheckout,
  useRemoveCartItem,
  useUpdateCartItem,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useElasticPath,
  useInfiniteAccountCarts,
  useInfiniteCustomerCarts,
  useSelectAccount,
  type AccountSession,
  type CustomerSession,
  type ElasticPathError,
  type ElasticPathProviderProps,
  type StorageAdapter,
} from "../../../src";
import { localStorageAdapter } from "../../../src/core/session/storage";
import type { ShopperClient } from "../../support/sdk";
import type { GuestCartPolicy, ShopperKind, Tab, Widget } from "./program";

/** What one component showed in one render. */
export interface RenderRecord {
  tab: Tab;
  /** The mounted widget's id (see `MountedWidget`). */
  id: number;
  widget: Widget;
  /**
   * The owner this render's session named for the widget's kind of shopper: the signed-in
   * customer's id, or the selected account's; null while no shopper of that kind is signed in.
   */
  ownerId: string | null;
  /** Carts shown (lists), or null when the list held no data. */
  cartIds: string[] | null;
  /** The owner (customer or account) of an association result shown, if any. */
  associatedOwnerId?: string;
  /** The error a list shows, if any. */
  error?: { status?: number; retryable: boolean };
}

/** The controls a program reaches into a tab through: the hooks' latest values. */
export interface TabControls {
  session: CustomerSession;
  accountSession: AccountSession;
  cartId: string | undefined;
  setCartId(cartId: string | undefined): void;
  login: ReturnType<typeof useCustomerLogin>;
  logout(): void;
  accountLogin: ReturnType<typeof useAccountLogin>;
  accountLogout(): void;
  selectAccount(accountId: string): void;
  /** The cart page: its items as shown, and its add, quantity and removal buttons. */
  cartItems: Array<{ id?: string; sku?: string; quantity?: number }>;
  add: ReturnType<typeof useAddCartItem>;
  update: ReturnType<typeof useUpdateCartItem>;
  remove: ReturnType<typeof useRemoveCartItem>;
  /** The checkout page's button. */
  checkout: ReturnType<typeof useCheckout>;
}

/** What a tab's components report to the program driving them. */
export class TabProbe {
  /** The hooks' values as last committed. */
  controls?: TabControls;
  /** Every render since the last check. */
  readonly renders: RenderRecord[] = [];
  /** The latest render of each widget. */
  readonly latest = new Map<number, RenderRecord>();

  commit(controls: TabControls) {
    this.controls = controls;
  }

  record(render: RenderRecord) {
    this.renders.push(render);
    this.latest.set(render.id, render);
  }
}

const shownError = (error: ElasticPathError | null) =>
  error ? { status: error.status, retryable: error.retryable } : undefined;

interface WidgetProps {
  tab: Tab;
  id: number;
  widget: Widget;
  probe: TabProbe;
}

/** The owner a widget of `kind` sees in this render's session. */
function useOwnerId(kind: ShopperKind): string | null {
  const customer = useCustomerSession();
  const account = useAccountSession();
  if (kind === "customer") return customer.status === "signed-in" ? customer.customerId : null;
  return account.status === "signed-in" ? account.accountId : null;
}

function Controls({ probe }: { probe: TabProbe }) {
  const session = useCustomerSession();
  const accountSession = useAccountSession();
  const [cartId, setCartId] = useCartId();
  const login = useCustomerLogin();
  const logout = useCustomerLogout();
  const accountLogin = useAccountLogin();
  const accountLogout = useAccountLogout();
  const selectAccount = useSelectAccount();
  // The cart page: tiny retry delays keep programs short.
  const cart = useCart({ retryDelay: 1 });
  const add = useAddCartItem({ retryDelay: 1 });
  const update = useUpdateCartItem({ retryDelay: 1 });
  const remove = useRemoveCartItem({ retryDelay: 1 });
  const checkout = useCheckout({ retryDelay: 1 });
  // Committed values only: a render React throws away must not steer the program.
  useLayoutEffect(() => {
    probe.commit({
      session,
      accountSession,
      cartId,
      setCartId,
      login,
      logout,
      accountLogin,
      accountLogout,
      selectAccount,
      cartItems: cart.data?.items ?? [],
      add,
      update,
      remove,
      checkout,
    });
  });
  return null;
}

type ShownList = { data?: { data: Array<{ id?: string }> }; error: ElasticPathError | null };
type ShownPages = {
  data?: { pages: Array<{ data: Array<{ id?: string }> }> };
  error: ElasticPathError | null;
};

/** Records what a list widget shows: one page, or every page loaded so far. */
function useRecordList(
  { tab, id, widget, probe }: WidgetProps,
  kind: ShopperKind,
  { data, error }: ShownList | ShownPages,
) {
  const ownerId = useOwnerId(kind);
  const pages = data && ("pages" in data ? data.pages : [data]);
  probe.record({
    tab,
    id,
    widget,
    ownerId,
    cartIds: pages ? pages.flatMap((page) => page.data.map((cart) => cart.id ?? "?")) : null,
    error: shownError(error),
  });
}

/** Records what a saved-cart banner shows: whose association, if any. */
function useRecordAssociation(
  { tab, id, widget, probe }: WidgetProps,
  kind: ShopperKind,
  associatedOwnerId: string | undefined,
) {
  probe.record({ tab, id, widget, ownerId: useOwnerId(kind), cartIds: null, associatedOwnerId });
}

// Tiny delays keep a program short; they replace the Retry-After policy (documented).
const QUICK = { retryDelay: 1 } as const;

function CustomerCarts(props: WidgetProps) {
  useRecordList(props, "customer", useCustomerCarts(undefined, QUICK));
  return null;
}

function InfiniteCustomerCarts(props: WidgetProps) {
  useRecordList(props, "customer", useInfiniteCustomerCarts({ limit: 2 }, QUICK));
  return null;
}

function AccountCarts(props: WidgetProps) {
  useRecordList(props, "account", useAccountCarts(undefined, QUICK));
  return null;
}

function InfiniteAccountCarts(props: WidgetProps) {
  useRecordList(props, "account", useInfiniteAccountCarts({ limit: 2 }, QUICK));
  return null;
}

function SavedCartBanner(props: WidgetProps) {
  useRecordAssociation(props, "customer", useAssociateCartWithCustomer(QUICK).data?.customerId);
  return null;
}

function SavedToAccountBanner(props: WidgetProps) {
  useRecordAssociation(props, "account", useAssociateCartWithAccount(QUICK).data?.accountId);
  return null;
}

function CartBadge() {
  const { client } = useElasticPath();
  const [cartId] = useCartId();
  // A cart badge: the cart's own entry, which "My carts" reuses after an association.
  useQuery({
    ...cartQueries.cart({ client }, cartId ?? "none"),
    enabled: cartId !== undefined,
    // The package retries a failed cart as it retries everything; tiny delays keep programs short.
    retryDelay: 1,
  });
  return null;
}

const COMPONENTS: Record<Widget, (props: WidgetProps) => null> = {
  carts: CustomerCarts,
  infinite: InfiniteCustomerCarts,
  associate: SavedCartBanner,
  accountCarts: AccountCarts,
  accountInfinite: InfiniteAccountCarts,
  accountAssociate: SavedToAccountBanner,
  badge: CartBadge,
};

export interface TabOptions {
  tab: Tab;
  client: ShopperClient;
  queryClient: QueryClient;
  probe: TabProbe;
  keepCartOnLogout: boolean;
  guestCartOnLogin: GuestCartPolicy;
  /** Storage adapters; leave out for the defaults (the real localStorage adapters). */
  storage?: Pick<
    ElasticPathProviderProps,
    "sessionStorage" | "accountSessionStorage" | "cartIdStorage"
  >;
}

export interface MountedWidget {
  id: number;
  widget: Widget;
}

export function TabApp({
  options,
  widgets,
  strict,
}: {
  options: TabOptions;
  widgets: MountedWidget[];
  strict: boolean;
}): ReactNode {
  const { tab, client, queryClient, probe, keepCartOnLogout, guestCartOnLogin, storage } = options;
  const tree = (
    <QueryClientProvider client={queryClient}>
      <ElasticPathProvider
        client={client}
        keepCartOnLogout={keepCartOnLogout}
        guestCartOnLogin={guestCartOnLogin}
        {...storage}
      >
        <Controls probe={probe} />
        {widgets.map(({ id, widget }) => {
          const Component = COMPONENTS[widget];
          return <Component key={id} tab={tab} id={id} widget={widget} probe={probe} />;
        })}
      </ElasticPathProvider>
    </QueryClientProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

/**
 * `localStorage[key]` as another tab sees it. Its writes reach this page's providers the way
 * a browser delivers another tab's writes, as a `storage` event; it hears the page's own
 * providers through the page-level listeners, since in this test both tabs share one window.
 */
export function otherTabStorage(key: string): StorageAdapter {
  const here = localStorageAdapter(key);
  return {
    get: () => localStorage.getItem(key) ?? undefined,
    set(value) {
      const oldValue = localStorage.getItem(key);
      if (value === undefined) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
      window.dispatchEvent(
        new StorageEvent("storage", {
          key,
          oldValue,
          newValue: value ?? null,
          storageArea: localStorage,
          url: window.location.href,
        }),
      );
    },
    subscribe: (onChange) => here.subscribe!(onChange),
  };
}
