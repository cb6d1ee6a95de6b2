/**
 * `npm run explore` (test/reliability/explore.run.tsx) on its own: fresh random seeds for
 * as long as `EXPLORE_MINUTES` says, never part of `npm test`, whose seeds are fixed.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  plugins: [react()],
  test: {
    name: "explore",
    environment: "jsdom",
    include: ["test/reliability/explore.run.tsx"],
    setupFiles: ["test/setup/unit.ts"],
  },
});
