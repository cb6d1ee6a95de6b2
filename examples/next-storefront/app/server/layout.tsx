import type { ReactNode } from "react";
import { Header } from "@/components/Header";
import { ServerSessionProviders } from "@/components/Providers";
import { browserSession, readStoredSession } from "@/lib/server/cookieSession";

/** Reads the session cookie on every request; the browser gets the session with the handle. */
export default async function ServerStoreLayout({ children }: { children: ReactNode }) {
  const session = browserSession(await readStoredSession());
  return (
    <ServerSessionProviders session={session}>
      <Header base="/server" title="Logged in by the server" />
      <main>{children}</main>
    </ServerSessionProviders>
  );
}
