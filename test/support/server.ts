import { setupServer } from "msw/node";

/** The one msw server of the unit project; each test `server.use(...fake.handlers)`. */
export const server = setupServer();
