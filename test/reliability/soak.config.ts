/**
 * The long run (test/reliability/longRun.soak.tsx) on its own: about 25 s of 1,000 login /
 * logout cycles would double the unit project, which runs on one worker on a 2-core machine.
 * CI runs it before `npm test`: `npx vitest run --config test/reliability/soak.config.ts`.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  plugins: [react()],
  test: {
    name: "soak",
    environment: "jsdom",
    include: ["test/reliability/**/*.soak.tsx"],
    setupFiles: ["test/setup/unit.ts"],
  },
});
