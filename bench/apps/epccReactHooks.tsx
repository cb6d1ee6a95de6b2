/**
 * The storefront built on this package: the provider keeps the session and the cart id,
 * `useAssociateCartWithCustomer` (or `useAssociateCartWithAccount`) associates on login,
 * `useCustomerCarts` (or `useAccountCarts`) lists "My carts". The cart badge, when there is
 * one, loads the current cart through `cartQueries.cart` or through the SDK's own
 * `getACartOptions`, as a storefront that never heard of `cartQueries` would.
 */
import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import { getACartOptions } from "@epcc-sdk/sdks-shopper/react-query";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { StrictMode, useEffect, useMemo, useState } from "react";
import {
  cartQueries,
  ElasticPathProvider,
  useAccountCarts,
  useAccountLogin,
  useAccountLogout,
  useAccountSession,
  useAddCartItem,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCart,
  useCartId,
  useCheckout,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
  useElasticPath,
  useInfiniteAccountCarts,
  useInfiniteCustomerCarts,
  useUpdateCartItem,
  type StorageAdapter,
} from "../../src";
import { PASSWORD_PROFILE_ID } from "../scenarios/fixtures";
import {
  ALL_PAGES_LIMIT,
  AddToCartView,
  CartBadgeView,
  CHECKOUT_ADDRESS,
  CHECKOUT_GUEST,
  CheckoutView,
  CartSummaryView,
  LoginFormView,
  MyCartsView,
  ProbeProvider,
  SavedCartNoticeView,
  StorefrontLayout,
  useProbe,
  type BenchImplementation,
  type ListMode,
  type MyCartsState,
  type ShopperKind,
  type StorefrontParts,
  type StorefrontProps,
} from "./ui";

/** Keeps each run's session and cart id to itself (the default adapters use `localStorage`). */
function memoryAdapter(initial?: string): StorageAdapter {
  let value = initial;
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
  };
}

function CustomerLoginForm() {
  const probe = useProbe();
  const session = useCustomerSession();
  const login = useCustomerLogin({ onSuccess: probe.loginResolved });
  const logout = useCustomerLogout();
  return (
    <LoginFormView
      signedIn={session.status === "signed-in"}
      error={login.error?.message}
      onLogin={(credentials) => login.mutate(credentials)}
      onLogout={logout}
    />
  );
}

/** An account member of the bench's password profile; the username is their email. */
function AccountLoginForm() {
  const probe = useProbe();
  const session = useAccountSession();
  const login = useAccountLogin({ onSuccess: probe.loginResolved });
  const logout = useAccountLogout();
  return (
    <LoginFormView
      signedIn={session.status === "signed-in"}
      error={login.error?.message}
      onLogin={({ email, password }) =>
        login.mutate({ passwordProfileId: PASSWORD_PROFILE_ID, username: email, password })
      }
      onLogout={logout}
    />
  );
}

