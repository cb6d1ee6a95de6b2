import type { SetupWorker, StartOptions } from "msw/browser";
import { ElasticPathError } from "../core/errors/ElasticPathError";
import { createFakeElasticPath } from "./createFakeElasticPath";
import type {
  FakeCustomer,
  FakeElasticPath,
  FakeElasticPathOptions,
  SeedCartInput,
  SeedCustomerInput,
  SeededCart,
} from "./types";

/** Where `ElasticPathProvider` keeps the cart id by default (the SDK's `initializeCart()` too). */
const CART_ID_KEY = "_store_ep_cart";
/**
 * What a storefront keeps between page loads that names tokens and carts: the provider's
 * session, cart id and association record, and the SDK's access token. A new fake knows
 * none of them.
 */
const STALE_KEYS = [
  "_epcc_customer_session",
  CART_ID_KEY,
  "_epcc_associated_carts",
  "_store_ep_credentials",
];

export interface StartFakeElasticPathWorkerOptions extends FakeElasticPathOptions {
  /** Customers who can log in with their email and password. */
  customers?: SeedCustomerInput[];
  /**
   * A guest cart to seed and make this browser's cart (`localStorage["_store_ep_cart"]`,
   * where the provider and the SDK's `initializeCart()` look), as if the shopper had filled
   * it before. Default: none; the storefront makes its own.
   */
  guestCart?: SeedCartInput;
  /**
   * Options of msw's `worker.start()`. Default: `quiet`, the worker script at
   * `/mockServiceWorker.js` (`npx msw init public --save` puts it there), requests to other
   * hosts passed through untouched.
   */
  start?: StartOptions;
}

export interface FakeElasticPathWorker {
  /** The fake, for more seeding, faults and its request log. */
  fake: FakeElasticPath;
  /** msw's worker, started. `worker.stop()` lets requests reach the network again. */
  worker: SetupWorker;
  /** The seeded customers, in the order given. */
  customers: FakeCustomer[];
  /** The seeded guest cart, now this browser's cart; `undefined` without `guestCart`. */
  guestCart: SeededCart | undefined;
}

/**
 * Runs a storefront in the browser with no Elastic Path at all: starts msw's service worker
 * answering with a new fake Elastic Path, seeds customers and a guest cart, and makes that
 * cart this browser's cart. Call it once per page load, before the app renders, and create
 * the SDK client for the fake's `baseUrl` and `clientId` (by default the Elastic Path host
 * and client id you pass, so the app's own client needs no change).
 *
 * The fake lives in memory: every page load starts a new, empty one. What the last load
 * left in `localStorage` (session, cart id, association record, the SDK's access token)
 * names tokens and carts the new fake never issued, so it is cleared first; a reload
 * therefore starts signed out, as a guest.
 *
 * Unknown endpoints on the fake's host (catalog, checkout) get a 404 that says the fake does
 * not answer them, instead of going out to the network.
 *
 * @example
 * ```tsx
 * // main.tsx of a Vite app: `VITE_OFFLINE=true npm run dev`
 * import { createShopperClient } from "@epcc-sdk/sdks-shopper";
 *
 * const baseUrl = "https://useast.api.elasticpath.com";
 * const clientId = import.meta.env.VITE_EP_CLIENT_ID;
 *
 * async function start() {
 *   if (import.meta.env.VITE_OFFLINE === "true") {
 *     const { startFakeElasticPathWorker } = await import("epcc-react-hooks/testing");
 *     await startFakeElasticPathWorker({
 *       baseUrl,
 *       clientId,
 *       customers: [{ email: "ada@example.com", password: "analytical-engine" }],
 *       guestCart: { items: [{ name: "Wool socks", quantity: 2, amount: 1200 }] },
 *     });
 *   }
 *   const { client } = createShopperClient({ baseUrl }, { clientId });
 *   createRoot(document.getElementById("root")!).render(<App client={client} />);
 * }
 * void start();
 * ```
 */
export async function startFakeElasticPathWorker(
  options: StartFakeElasticPathWorkerOptions = {},
): Promise<FakeElasticPathWorker> {
  if (typeof window === "undefined" || !("serviceWorker" in navigator)) {
    throw new ElasticPathError(
      "startFakeElasticPathWorker needs a browser with service workers (https or localhost); in Node, give fake.handlers to msw/node's setupServer.",
    );
  }
  const { customers = [], guestCart, start, ...fakeOptions } = options;
  const fake = createFakeElasticPath(fakeOptions);
  const seededCustomers = customers.map((customer) => fake.seedCustomer(customer));
  const seededCart = guestCart ? fake.seedCart(guestCart) : undefined;

  for (const key of STALE_KEYS) localStorage.removeItem(key);
  if (seededCart) localStorage.setItem(CART_ID_KEY, seededCart.id);

  // Imported here, not at the top: msw/browser cannot even be imported in Node, where the
  // rest of this entry runs.
  const { setupWorker } = await import("msw/browser");
  // The fake's last handler answers what it does not implement below its baseUrl (a 404, logged).
  const worker = setupWorker(...fake.handlers);
  await worker.start({
    quiet: true,
    onUnhandledRequest: "bypass",
    ...start,
  });
  return { fake, worker, customers: seededCustomers, guestCart: seededCart };
}
