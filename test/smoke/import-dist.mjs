// The built package as a user's Node code sees it: every entry imported by name through
// the `exports` map (a package may import itself), server rendering with no `window`, and
// the fake answering the real SDK client through msw/node. Run after `npm run build`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createShopperClient, getCarts } from "@epcc-sdk/sdks-shopper";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { setupServer } from "msw/node";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import {
  ElasticPathError,
  ElasticPathProvider,
  cartQueries,
  orderQueries,
  useCustomerSession,
  toElasticPathError,
} from "epcc-react-hooks";
import * as queries from "epcc-react-hooks/queries";
import { createFakeElasticPath } from "epcc-react-hooks/testing";

assert.equal(typeof globalThis.window, "undefined", "this check must run without a window");

const fake = createFakeElasticPath();
const server = setupServer(...fake.handlers);
server.listen({ onUnhandledRequest: "error" });
try {
  let token;
  const { client } = createShopperClient(
    { baseUrl: fake.baseUrl },
    { clientId: fake.clientId, storage: { get: () => token, set: (value) => (token = value) } },
  );

  function SessionStatus() {
    return h("p", null, useCustomerSession().status);
  }
  const html = renderToString(
    h(
      QueryClientProvider,
      { client: new QueryClient() },
      h(ElasticPathProvider, { client }, h(SessionStatus)),
    ),
  );
  assert.equal(html, "<p>signed-out</p>");

  const customer = fake.seedCustomer({ email: "smoke@example.com", password: "smoke-test" });
  fake.seedCarts(3, { customerIds: [customer.id] });
  const options = cartQueries.customerCarts({
    client,
    session: {
      status: "signed-in",
      customerId: customer.id,
      token: fake.issueCustomerToken(customer.id),
      expiresAt: Date.now() + 60_000,
    },
  });
  const carts = await new QueryClient().fetchQuery(options);
  assert.equal(carts.data.length, 3);
  assert.ok(!JSON.stringify(options.queryKey).includes("ey"), "no token in the key");

  const { response } = await getCarts({ client });
  assert.equal(response.status, 400, "a cart list without a customer token is refused");
  assert.throws(() => cartQueries.cart({ client }, "../x"), ElasticPathError);

  // The server-safe entry: no 'use client' (a server component can call it), the same
  // factory and the same error class as the main entry, which keeps the directive.
  const directive = /^\s*["']use client["']/;
  const fileOf = (specifier) =>
    readFileSync(createRequire(import.meta.url).resolve(specifier), "utf8");
  assert.ok(!directive.test(fileOf("epcc-react-hooks/queries")), "queries has no 'use client'");
  assert.ok(directive.test(fileOf("epcc-react-hooks")), "the main entry keeps 'use client'");
  assert.equal(queries.cartQueries, cartQueries, "one cartQueries across entries");
  assert.equal(queries.ElasticPathError, ElasticPathError, "one ElasticPathError across entries");
  assert.deepEqual(Object.keys(queries).sort(), [
    "ElasticPathError",
    "cartQueries",
    "orderQueries",
    "toElasticPathError",
  ]);
  assert.equal(queries.toElasticPathError, toElasticPathError, "one toElasticPathError");
  assert.equal(queries.orderQueries, orderQueries, "one orderQueries across entries");
  // A storefront's own SDK call: the built function gives the hooks' error for it.
  const fromBuild = toElasticPathError(await getCarts({ client }), "Listing carts");
  assert.ok(fromBuild instanceof ElasticPathError && fromBuild.status === 400, fromBuild.message);
  fake.failNext("get-cart", 1, { status: 500 });
  const refused = await new QueryClient()
    .fetchQuery({ ...queries.cartQueries.cart({ client }, "some-cart"), retry: false })
    .catch((error) => error);
  assert.ok(refused instanceof ElasticPathError && refused.status === 500, "a 500 from /queries");
  assert.throws(
    () => fake.failNext("no-such-endpoint", 1, { status: 500 }),
    queries.ElasticPathError,
  );

  console.log("dist smoke check: all 12 checks passed");
} finally {
  server.close();
}
