import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // This app lives inside the package's repository, which has a lockfile of its own: the
  // app's root is this folder, where its own node_modules (and the packed package) are.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
