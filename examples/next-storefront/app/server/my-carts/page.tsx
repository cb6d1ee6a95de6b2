import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { cartQueries } from "epcc-react-hooks/queries";
import { MyCarts } from "@/components/MyCarts";
import { readStoredSession, serverSideSession } from "@/lib/server/cookieSession";
import { serverClient } from "@/lib/server/elasticPath";

/**
 * "My carts", prefetched on the server as TanStack Query documents for the App Router: the
 * same options the client's `useCustomerCarts({ limit: 20 })` uses, from the server-safe
 * `epcc-react-hooks/queries`, with the customer token from the cookie. The dehydrated
 * state holds the key (customer id, paging) and the carts: no token.
 */
export default async function MyCartsPage() {
  const stored = await readStoredSession();
  const queryClient = new QueryClient();
  if (stored) {
    await queryClient.prefetchQuery(
      cartQueries.customerCarts(
        { client: serverClient(), session: serverSideSession(stored) },
        { limit: 20 },
      ),
    );
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MyCarts base="/server" />
    </HydrationBoundary>
  );
}
