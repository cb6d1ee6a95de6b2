import { setupServer } from "msw/node";

/**
 * The bench's own msw server (the unit project's lives in test/support/server.ts and is
 * started by that project's setup file, which the bench does not load). Each run puts one
 * fresh fake's handlers on it with `server.use(...)`.
 */
export const server = setupServer();
