/**
 * Which Elastic Path this storefront talks to, for the browser and the server alike.
 *
 * With `NEXT_PUBLIC_EP_CLIENT_ID` and `NEXT_PUBLIC_EP_BASE_URL` set when `next build` runs
 * (Next.js writes `NEXT_PUBLIC_*` values into the build), it is your store. Only the client
 * id of the implicit flow belongs here: it is public, and never a client secret.
 * Without them it is epcc-react-hooks' fake Elastic Path, which this app's server runs in
 * memory and serves at `/fake-ep` (see `lib/server/fakeElasticPath.ts`).
 */
export interface StoreConfig {
  kind: "real" | "fake";
  clientId: string;
  /** Where the browser sends its requests: your store's API, or this app's `/fake-ep` route. */
  browserBaseUrl: string;
}

/** The path of the route that answers as the fake Elastic Path. */
export const FAKE_PATH = "/fake-ep";
/** The client id the fake accepts; a made-up one, as the fake has no real store behind it. */
export const FAKE_CLIENT_ID = "next-storefront-demo";

const clientId = process.env.NEXT_PUBLIC_EP_CLIENT_ID;
const baseUrl = process.env.NEXT_PUBLIC_EP_BASE_URL;

export const store: StoreConfig =
  clientId && baseUrl
    ? { kind: "real", clientId, browserBaseUrl: baseUrl.replace(/\/+$/, "") }
    : { kind: "fake", clientId: FAKE_CLIENT_ID, browserBaseUrl: FAKE_PATH };

/** The demo shoppers: they exist only in the fake, so their logins can be shown on screen. */
export const DEMO_SHOPPERS = [
  { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine" },
  { name: "Grace Hopper", email: "grace@example.com", password: "compiler-1952" },
] as const;

/** A tiny catalog, added to carts as custom items (no catalog needed on the store). */
export const PRODUCTS = [
  { sku: "wool-socks", name: "Wool socks", amount: 1200 },
  { sku: "canvas-tote", name: "Canvas tote bag", amount: 2500 },
] as const;

export type Product = (typeof PRODUCTS)[number];
