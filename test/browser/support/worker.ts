/**
 * The browser project's one msw worker. It lives in its own module: evaluating
 * `setupWorker` twice in a page starts a second worker (toolchain.md, one module per worker).
 * Each test adds its fake's handlers with `worker.use(...)`.
 */
import { setupWorker } from "msw/browser";

export const worker = setupWorker();
