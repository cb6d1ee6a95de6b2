/**
 * The same storefront written the way the SDK suggests, without this package: React state
 * for the session and the cart id, and the SDK's generated React Query helpers —
 * `useMutation(createCustomerCartAssociationMutation({ client }))` (or
 * `createAccountCartAssociationMutation` for an account member) fired from an effect on
 * login, `useQuery(getCartsOptions({ client, headers }))`, and `invalidateQueries` with
 * `getCartsQueryKey(...)` when the association succeeds. Written as a careful developer
 * would, not as a straw man: stable callbacks, `enabled` while signed out, the invalidation
 * promise returned so the mutation waits for the fresh list. Its cart badge, when there is
 * one, is on `getACartOptions` whatever the shape ("cart-queries" is this package's).
 *
 * Its cart page (the cart scenarios) the same way: `useQuery(getACartOptions(...))` with the
 * items included for the total and the lines; an add is the SDK's `initializeCart()` (the
 * cart id it keeps in `localStorage`, a new cart when there is none) then `manageCarts`, and
 * `invalidateQueries` of that cart's query when it succeeds; "+" is
 * `updateACartItemMutation` with TanStack Query's optimistic update through the cache
 * (`onMutate`: cancel, snapshot, write; `onError`: put back; `onSettled`: invalidate).
 *
 * Its checkout page (the checkout scenarios): `useMutation(checkoutApiMutation({ client }))`
 * with TanStack Query's retry turned on (`retry: SDK_CHECKOUT_RETRY`, its default delay), as
 * many storefronts set it for every mutation; a guest's body names them, a customer's is
 * `customer: { id }` with their token.
 */
import {
  getCarts,
  initializeCart,
  manageCarts,
  postV2AccountMembersTokens,
  type CartCollectionResponse,
  type CartEntityResponse,
  type Client,
} from "@epcc-sdk/sdks-shopper";
import {
  checkoutApiMutation,
  createAccountCartAssociationMutation,
  createCustomerCartAssociationMutation,
  getACartOptions,
  getCartsOptions,
  getCartsQueryKey,
  updateACartItemMutation,
} from "@epcc-sdk/sdks-shopper/react-query";
import {
  QueryClientProvider,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  createContext,
  StrictMode,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";
import {
  ALL_PAGES_LIMIT,
  AddToCartView,
  CartBadgeView,
  CHECKOUT_GUEST,
  CHECKOUT_WIRE_ADDRESS,
  CheckoutView,
  CartSummaryView,
  LoginFormView,
  MyCartsView,
  ProbeProvider,
  SavedCartNoticeView,
  StorefrontLayout,
  useProbe,
  type BenchImplementation,
  type Credentials,
  type ListMode,
  type MyCartsState,
  type ShopperKind,
  type StorefrontParts,
  type StorefrontProps,
} from "./ui";
import { PASSWORD_PROFILE_ID } from "../scenarios/fixtures";

/** A customer's id and token, or the first account's id and token of an account member. */
interface Session {
  ownerId: string;
  token: string;
}

interface Store {
  client: Client;
  kind: ShopperKind;
  session: Session | undefined;
  cartId: string | undefined;
  setSession(session: Session | undefined): void;
  setCartId(cartId: string | undefined): void;
}

const StoreContext = createContext<Store | undefined>(undefined);

/** The SDK's `PERSISTED_CART_STORAGE_KEY` default (not exported from its entry). */
const SDK_CART_STORAGE_KEY = "_store_ep_cart";

function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useStore must be used inside <StoreProvider>.");
  return store;
}

