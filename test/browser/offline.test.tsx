/**
 * A storefront offline in a real browser, the README's "Run your storefront offline"
 * recipe: `startFakeElasticPathWorker` starts msw's service worker on a new fake, and the
 * app's unchanged SDK client (default host, its own client id, the SDK's default
 * localStorage token storage) talks to it. One call per page, as in an app: it owns the
 * page's worker, so this file runs it once.
 */
import { createShopperClient, getACart } from "@epcc-sdk/sdks-shopper";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ElasticPathProvider,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerLogin,
  useCustomerSession,
} from "../../src";
import { startFakeElasticPathWorker, type FakeElasticPathWorker } from "../../src/testing";

const BASE_URL = "https://useast.api.elasticpath.com";
const CLIENT_ID = "my-storefront-client-id";
const SHOPPER = { email: "ada@example.com", password: "analytical-engine" };

/** What the previous page load left behind, against a fake that is gone now. */
const LEFT_BY_THE_LAST_LOAD = {
  _epcc_customer_session: JSON.stringify({
    customerId: "customer-of-the-last-load",
    token: "token.of.the-last-load",
    expiresAt: Date.now() + 3_600_000,
  }),
  _store_ep_cart: "cart-of-the-last-load",
  _epcc_associated_carts: "[]",
  _store_ep_credentials: JSON.stringify({ access_token: "a".repeat(40), expires: 9e9 }),
};

let offline: FakeElasticPathWorker;
beforeAll(async () => {
  for (const [key, value] of Object.entries(LEFT_BY_THE_LAST_LOAD)) {
    localStorage.setItem(key, value);
  }
  offline = await startFakeElasticPathWorker({
    baseUrl: BASE_URL,
    clientId: CLIENT_ID,
    customers: [SHOPPER],
    guestCart: { name: "Guest cart", items: [{ name: "Wool socks", quantity: 2, amount: 1200 }] },
  });
});
afterAll(() => offline.worker.stop());

describe("startFakeElasticPathWorker", () => {
  it("clears what the last page load stored, and makes the seeded guest cart this browser's", () => {
    const cartId = offline.guestCart?.id;
    expect(cartId).toMatch(/\S/);
    expect({ ...localStorage }).toEqual({ _store_ep_cart: cartId });
    expect(offline.customers.map((customer) => customer.email)).toEqual([SHOPPER.email]);
  });

  it("answers the app's own SDK client: login, and the guest cart associated exactly once", async () => {
    const { fake, guestCart, customers } = offline;
    const { client } = createShopperClient({ baseUrl: BASE_URL }, { clientId: CLIENT_ID });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider client={client}>{children}</ElasticPathProvider>
      </QueryClientProvider>
    );
    const { result } = renderHook(
      () => ({
        session: useCustomerSession(),
        cartId: useCartId()[0],
        login: useCustomerLogin(),
        association: useAssociateCartWithCustomer(),
      }),
      { wrapper },
    );
    expect(result.current.session).toEqual({ status: "signed-out" });
    expect(result.current.cartId).toBe(guestCart?.id);

    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.association.data?.status).toBe("associated"));

    expect(fake.associations()).toEqual([{ cartId: guestCart?.id, customerId: customers[0]?.id }]);
    expect(fake.requestsTo("associate")).toHaveLength(1);
    expect(fake.requestsTo("access-token").map((request) => request.body)).toEqual([
      { grant_type: "implicit", client_id: CLIENT_ID },
    ]);
    const { data } = await getACart({ client, path: { cartID: guestCart!.id } });
    expect(data?.data?.meta?.display_price?.with_tax?.formatted).toBe("$24.00");
  });

  it("answers an endpoint it does not fake with a 404 that says so, never the network, and logs it", async () => {
    const response = await fetch(`${BASE_URL}/catalog/products`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [
        {
          status: 404,
          title: "Not Found",
          detail:
            "The fake Elastic Path does not answer GET /catalog/products: it fakes the endpoints listed in fakeEndpoints only.",
        },
      ],
    });
    expect(offline.fake.requests.at(-1)).toMatchObject({
      endpoint: "not-implemented",
      notImplemented: true,
      method: "GET",
      path: "/catalog/products",
      status: 404,
    });
  });
});
