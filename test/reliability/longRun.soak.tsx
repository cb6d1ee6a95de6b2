/**
 * The long run (issue 7): 1,000 login / logout cycles on one QueryClient, each with a
 * guest cart associated on login and "My carts" loaded. The query and mutation caches and
 * the storage listeners must stay bounded; the heap is reported before and after.
 *
 * Run with `npx vitest run --config test/reliability/soak.config.ts` (CI does, before
 * `npm test`); `LONG_RUN_CYCLES` changes the number of cycles (default 1000).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ElasticPathProvider,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useCustomerSession,
} from "../../src";
import { createFakeElasticPath } from "../../src/testing";
import { SHOPPER } from "../support/harness";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";

const CYCLES = Number(process.env.LONG_RUN_CYCLES ?? 1000);
const MB = 1024 * 1024;

// Heap figures mean something only after a full collection; the test workers run without
// --expose-gc, so switch it on for a fresh context and take its gc().
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;
/**
 * Heap in use after a full collection, without the code space: V8 keeps optimizing hotter
 * code for the whole run, which is not data anyone holds on to (its deopt data and
 * relocation info live in old space and still count: a heap-snapshot diff of cycles 100 to
 * 400 put them at ~2.7 KB a cycle, tapering). Node's fetch frees each Request in a
 * FinalizationRegistry callback, which runs only after a collection: let it, then collect again.
 */
const heapUsedMb = async () => {
  collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  const code = getHeapSpaceStatistics()
    .filter((space) => space.space_name.includes("code_space"))
    .reduce((sum, space) => sum + space.space_used_size, 0);
  return (process.memoryUsage().heapUsed - code) / MB;
};

/** `storage` listeners currently registered on window: cross-tab sync must not pile up. */
function countStorageListeners() {
  const active = new Set<unknown>();
  const add = window.addEventListener.bind(window);
  const remove = window.removeEventListener.bind(window);
  vi.spyOn(window, "addEventListener").mockImplementation((type, listener, options) => {
    if (type === "storage") active.add(listener);
    add(type, listener, options);
  });
  vi.spyOn(window, "removeEventListener").mockImplementation((type, listener, options) => {
    if (type === "storage") active.delete(listener);
    remove(type, listener, options);
  });
  return () => active.size;
}

afterEach(() => vi.restoreAllMocks());

describe("the long run", () => {
  it(
    `stays bounded over ${CYCLES} login / logout cycles on one QueryClient`,
    { timeout: 120_000 },
    async () => {
      const storageListeners = countStorageListeners();
      const fake = createFakeElasticPath();
      server.use(...fake.handlers);
      const customer = fake.seedCustomer(SHOPPER);
      fake.seedCarts(3, { customerIds: [customer.id] });
      const { client } = createTestClient(fake);
      // An app's QueryClient as most apps create it: TanStack's defaults.
      const queryClient = new QueryClient();
      const wrapper = ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>
          <ElasticPathProvider client={client}>{children}</ElasticPathProvider>
        </QueryClientProvider>
      );
      const { result } = renderHook(
        () => ({
          session: useCustomerSession(),
          login: useCustomerLogin(),
          logout: useCustomerLogout(),
          cart: useCartId(),
          carts: useCustomerCarts(),
          associate: useAssociateCartWithCustomer(),
        }),
        { wrapper },
      );

      const sizes = () => ({
        queries: queryClient.getQueryCache().getAll().length,
        mutations: queryClient.getMutationCache().getAll().length,
        storageListeners: storageListeners(),
      });
      const heapBefore = await heapUsedMb();
      const samples: Array<ReturnType<typeof sizes> & { cycle: number; heapMb: number }> = [];
      const started = performance.now();

      for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
        // A new guest cart each time: one association per session, and one more cart in the list.
        const guestCart = fake.seedCart({ name: `Guest ${cycle}` });
        act(() => result.current.cart[1](guestCart.id));
        await act(() => result.current.login.mutateAsync(SHOPPER));
        // Polled every millisecond: the cycle is over as soon as both show.
        await waitFor(() => expect(result.current.associate.data?.cartId).toBe(guestCart.id), {
          interval: 1,
        });
        await waitFor(
          () =>
            expect(result.current.carts.data?.data.some((cart) => cart.id === guestCart.id)).toBe(
              true,
            ),
          { interval: 1 },
        );
        act(() => result.current.logout());

        // Signed out: nothing of the customer's is left, whatever the cycle.
        const left = JSON.stringify([
          queryClient
            .getQueryCache()
            .getAll()
            .map((query) => query.queryKey),
          queryClient
            .getMutationCache()
            .getAll()
            .map((mutation) => [mutation.options.mutationKey, mutation.state.data]),
        ]);
        expect(left).not.toContain(customer.id);
        if (cycle === 1 || cycle % (CYCLES / 10) === 0) {
          samples.push({ cycle, ...sizes(), heapMb: Number((await heapUsedMb()).toFixed(1)) });
        }
      }

      const seconds = (performance.now() - started) / 1000;
      const requestCount = fake.requests.length;
      expect(fake.associations().filter((pair) => pair.customerId === customer.id)).toHaveLength(
        CYCLES + 3,
      );
      const heapAfter = await heapUsedMb();
      // The fake keeps every request, cart and token it saw; what is left once it forgot them
      // is what the package, React and the QueryClient hold.
      fake.reset();
      const heapWithoutFake = await heapUsedMb();
      console.info(
        `long run: ${CYCLES} cycles in ${seconds.toFixed(1)} s, ${requestCount} requests; ` +
          `heap used after a full GC: ${heapBefore.toFixed(1)} MB before, ${heapAfter.toFixed(1)} MB ` +
          `after, ${heapWithoutFake.toFixed(1)} MB once the fake forgot its requests, carts and ` +
          `tokens (${(((heapWithoutFake - heapBefore) * MB) / CYCLES / 1024).toFixed(2)} KB a cycle); ` +
          `every ${CYCLES / 10} cycles:`,
        samples.map((sample) => JSON.stringify(sample)).join("\n"),
      );
      // Bounded: what the first cycle left is what the last one leaves.
      const first = samples[0]!;
      for (const sample of samples) {
        expect(sample.queries).toBeLessThanOrEqual(first.queries);
        expect(sample.mutations).toBeLessThanOrEqual(first.mutations);
        expect(sample.storageListeners).toBe(first.storageListeners);
      }
    },
  );
});
