import type { ReactNode } from "react";
import { Header } from "@/components/Header";
import { BrowserSessionProviders } from "@/components/Providers";

export default function BrowserStoreLayout({ children }: { children: ReactNode }) {
  return (
    <BrowserSessionProviders>
      <Header base="/browser" title="Logged in by the browser" />
      <main>{children}</main>
    </BrowserSessionProviders>
  );
}
