/**
 * The storefront built on this package: the provider keeps the session and the cart id,
 * `useAssociateCartWithCustomer` associates on login, `useCustomerCarts` lists "My carts".
 */
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { StrictMode, useEffect, useMemo, useState } from "react";
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
  type StorageAdapter,
} from "../../src";
import {
  ALL_PAGES_LIMIT,
  CartBadgeView,
  LoginFormView,
  MyCartsView,
  ProbeProvider,
  SavedCartNoticeView,
  StorefrontLayout,
  useProbe,
  type BenchImplementation,
  type ListMode,
  type MyCartsState,
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

function LoginForm() {
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

function CartBadgeOf({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  const { data } = useQuery(cartQueries.cart({ client }, cartId));
  return <CartBadgeView cart={data} />;
}

function CartBadge() {
  const [cartId] = useCartId();
  return cartId === undefined ? null : <CartBadgeOf cartId={cartId} />;
}

function SavedCartNotice() {
  const { status } = useAssociateCartWithCustomer();
  return <SavedCartNoticeView status={status} />;
}

function FirstPageOfMyCarts() {
  const session = useCustomerSession();
  const { data, error } = useCustomerCarts();
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
  const session = useCustomerSession();
  const { data, error, hasNextPage, isFetchingNextPage, fetchNextPage } = useInfiniteCustomerCarts({
    limit: ALL_PAGES_LIMIT,
  });
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

function MyCarts({ list }: { list: ListMode }) {
  return list === "all-pages" ? <AllOfMyCarts /> : <FirstPageOfMyCarts />;
}

function Controls() {
  const probe = useProbe();
  const [, setCartId] = useCartId();
  useEffect(() => probe.register({ setCartId }), [probe, setCartId]);
  return null;
}

const parts: StorefrontParts = { LoginForm, CartBadge, SavedCartNotice, MyCarts, Controls };

function Storefront({
  client,
  queryClient,
  probe,
  initialCartId,
  strict = false,
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
        >
          <StorefrontLayout parts={parts} probe={probe} {...layout} />
        </ElasticPathProvider>
      </QueryClientProvider>
    </ProbeProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

export const epccReactHooks: BenchImplementation = { name: "epcc-react-hooks", Storefront };
