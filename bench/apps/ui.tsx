/**
 * What both storefronts render, so they differ only in how they get their data: the
 * package's hooks, or the SDK's generated React Query helpers. Same DOM, same layout, same
 * number of components; each implementation passes its own data-bound parts.
 */
import type { CartResponse, Client } from "@epcc-sdk/sdks-shopper";
import type { QueryClient } from "@tanstack/react-query";
import { createContext, Profiler, useContext, type ComponentType, type FormEvent } from "react";
import type { Probe } from "../support/probe";

export interface StorefrontProps {
  client: Client;
  queryClient: QueryClient;
  probe: Probe;
  /** The guest cart the shopper arrives with (as if read from `localStorage`). */
  initialCartId?: string;
  strict?: boolean;
  /** Who logs in: a customer (default), or an account member (the bench's password profile). */
  shopper?: ShopperKind;
  /** This package's provider prop; the SDK baseline always associates. Default "associate". */
  guestCartOnLogin?: "associate" | "merge";
  /** How the page shows the current cart. Default "cart-queries". */
  badge?: CartBadgeKind;
  /** Components that use the association hook. Default 1. */
  associationConsumers?: number;
  /** "My carts" components. Default 1. */
  listConsumers?: number;
  /** "first-page": one page at Elastic Path's default limit; "all-pages": every page at limit 100. */
  list?: ListMode;
  /**
   * "my-carts": the login page (default); "cart": the cart page of the cart scenarios;
   * "checkout": the login form and a "Place order" button (the checkout scenarios).
   */
  page?: "my-carts" | "cart" | "checkout";
  /** On the cart page: one "Add to cart" component per product id, each on its own hooks. */
  addProductIds?: string[];
}

export type ListMode = "first-page" | "all-pages";

export type ShopperKind = "customer" | "account";

/**
 * The storefront shapes "My carts" must be fast in, whatever caches the current cart:
 * - "none": no cart badge at all;
 * - "sdk": a badge on the SDK's own `getACartOptions` (@epcc-sdk/sdks-shopper/react-query);
 * - "cart-queries": a badge on this package's `cartQueries.cart`. The SDK baseline has no
 *   such thing: its badge stays on `getACartOptions`, as in "sdk".
 */
export type CartBadgeKind = "none" | "sdk" | "cart-queries";

export interface BenchImplementation {
  name: "epcc-react-hooks" | "sdk-baseline";
  Storefront: ComponentType<StorefrontProps>;
}

/** The data-bound components one implementation provides. */
export interface StorefrontParts {
  LoginForm: ComponentType;
  CartBadge: ComponentType<{ badge: Exclude<CartBadgeKind, "none"> }>;
  SavedCartNotice: ComponentType;
  MyCarts: ComponentType<{ list: ListMode }>;
  /** Renders nothing; registers the controls a scenario drives (`Probe.register`). */
  Controls: ComponentType;
  /** The cart page's summary: the total and each line with a "+" button. */
  CartSummary: ComponentType;
  /** An "Add to cart" button for one product. */
  AddToCart: ComponentType<{ productId: string }>;
  /** The checkout page's "Place order": the current cart, the shopper's details below. */
  Checkout: ComponentType;
}

/** The limit "all-pages" loads with: Elastic Path's maximum. */
export const ALL_PAGES_LIMIT = 100;

const ProbeContext = createContext<Probe | undefined>(undefined);
export const ProbeProvider = ProbeContext.Provider;

