import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Hydrated } from "@/components/Hydrated";
import { store } from "@/lib/store";
import "./globals.css";

export const metadata: Metadata = {
  title: "epcc-react-hooks on Next.js",
  description: "A small storefront on epcc-react-hooks and the Next.js App Router.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/">epcc-react-hooks on Next.js</Link>
          <span className="muted">
            {store.kind === "fake" ? "on the fake Elastic Path" : "on your Elastic Path store"}
          </span>
        </header>
        {children}
        <Hydrated />
      </body>
    </html>
  );
}