function StoreProvider({
  client,
  kind,
  initialCartId,
  children,
}: {
  client: Client;
  kind: ShopperKind;
  initialCartId: string | undefined;
  children: ReactNode;
}) {
  const [session, setSession] = useState<Session>();
  const [cartId, setCartId] = useState(() => {
    // Where the SDK's `initializeCart()` keeps the cart id: the shopper arrives with it there.
    if (initialCartId) localStorage.setItem(SDK_CART_STORAGE_KEY, initialCartId);
    return initialCartId;
  });
  const store = useMemo(
    () => ({ client, kind, session, cartId, setSession, setCartId }),
    [client, kind, session, cartId],
  );
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

const tokenHeaders = (kind: ShopperKind, token: string | undefined) =>
  kind === "customer"
    ? { "X-Moltin-Customer-Token": token }
    : { "EP-Account-Management-Authentication-Token": token };

/** The SDK has no function for `POST /v2/customers/tokens`; its client still adds the bearer. */
async function requestCustomerToken(
  client: Client,
  { email, password }: Credentials,
): Promise<Session> {
  const { data, response } = await client.post<
    { data: { customer_id: string; token: string } },
    unknown,
    false
  >({
    url: "/v2/customers/tokens",
    body: { data: { type: "token", email, password, authentication_mechanism: "password" } },
  });
  if (!data) throw new Error(`Login failed with ${response.status}.`);
  return { ownerId: data.data.customer_id, token: data.data.token };
}

/** An account member's login: one token per account; the storefront shops for the first. */
async function requestAccountToken(
  client: Client,
  { email, password }: Credentials,
): Promise<Session> {
  const { data, response } = await postV2AccountMembersTokens({
    client,
    body: {
      data: {
        type: "account_management_authentication_token",
        authentication_mechanism: "password",
        password_profile_id: PASSWORD_PROFILE_ID,
        username: email,
        password,
      },
    },
  });
  const first = data?.data?.[0];
  if (!first?.account_id || !first.token) throw new Error(`Login failed with ${response.status}.`);
  return { ownerId: first.account_id, token: first.token };
}

function LoginForm() {
  const probe = useProbe();
  const { client, kind, session, setSession, setCartId } = useStore();
  const login = useMutation({
    mutationFn: (credentials: Credentials) =>
      (kind === "customer" ? requestCustomerToken : requestAccountToken)(client, credentials),
    onSuccess: (next) => {
      probe.loginResolved();
      setSession(next);
    },
  });
  const logout = () => {
    setSession(undefined);
    setCartId(undefined);
  };
  return (
    <LoginFormView
      signedIn={session !== undefined}
      error={login.error?.message}
      onLogin={(credentials) => login.mutate(credentials)}
      onLogout={logout}
    />
  );
}

function CartBadgeOf({ cartId }: { cartId: string }) {
  const { client } = useStore();
  const { data } = useQuery(getACartOptions({ client, path: { cartID: cartId } }));
  return <CartBadgeView cart={data?.data} />;
}

function CartBadge() {
  const { cartId } = useStore();
  return cartId === undefined ? null : <CartBadgeOf cartId={cartId} />;
}

/** The association as the SDK's helpers suggest: a mutation fired from an effect on login. */
function useAssociateCartWithCustomerOnLogin() {
  const { client, session, cartId } = useStore();
  const queryClient = useQueryClient();
  const association = useMutation({
    ...createCustomerCartAssociationMutation({ client }),
    onSuccess: (_data, variables) =>
      queryClient.invalidateQueries({
        queryKey: getCartsQueryKey({ client, headers: variables.headers }),
      }),
  });
  const { mutate } = association;
  useEffect(() => {
    if (!session || !cartId) return;
    mutate({
      path: { cartID: cartId },
      body: { data: [{ type: "customer", id: session.ownerId }] },
      headers: tokenHeaders("customer", session.token),
    });
  }, [session, cartId, mutate]);
  return association;
}

/** The same with the SDK's account association helper and the account token. */
function useAssociateCartWithAccountOnLogin() {
  const { client, session, cartId } = useStore();
  const queryClient = useQueryClient();
  const association = useMutation({
    ...createAccountCartAssociationMutation({ client }),
    onSuccess: (_data, variables) =>
      queryClient.invalidateQueries({
        queryKey: getCartsQueryKey({ client, headers: variables.headers }),
      }),
  });
  const { mutate } = association;
  useEffect(() => {
    if (!session || !cartId) return;
    mutate({
      path: { cartID: cartId },
      body: { data: [{ type: "account", id: session.ownerId }] },
      headers: tokenHeaders("account", session.token),
    });
  }, [session, cartId, mutate]);
  return association;
}

function CustomerSavedCartNotice() {
  const { status } = useAssociateCartWithCustomerOnLogin();
  return <SavedCartNoticeView status={status} />;
}

function AccountSavedCartNotice() {
  const { status } = useAssociateCartWithAccountOnLogin();
  return <SavedCartNoticeView status={status} />;
}

function FirstPageOfMyCarts() {
  const { client, kind, session } = useStore();
  const { data, error } = useQuery({
    ...getCartsOptions({ client, headers: tokenHeaders(kind, session?.token) }),
    enabled: session !== undefined,
  });
  const state: MyCartsState = !session
    ? { kind: "signed-out" }
    : error
      ? { kind: "error", message: error.message }
      : data
        ? { kind: "ready", carts: data.data }
        : { kind: "loading" };
  return <MyCartsView state={state} />;
}

function nextOffset(page: CartCollectionResponse): number | undefined {
  const { current, total, offset, limit } = page.meta?.page ?? {};
  if (current === undefined || total === undefined || current >= total) return undefined;
  return (offset ?? 0) + (limit ?? page.data.length);
}

/** The SDK generates no infinite options for `GET /v2/carts`: the usual hand-written ones. */
function AllOfMyCarts() {
  const { client, kind, session } = useStore();
  const headers = tokenHeaders(kind, session?.token);
  const { data, error, hasNextPage, isFetchingNextPage, fetchNextPage } = useInfiniteQuery({
    queryKey: getCartsQueryKey({ client, headers, query: { "page[limit]": ALL_PAGES_LIMIT } }),
    queryFn: async ({ pageParam, signal }) => {
      const { data } = await getCarts({
        client,
        headers,
        query: { "page[limit]": ALL_PAGES_LIMIT, "page[offset]": pageParam },
        signal,
        throwOnError: true,
      });
      return data;
    },
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: session !== undefined,
  });
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const carts = useMemo(() => data?.pages.flatMap((page) => page.data), [data]);
  const state: MyCartsState = !session
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
  const { setCartId } = useStore();
  useEffect(() => probe.register({ setCartId }), [probe, setCartId]);
  return null;
}

/** The cart with its items, as the cart page reads it: the SDK's own query options. */
const cartOptions = (client: Client, cartID: string) =>
  getACartOptions({ client, path: { cartID }, query: { include: ["items"] } });

function CartSummary() {
  const { client, cartId } = useStore();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    ...cartOptions(client, cartId ?? ""),
    enabled: cartId !== undefined,
  });
  // TanStack Query's optimistic update through the cache, as its guide writes it.
  const { mutate: update } = useMutation({
    ...updateACartItemMutation({ client }),
    onMutate: async ({ path, body }) => {
      const { queryKey } = cartOptions(client, path.cartID);
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<CartEntityResponse>(queryKey);
      queryClient.setQueryData<CartEntityResponse>(
        queryKey,
        (old) =>
          old && {
            ...old,
            included: {
              ...old.included,
              items: old.included?.items?.map((item) =>
                item.id === path.cartitemID
                  ? ({ ...item, quantity: body?.data?.quantity } as typeof item)
                  : item,
              ),
            },
          },
      );
      return { previous };
    },
    onError: (_error, { path }, context) =>
      queryClient.setQueryData(cartOptions(client, path.cartID).queryKey, context?.previous),
    onSettled: (_data, _error, { path }) =>
      queryClient.invalidateQueries({ queryKey: cartOptions(client, path.cartID).queryKey }),
  });
  return (
    <CartSummaryView
      total={data?.data.meta?.display_price?.with_tax?.amount}
      lines={data?.included?.items}
      onIncrement={(line) =>
        cartId &&
        update({
          path: { cartID: cartId, cartitemID: line.id! },
          body: { data: { type: "cart_item", id: line.id, quantity: (line.quantity ?? 0) + 1 } },
        })
      }
    />
  );
}