export function useProbe(): Probe {
  const probe = useContext(ProbeContext);
  if (!probe) throw new Error("useProbe must be used inside <ProbeProvider>.");
  return probe;
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

export function StorefrontLayout({
  parts: {
    LoginForm,
    CartBadge,
    SavedCartNotice,
    MyCarts,
    Controls,
    CartSummary,
    AddToCart,
    Checkout,
  },
  probe,
  associationConsumers = 1,
  listConsumers = 1,
  list = "first-page",
  badge = "cart-queries",
  page = "my-carts",
  addProductIds = [],
}: Pick<
  StorefrontProps,
  "probe" | "associationConsumers" | "listConsumers" | "list" | "badge" | "page" | "addProductIds"
> & {
  parts: StorefrontParts;
}) {
  if (page === "cart") {
    return (
      <main>
        <Profiler id="cart" onRender={probe.onCartRender}>
          <CartSummary />
        </Profiler>
        {addProductIds.map((productId, index) => (
          <AddToCart key={index} productId={productId} />
        ))}
      </main>
    );
  }
  if (page === "checkout") {
    return (
      <main>
        <Controls />
        <LoginForm />
        <Checkout />
      </main>
    );
  }
  return (
    <main>
      <Controls />
      <LoginForm />
      {badge !== "none" && <CartBadge badge={badge} />}
      {range(associationConsumers).map((index) => (
        <SavedCartNotice key={index} />
      ))}
      {range(listConsumers).map((index) => (
        <Profiler key={index} id={String(index)} onRender={probe.onRender}>
          <section data-my-carts={index}>
            <h2>My carts</h2>
            <MyCarts list={list} />
          </section>
        </Profiler>
      ))}
    </main>
  );
}

export interface Credentials {
  email: string;
  password: string;
}

export function LoginFormView({
  signedIn,
  error,
  onLogin,
  onLogout,
}: {
  signedIn: boolean;
  error: string | undefined;
  onLogin(credentials: Credentials): void;
  onLogout(): void;
}) {
  if (signedIn) {
    return (
      <button type="button" onClick={onLogout}>
        Log out
      </button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onLogin({ email: String(form.get("email")), password: String(form.get("password")) });
  };
  return (
    <form aria-label="Log in" onSubmit={submit}>
      <input name="email" type="email" aria-label="Email" />
      <input name="password" type="password" aria-label="Password" />
      <button type="submit">Log in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

export function CartBadgeView({ cart }: { cart: CartResponse | undefined }) {
  if (!cart) return null;
  const lines = cart.relationships?.items?.data?.length ?? 0;
  return (
    <p data-cart-badge={cart.id}>
      {cart.name} ({lines} {lines === 1 ? "item" : "items"})
    </p>
  );
}

export function SavedCartNoticeView({
  status,
}: {
  status: "idle" | "pending" | "success" | "error";
}) {
  if (status === "pending") return <p>Saving your cart…</p>;
  if (status === "error") return <p role="alert">Your cart could not be saved.</p>;
  if (status === "success") return <p>Your cart is saved to your account.</p>;
  return null;
}

export type MyCartsState =
  | { kind: "signed-out" }
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; carts: CartResponse[] };

export function MyCartsView({ state }: { state: MyCartsState }) {
  switch (state.kind) {
    case "signed-out":
      return <p>Log in to see your carts.</p>;
    case "loading":
      return <p>Loading your carts…</p>;
    case "error":
      return <p role="alert">{state.message}</p>;
    case "ready":
      return (
        <ul>
          {state.carts.map((cart) => (
            <li key={cart.id} data-cart-id={cart.id}>
              {cart.name}
            </li>
          ))}
        </ul>
      );
  }
}

/** One line of the cart page as both storefronts show it. */
export interface CartLine {
  id?: string;
  sku?: string;
  quantity?: number;
}

/**
 * The cart page's summary: the total with tax (in minor units, as `data-cart-total`) and each
 * line's quantity with a "+" button. What the shopper sees is read from here at each commit.
 */
export function CartSummaryView({
  total,
  lines,
  onIncrement,
}: {
  total: number | undefined;
  lines: CartLine[] | undefined;
  onIncrement(line: CartLine): void;
}) {
  return (
    <section data-cart-page="" data-cart-total={total ?? ""}>
      <h2>Your cart</h2>
      <ul>
        {(lines ?? []).map((line) => (
          <li key={line.id} data-line-sku={line.sku} data-quantity={line.quantity}>
            {line.sku} × {line.quantity}{" "}
            <button
              type="button"
              aria-label={`One more ${line.sku}`}
              onClick={() => onIncrement(line)}
            >
              +
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AddToCartView({ onAdd }: { onAdd(): void }) {
  return (
    <button type="button" data-add-to-cart="" onClick={onAdd}>
      Add to cart
    </button>
  );
}

/** What the checkout page's shopper typed in: a guest also gives an email and a name. */
export const CHECKOUT_GUEST = { email: "ada@example.com", name: "Ada Lovelace" };
export const CHECKOUT_ADDRESS = {
  firstName: "Ada",
  lastName: "Lovelace",
  line1: "12 St James's Square",
  city: "London",
  region: "Greater London",
  postcode: "SW1Y 4JH",
  country: "GB",
};
/** The same address as Elastic Path's body spells it (the SDK way writes it so). */
export const CHECKOUT_WIRE_ADDRESS = {
  first_name: CHECKOUT_ADDRESS.firstName,
  last_name: CHECKOUT_ADDRESS.lastName,
  line_1: CHECKOUT_ADDRESS.line1,
  city: CHECKOUT_ADDRESS.city,
  region: CHECKOUT_ADDRESS.region,
  postcode: CHECKOUT_ADDRESS.postcode,
  country: CHECKOUT_ADDRESS.country,
};

/**
 * The checkout page's button and what the shopper sees after it: the order's confirmation
 * (`data-order-id`), or an error (`data-checkout-error`).
 */
export function CheckoutView({
  status,
  orderId,
  error,
  onPlaceOrder,
}: {
  status: "idle" | "pending" | "success" | "error";
  orderId: string | undefined;
  error: string | undefined;
  onPlaceOrder(): void;
}) {
  return (
    <section data-checkout-page="">
      <button
        type="button"
        data-place-order=""
        disabled={status === "pending"}
        onClick={onPlaceOrder}
      >
        Place order
      </button>
      {status === "pending" && <p>Placing your order…</p>}
      {status === "success" && <p data-order-id={orderId}>Thank you: order {orderId}.</p>}
      {status === "error" && (
        <p role="alert" data-checkout-error="">
          {error}
        </p>
      )}
    </section>
  );
}
