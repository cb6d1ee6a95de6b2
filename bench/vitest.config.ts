import { defineConfig } from "vitest/config";

/**
 * `npm run bench` only: the app-level benchmark of issue 6. Separate from vite.config.ts so
 * `npm test` never runs it (its projects include `test/**` only), and it never runs beside
 * other files: one file, one worker, nothing else competing for the two cores.
 *
 * React runs its production build, as storefronts ship it: the development build is several
 * times slower and would drown the differences measured here. `<Profiler>` needs the
 * profiling flavour of that build, which bench/support/storefront.tsx imports
 * (`react-dom/profiling`).
 */
export default defineConfig({
  // Compile JSX for React's production runtime (`react/jsx-runtime`, not `jsx-dev-runtime`).
  oxc: { jsx: { runtime: "automatic", development: false } },
  test: {
    root: `${import.meta.dirname}/..`,
    include: ["bench/run.bench.tsx"],
    environment: "jsdom",
    env: { NODE_ENV: "production" },
    fileParallelism: false,
    // Lets each run start from a collected heap (see mountStorefront), so a garbage
    // collection left over from the previous run does not land inside a measurement.
    execArgv: ["--expose-gc"],
    testTimeout: 600_000,
    // Print the table as it comes, not buffered per test.
    disableConsoleIntercept: true,
  },
});
