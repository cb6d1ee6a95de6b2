import { defineConfig } from "vitest/config";

/**
 * `npm run bench` only: the app-level benchmark of issue 6. Separate from vite.config.ts so
 * `npm test` never runs it (its projects include `test/**` only), and it never runs beside
 * other files: one worker, nothing else competing for the two cores.
 *
 * Two passes over the same file, one per React build (React picks its build from
 * `NODE_ENV` when first loaded, so a build is a process):
 * - `production`, as storefronts ship React: login-with-guest-cart, thousand-carts and
 *   switch-customer. `<Profiler>` needs the profiling flavour of that build, which
 *   bench/support/storefront.tsx imports (`react-dom/profiling`).
 * - `development`: strict-mode-five-consumers. `<StrictMode>` does nothing in production
 *   (no double render, no effect run twice on mount), so only here is that scenario what
 *   its name says.
 */
export default defineConfig({
  // Compile JSX for React's production runtime (`react/jsx-runtime`, not `jsx-dev-runtime`).
  oxc: { jsx: { runtime: "automatic", development: false } },
  test: {
    root: `${import.meta.dirname}/..`,
    include: ["bench/run.bench.tsx"],
    environment: "jsdom",
    // One file at a time across both passes: they must not share the cores.
    maxWorkers: 1,
    fileParallelism: false,
    // Lets each run start from a collected heap (see mountStorefront), so a garbage
    // collection left over from the previous run does not land inside a measurement.
    execArgv: ["--expose-gc"],
    testTimeout: 600_000,
    // Print the table as it comes, not buffered per test.
    disableConsoleIntercept: true,
    projects: ["production", "development"].map((reactBuild) => ({
      extends: true,
      test: { name: reactBuild, env: { NODE_ENV: reactBuild } },
    })),
  },
});
