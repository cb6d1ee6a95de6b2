/// <reference types="vitest/config" />
import { resolve } from "node:path";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vite";
import dts from "vite-plugin-dts";

const peers = ["react", "react-dom", "@tanstack/react-query", "@epcc-sdk/sdks-shopper", "msw"];
const isExternal = (id: string) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));

/**
 * Debian's Chromium, launched the way this workplace allows: no sandbox (root), and no
 * background networking (it would keep dialling hosts that cannot be reached).
 */
export const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
});

export default defineConfig({
  plugins: [
    react(),
    // Declarations for `src` only; the project's tsconfig also covers tests, stories and bench.
    dts({
      tsconfigPath: "./tsconfig.json",
      include: ["src"],
      compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true },
      // One declaration file per entry: relative imports without extensions in many small
      // files would not resolve under Node's ESM rules (attw's node16 check).
      bundleTypes: true,
    }),
  ],
  build: {
    lib: {
      entry: {
        index: resolve(import.meta.dirname, "src/index.ts"),
        "testing/index": resolve(import.meta.dirname, "src/testing/index.ts"),
        // Keys, options and the error class without 'use client', for server components.
        queries: resolve(import.meta.dirname, "src/queries.ts"),
      },
      formats: ["es"],
    },
    sourcemap: true,
    copyPublicDir: false, // public/ holds msw's worker for demos and browser tests only
    rollupOptions: {
      external: isExternal,
      output: {
        // Next.js App Router needs 'use client' at the top of the file that holds the
        // provider and hooks; bundlers drop module-level directives, so put it back.
        banner: (chunk) => (chunk.name === "index" ? '"use client";' : ""),
      },
    },
  },
  test: {
    reporters: ["default", "./test/support/closingLineReporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/browser/**", "test/readme/**"],
          setupFiles: ["test/setup/unit.ts"],
          typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
        },
      },
      {
        extends: true,
        test: {
          // README.md's and docs/*.md's code blocks, typechecked and linted (test/readme): Node, no msw.
          name: "readme",
          environment: "node",
          include: ["test/readme/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          // bench/requestCounts.test.tsx: `npm run bench`'s request-count targets, without
          // timings. The bench brings its own msw server, so not the unit project's setup.
          name: "bench",
          environment: "jsdom",
          include: ["bench/**/*.test.{ts,tsx}"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.{ts,tsx}"],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: "chromium" }],
          },
        },
      },
      {
        extends: true,
        // Every story in stories/ becomes a test: render, play function, a11y checks.
        plugins: [storybookTest({ configDir: ".storybook" })],
        test: {
          name: "storybook",
          // Story files share the page's localStorage (session, cart id) and storage
          // events, as tabs do: run them one at a time so one story cannot sign another out.
          fileParallelism: false,
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
