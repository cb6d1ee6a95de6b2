/**
 * `epcc-react-hooks/queries`: the query keys and options factory, the error class and
 * `toElasticPathError`, in an entry without `'use client'`, so server code can call them.
 * Everything exported by a `'use client'` module is a client reference to React Server
 * Components: a server component calling `cartQueries.customerCarts()` from the main entry gets "is not a
 * function" (https://react.dev/reference/rsc/use-client). The hooks and the provider stay
 * in the main entry; both entries share one `cartQueries` object and one `ElasticPathError`
 * class, so `instanceof` holds whichever entry an error came through.
 *
 * @example
 * ```tsx
 * // app/account/carts/page.tsx, a server component (Next.js App Router):
 * import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
 * import { cartQueries } from "epcc-react-hooks/queries";
 *
 * export default async function Page() {
 *   const queryClient = new QueryClient();
 *   await queryClient.prefetchQuery(cartQueries.customerCarts({ client, session }, { limit: 20 }));
 *   return (
 *     <HydrationBoundary state={dehydrate(queryClient)}>
 *       <MyCarts />
 *     </HydrationBoundary>
 *   );
 * }
 * ```
 */
export {
  cartQueries,
  type AccountCartsParams,
  type AccountCartsQueryKey,
  type AccountCartsQueryOptions,
  type AccountCartsSource,
  type InfiniteAccountCartsQueryKey,
  type InfiniteAccountCartsQueryOptions,
  type CartQueryKey,
  type CartQueryOptions,
  type CartSource,
  type CustomerCartsQueryOptions,
  type InfiniteCustomerCartsQueryOptions,
  type CustomerCartsParams,
  type CustomerCartsQueryKey,
  type CustomerCartsSource,
  type InfiniteCustomerCartsQueryKey,
} from "./core/carts/cartQueries";
export type { CartContents, CartItem } from "./core/carts/cartEntry";
export type { CustomerSession, SignedInSession } from "./core/session/CustomerSession";
export type {
  AccountMembership,
  AccountSession,
  SignedInAccountSession,
} from "./core/session/AccountSession";
export {
  ElasticPathError,
  type ElasticPathErrorEntry,
  type ElasticPathErrorOptions,
} from "./core/errors/ElasticPathError";
export { toElasticPathError } from "./core/errors/toElasticPathError";
export { orderQueries, type OrdersSource } from "./core/orders/orderQueries";
export type {
  InfiniteOrdersQueryKey,
  InfiniteOrdersQueryOptions,
  OrderCollection,
  OrderQueryKey,
  OrderQueryOptions,
  OrdersParams,
  OrdersQueryKey,
  OrdersQueryOptions,
  OrderWithItems,
} from "./core/orders/orderRequests";
