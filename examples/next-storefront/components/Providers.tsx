"use client";
/**
 * The provider tree of each storefront. The QueryClient and the SDK client are made once per
 * browser tab (inside `useState`, not at module level, which the server would share between
 * shoppers), and on the server once per request.
 */
import { createShopperClient, type Client } from "@epcc-sdk/sdks-shopper";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ElasticPathProvider, type CustomerSession } from "epcc-react-hooks";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { signOut } from "@/app/server/actions";
import { store } from "@/lib/store";

function newQueryClient() {
  return new QueryClient({
    // Prefetched data is fresh for a minute: hydrating it does not fetch it again at once.
    defaultOptions: { queries: { staleTime: 60_000 } },
  });
}

/**
 * The SDK client of the browser. With `relayCustomerRequests`, requests that carry a
 * customer token (the session's handle, in the server-login storefront) go to this app's
 * `/api/ep`, which puts the real token in; the rest go to Elastic Path as usual.
 */
function newBrowserClient({ relayCustomerRequests }: { relayCustomerRequests: boolean }): Client {
  const relay = async (request: Request): Promise<Response> => {
    if (!relayCustomerRequests || !request.headers.has("X-Moltin-Customer-Token")) {
      return fetch(request);
    }
    const base = new URL(store.browserBaseUrl, window.location.href).href.replace(/\/+$/, "");
    const rest = request.url.slice(base.length); // e.g. "/v2/carts?page[limit]=20"
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    return fetch(new URL(`/api/ep${rest}`, window.location.href), {
      method: request.method,
      headers: request.headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      signal: request.signal,
    });
  };
  return createShopperClient(
    { baseUrl: store.browserBaseUrl, fetch: relay },
    { clientId: store.clientId },
  ).client;
}

/** The package keeps the session itself (in localStorage): its own login and logout hooks. */
export function BrowserSessionProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(newQueryClient);
  const [client] = useState(() => newBrowserClient({ relayCustomerRequests: false }));
  return (
    <QueryClientProvider client={queryClient}>
      <ElasticPathProvider client={client}>{children}</ElasticPathProvider>
    </QueryClientProvider>
  );
}

const sameSession = (a: CustomerSession, b: CustomerSession) =>
  a.status === b.status &&
  (a.status === "signed-out" ||
    (b.status === "signed-in" && a.customerId === b.customerId && a.token === b.token));

/**
 * The server keeps the session (an httpOnly cookie); the layout reads it and hands it here,
 * and the provider is controlled. A logout or an expiry from the package ends it here at
 * once and deletes the cookie; a login on the server arrives as a new `session` prop.
 */
export function ServerSessionProviders({
  session: serverSession,
  children,
}: {
  session: CustomerSession;
  children: ReactNode;
}) {
  const [queryClient] = useState(newQueryClient);
  const [client] = useState(() => newBrowserClient({ relayCustomerRequests: true }));
  const [session, setSession] = useState(serverSession);
  const [lastServerSession, setLastServerSession] = useState(serverSession);
  if (!sameSession(lastServerSession, serverSession)) {
    // The server's session changed (a login's redirect, a refresh): follow it.
    setLastServerSession(serverSession);
    setSession(serverSession);
  }
  const router = useRouter();
  const [, startTransition] = useTransition();
  const onSessionChange = (next: CustomerSession) => {
    setSession(next);
    if (next.status === "signed-out") {
      startTransition(async () => {
        await signOut();
        router.refresh();
      });
    }
  };
  return (
    <QueryClientProvider client={queryClient}>
      <ElasticPathProvider client={client} session={session} onSessionChange={onSessionChange}>
        {children}
      </ElasticPathProvider>
    </QueryClientProvider>
  );
}
