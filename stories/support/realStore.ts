/**
 * The optional switch from the fake Elastic Path to a real store, for `npm run storybook`:
 * set `VITE_EP_CLIENT_ID` and `VITE_EP_BASE_URL` in the environment (or an uncommitted
 * `.env.local`). Tests (`vitest`, mode "test") always run on the fake: their assertions
 * are about the fake's data and the requests it saw.
 */
export interface RealStore {
  clientId: string;
  baseUrl: string;
}

function readRealStore(): RealStore | undefined {
  const env = import.meta.env;
  const clientId: unknown = env.VITE_EP_CLIENT_ID;
  const baseUrl: unknown = env.VITE_EP_BASE_URL;
  if (env.MODE === "test" || typeof clientId !== "string" || typeof baseUrl !== "string") {
    return undefined;
  }
  if (clientId.trim() === "" || baseUrl.trim() === "") return undefined;
  return { clientId: clientId.trim(), baseUrl: baseUrl.trim().replace(/\/+$/, "") };
}

export const realStore: RealStore | undefined = readRealStore();