/** The badge on the SDK's own query options: its cache entry is nothing this package reads. */
function SdkCartBadgeOf({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  const { data } = useQuery(getACartOptions({ client, path: { cartID: cartId } }));
  return <CartBadgeView cart={data?.data} />;
}

function PackageCartBadgeOf({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  const { data } = useQuery(cartQueries.cart({ client }, cartId));
  return <CartBadgeView cart={data?.cart} />;
}

function CartBadge({ badge }: { badge: "sdk" | "cart-queries" }) {
  const [cartId] = useCartId();
  if (cartId === undefined) return null;
  return badge === "sdk" ? (
    <SdkCartBadgeOf cartId={cartId} />
  ) : (
    <PackageCartBadgeOf cartId={cartId} />
  );
}

function CustomerSavedCartNotice() {
  const { status } = useAssociateCartWithCustomer();
  return <SavedCartNoticeView status={status} />;
}

function AccountSavedCartNotice() {
  const { status } = useAssociateCartWithAccount();
  return <SavedCartNoticeView status={status} />;
}

/** "My carts" on one kind's hooks: the session, one page, and every page. */
interface ListHooks {
  useSession(): { status: string };
  usePage(): { data?: { data: CartResponse[] }; error: Error | null };
  useAllPages(): {
    data?: { pages: Array<{ data: CartResponse[] }> };
    error: Error | null;
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage(): Promise<unknown>;
  };
}

const customerLists: ListHooks = {
  useSession: useCustomerSession,
  usePage: () => useCustomerCarts(),
  useAllPages: () => useInfiniteCustomerCarts({ limit: ALL_PAGES_LIMIT }),
};

const accountLists: ListHooks = {
  useSession: useAccountSession,
  usePage: () => useAccountCarts(),
  useAllPages: () => useInfiniteAccountCarts({ limit: ALL_PAGES_LIMIT }),
};

function myCarts({ useSession, usePage, useAllPages }: ListHooks) {
  function FirstPageOfMyCarts() {
    const session = useSession();
    const { data, error } = usePage();
    const state: MyCartsState =
      session.status !== "signed-in"
        ? { kind: "signed-out" }
        : error
          ? { kind: "error", message: error.message }
          : data
            ? { kind: "ready", carts: data.data }
            : { kind: "loading" };
    return <MyCartsView state={state} />;
  }

  function AllOfMyCarts() {
    const session = useSession();
    const { data, error, hasNextPage, isFetchingNextPage, fetchNextPage } = useAllPages();
    // "Loaded to the end": the bench's shopper keeps pressing "load more".
    useEffect(() => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
    const carts = useMemo(() => data?.pages.flatMap((page) => page.data), [data]);
    const state: MyCartsState =
      session.status !== "signed-in"
        ? { kind: "signed-out" }
        : error
          ? { kind: "error", message: error.message }
          : carts
            ? { kind: "ready", carts }
            : { kind: "loading" };
    return <MyCartsView state={state} />;
  }

  return function MyCarts({ list }: { list: ListMode }) {
    return list === "all-pages" ? <AllOfMyCarts /> : <FirstPageOfMyCarts />;
  };
}

function Controls() {
  const probe = useProbe();
  const [, setCartId] = useCartId();
  useEffect(() => probe.register({ setCartId }), [probe, setCartId]);
  return null;
}

/** The cart page: `useCart` for the total and lines, `useUpdateCartItem` behind each "+". */
function CartSummary() {
  const { data } = useCart();
  const { mutate: update } = useUpdateCartItem();
  return (
    <CartSummaryView
      total={data?.cart.meta?.display_price?.with_tax?.amount}
      lines={data?.items}
      onIncrement={(line) => update({ itemId: line.id!, quantity: (line.quantity ?? 0) + 1 })}
    />
  );
}

/** `useAddCartItem`: the cart is created first when there is none. */
function AddToCart({ productId }: { productId: string }) {
  const { mutate: add } = useAddCartItem();
  return <AddToCartView onAdd={() => add({ productId })} />;
}

/**
 * `useCheckout()` as the package's docs show it, with its own defaults: a guest gives an
 * email and a name, a signed-in customer only the addresses.
 */
function Checkout() {
  const session = useCustomerSession();
  const checkout = useCheckout();
  const addresses = { billingAddress: CHECKOUT_ADDRESS, shippingAddress: CHECKOUT_ADDRESS };
  return (
    <CheckoutView
      status={checkout.status}
      orderId={checkout.data?.id}
      error={checkout.error?.message}
      onPlaceOrder={() =>
        checkout.mutate(
          session.status === "signed-in" ? addresses : { ...CHECKOUT_GUEST, ...addresses },
        )
      }
    />
  );
}

const parts: Record<ShopperKind, StorefrontParts> = {
  customer: {
    LoginForm: CustomerLoginForm,
    CartBadge,
    SavedCartNotice: CustomerSavedCartNotice,
    MyCarts: myCarts(customerLists),
    Controls,
    CartSummary,
    AddToCart,
    Checkout,
  },
  account: {
    LoginForm: AccountLoginForm,
    CartBadge,
    SavedCartNotice: AccountSavedCartNotice,
    MyCarts: myCarts(accountLists),
    Controls,
    CartSummary,
    AddToCart,
    Checkout,
  },
};

function Storefront({
  client,
  queryClient,
  probe,
  initialCartId,
  strict = false,
  shopper = "customer",
  guestCartOnLogin,
  ...layout
}: StorefrontProps) {
  // Stable adapters: the provider subscribes to them.
  const [sessionStorage] = useState(() => memoryAdapter());
  const [cartIdStorage] = useState(() => memoryAdapter(initialCartId));
  const tree = (
    <ProbeProvider value={probe}>
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider
          client={client}
          sessionStorage={sessionStorage}
          cartIdStorage={cartIdStorage}
          guestCartOnLogin={guestCartOnLogin}
        >
          <StorefrontLayout parts={parts[shopper]} probe={probe} {...layout} />
        </ElasticPathProvider>
      </QueryClientProvider>
    </ProbeProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

export const epccReactHooks: BenchImplementation = { name: "epcc-react-hooks", Storefront };
