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
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useElasticPath,
  useInfiniteCustomerCarts,
  type CustomerSession,
  type ElasticPathError,
  type StorageAdapter,
} from "../../../src";
import { localStorageAdapter } from "../../../src/provider/storage";
import type { ShopperClient } from "../../support/sdk";
import type { Tab, Widget } from "./program";

/** What one component showed in one render. */
export interface RenderRecord {
  tab: Tab;
  /** The mounted widget's id (see `MountedWidget`). */
  id: number;
  widget: Widget;
  /** The signed-in customer this render saw, or null while signed out. */
  customerId: string | null;
  /** Carts shown (lists), or null when the list held no data. */
  cartIds: string[] | null;
  /** The customer of an association result shown, if any. */
  associatedCustomerId?: string;
  /** The error a list shows, if any. */
  error?: { status?: number; retryable: boolean };
}

/** The controls a program reaches into a tab through: the hooks' latest values. */
export interface TabControls {
  session: CustomerSession;
  cartId: string | undefined;
  setCartId(cartId: string | undefined): void;
  login: ReturnType<typeof useCustomerLogin>;
  logout(): void;
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
  probe: TabProbe;
}

const customerOf = (session: CustomerSession) =>
  session.status === "signed-in" ? session.customerId : null;

function Controls({ probe }: { probe: TabProbe }) {
  const session = useCustomerSession();
  const [cartId, setCartId] = useCartId();
  const login = useCustomerLogin();
  const logout = useCustomerLogout();
  // Committed values only: a render React throws away must not steer the program.
  useLayoutEffect(() => {
    probe.commit({ session, cartId, setCartId, login, logout });
  });
  return null;
}

function CartList({ tab, id, probe }: WidgetProps) {
  const session = useCustomerSession();
  // Tiny delays keep a program short; they replace the Retry-After policy (documented).
  const { data, error } = useCustomerCarts(undefined, { retryDelay: 1 });
  probe.record({
    tab,
    id,
    widget: "carts",
    customerId: customerOf(session),
    cartIds: data ? data.data.map((cart) => cart.id ?? "?") : null,
    error: shownError(error),
  });
  return null;
}

function InfiniteCartList({ tab, id, probe }: WidgetProps) {
  const session = useCustomerSession();
  const { data, error } = useInfiniteCustomerCarts({ limit: 2 }, { retryDelay: 1 });
  probe.record({
    tab,
    id,
    widget: "infinite",
    customerId: customerOf(session),
    cartIds: data ? data.pages.flatMap((page) => page.data.map((cart) => cart.id ?? "?")) : null,
    error: shownError(error),
  });
  return null;
}

function SavedCartBanner({ tab, id, probe }: WidgetProps) {
  const session = useCustomerSession();
  // Tiny delays keep a program short; they replace the Retry-After policy (documented).
  const { data } = useAssociateCartWithCustomer({ retryDelay: 1 });
  probe.record({
    tab,
    id,
    widget: "associate",
    customerId: customerOf(session),
    cartIds: null,
    associatedCustomerId: data?.customerId,
  });
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

export interface TabOptions {
  tab: Tab;
  client: ShopperClient;
  queryClient: QueryClient;
  probe: TabProbe;
  keepCartOnLogout: boolean;
  /** Storage adapters; leave out for the defaults (the real localStorage adapters). */
  sessionStorage?: StorageAdapter;
  cartIdStorage?: StorageAdapter;
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
  const { tab, client, queryClient, probe, keepCartOnLogout } = options;
  const storage =
    options.sessionStorage && options.cartIdStorage
      ? { sessionStorage: options.sessionStorage, cartIdStorage: options.cartIdStorage }
      : {};
  const tree = (
    <QueryClientProvider client={queryClient}>
      <ElasticPathProvider client={client} keepCartOnLogout={keepCartOnLogout} {...storage}>
        <Controls probe={probe} />
        {widgets.map(({ id, widget }) => {
          switch (widget) {
            case "carts":
              return <CartList key={id} tab={tab} id={id} probe={probe} />;
            case "infinite":
              return <InfiniteCartList key={id} tab={tab} id={id} probe={probe} />;
            case "associate":
              return <SavedCartBanner key={id} tab={tab} id={id} probe={probe} />;
            case "badge":
              return <CartBadge key={id} />;
          }
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
