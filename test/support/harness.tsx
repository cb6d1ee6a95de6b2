/**
 * One storefront under test: a fake Elastic Path on the msw server, the real SDK client
 * against it, a fresh QueryClient, and a wrapper with the package's provider.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, type ReactNode } from "react";
import { ElasticPathProvider, type ElasticPathProviderProps } from "../../src";
import {
  createFakeElasticPath,
  type FakeElasticPath,
  type FakeElasticPathOptions,
} from "../../src/testing";
import { createTestClient, type ShopperClient } from "./sdk";
import { server } from "./server";

export const SHOPPER = { email: "ada@example.com", password: "correct horse battery staple" };
export const OTHER_SHOPPER = { email: "grace@example.com", password: "another long passphrase" };

export interface HarnessOptions {
  fake?: FakeElasticPath | FakeElasticPathOptions;
  strict?: boolean;
  provider?: Omit<ElasticPathProviderProps, "client" | "children">;
}

export interface Harness {
  fake: FakeElasticPath;
  client: ShopperClient;
  queryClient: QueryClient;
  wrapper: (props: { children: ReactNode }) => ReactNode;
}

export function createHarness({
  fake: fakeOrOptions,
  strict = false,
  provider,
}: HarnessOptions = {}): Harness {
  const fake =
    fakeOrOptions && "handlers" in fakeOrOptions
      ? fakeOrOptions
      : createFakeElasticPath(fakeOrOptions);
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  // Retries off by default so failures show at once; the association hook sets its own.
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const wrapper = ({ children }: { children: ReactNode }) => {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider client={client} {...provider}>
          {children}
        </ElasticPathProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  return { fake, client, queryClient, wrapper };
}

/** Requests of one endpoint, for counting what crossed the wire. */
export const countOf = (
  fake: FakeElasticPath,
  endpoint: Parameters<FakeElasticPath["requestsTo"]>[0],
) => fake.requestsTo(endpoint).length;

/** Every string in the query and mutation caches' keys and mutation variables, to look for tokens in. */
export function cacheKeysAndVariables(queryClient: QueryClient): string {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => query.queryKey);
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) => [mutation.options.mutationKey, mutation.state.variables]);
  return JSON.stringify([queries, mutations]);
}