/** `initializeCart()` (a new cart when none is kept), then `manageCarts`, then invalidate. */
function AddToCart({ productId }: { productId: string }) {
  const { client, setCartId } = useStore();
  const queryClient = useQueryClient();
  const { mutate: add } = useMutation({
    mutationFn: async () => {
      const cartID = await initializeCart();
      setCartId(cartID);
      await manageCarts({
        client,
        path: { cartID },
        body: { data: { type: "cart_item", id: productId, quantity: 1 } },
        throwOnError: true,
      });
      return cartID;
    },
    onSuccess: (cartID) =>
      queryClient.invalidateQueries({ queryKey: cartOptions(client, cartID).queryKey }),
  });
  return <AddToCartView onAdd={() => add()} />;
}

/**
 * The retries a storefront gives its mutations (`defaultOptions.mutations.retry`, or on the
 * mutation): TanStack Query's own default for queries is 3.
 */
export const SDK_CHECKOUT_RETRY = 3;

/** The SDK's checkout mutation, retried as TanStack Query retries (1 s, then 2 s, 4 s). */
function Checkout() {
  const { client, session, cartId } = useStore();
  const checkout = useMutation({ ...checkoutApiMutation({ client }), retry: SDK_CHECKOUT_RETRY });
  const addresses = {
    billing_address: CHECKOUT_WIRE_ADDRESS,
    shipping_address: CHECKOUT_WIRE_ADDRESS,
  };
  return (
    <CheckoutView
      status={checkout.status}
      orderId={checkout.data?.data?.id}
      error={checkout.error ? "Your order could not be placed." : undefined}
      onPlaceOrder={() =>
        cartId &&
        checkout.mutate(
          session
            ? {
                path: { cartID: cartId },
                body: { data: { customer: { id: session.ownerId }, ...addresses } },
                headers: tokenHeaders("customer", session.token),
              }
            : {
                path: { cartID: cartId },
                body: { data: { customer: CHECKOUT_GUEST, ...addresses } },
              },
        )
      }
    />
  );
}

const cartPage = { CartSummary, AddToCart, Checkout };

const parts: Record<ShopperKind, StorefrontParts> = {
  customer: {
    LoginForm,
    CartBadge,
    SavedCartNotice: CustomerSavedCartNotice,
    MyCarts,
    Controls,
    ...cartPage,
  },
  account: {
    LoginForm,
    CartBadge,
    SavedCartNotice: AccountSavedCartNotice,
    MyCarts,
    Controls,
    ...cartPage,
  },
};

function Storefront({
  client,
  queryClient,
  probe,
  initialCartId,
  strict = false,
  shopper = "customer",
  ...layout
}: StorefrontProps) {
  const tree = (
    <ProbeProvider value={probe}>
      <QueryClientProvider client={queryClient}>
        <StoreProvider client={client} kind={shopper} initialCartId={initialCartId}>
          <StorefrontLayout parts={parts[shopper]} probe={probe} {...layout} />
        </StoreProvider>
      </QueryClientProvider>
    </ProbeProvider>
  );
  return strict ? <StrictMode>{tree}</StrictMode> : tree;
}

export const sdkBaseline: BenchImplementation = { name: "sdk-baseline", Storefront };
