/**
 * The cart's engine without React: the lazy cart, the collapsed quantity changes and the
 * checkout's single flight, driven as plain calls against the fake Elastic Path on msw.
 */
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { add, changeQuantity } from "../../src/core/cart/cartChanges";
import { itemBody } from "../../src/core/cart/cartItems";
import { createAssociationLedger } from "../../src/core/carts/associationLedger";
import type { CartContents } from "../../src/core/carts/cartEntry";
import type { Scope } from "../../src/core/carts/scope";
import { checkout } from "../../src/core/checkout/checkout";
import { startEngine } from "../../src/core/engine";
import { cartKeys } from "../../src/core/keys";
import { callOf, startCall } from "../../src/core/session/call";
import { customerKind } from "../../src/core/session/CustomerSession";
import {
  registerSessionKind,
  type ShopperKindDescriptor,
} from "../../src/core/session/sessionKind";
import { SessionStore } from "../../src/core/session/sessionStore";
import { memoryAdapter } from "../../src/core/session/storage";
import { createFakeElasticPath } from "../../src/testing";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";

registerSessionKind(customerKind as ShopperKindDescriptor);

function startTestEngine() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  const slot = () => ({ controlled: false, storage: memoryAdapter() });
  const store = new SessionStore({
    customer: slot(),
    account: slot(),
    cartId: slot(),
    keepCartOnLogout: false,
  });
  const scope: Scope = {
    client,
    queryClient: new QueryClient(),
    store,
    ledger: createAssociationLedger(memoryAdapter()),
    guestCartOnLogin: "associate",
  };
  startEngine(scope);
  return { fake, scope };
}

/** A call as a hook makes one: its own variables object, the shopper signed in now. */
const callFor = <Variables extends object>(scope: Scope, variables: Variables) =>
  startCall({ ...variables }, variables, scope.store.latest().shopper);

const LAMP = { custom: { name: "Lamp", sku: "lamp", price: { amount: 5000 } } };

describe("the lazy cart", () => {
  it("is created once for adds that race for it, and becomes the current cart", async () => {
    const { fake, scope } = startTestEngine();
    await Promise.all(
      [1, 2, 3].map(() => add(scope, callOf(callFor(scope, LAMP)), itemBody(LAMP))),
    );
    expect(fake.requestsTo("create-cart")).toHaveLength(1);
    const cartId = scope.store.latest().cartId!;
    expect(fake.cartItems(cartId)?.[0]?.quantity).toBe(3);
  });
});

describe("quantity changes", () => {
  it("one request in the air, then only the latest wish; every caller gets the last answer", async () => {
    const { fake, scope } = startTestEngine();
    const first = await add(scope, callOf(callFor(scope, LAMP)), itemBody(LAMP));
    const itemId = first.items[0]!.id!;
    fake.setLatency(({ endpoint }) => (endpoint === "update-item" ? 20 : 0));

    const answers = await Promise.all(
      [2, 3, 4, 5].map((quantity) => {
        const variables = callFor(scope, { itemId, quantity });
        return changeQuantity(scope, callOf(variables), variables, itemId, quantity, false);
      }),
    );

    expect(fake.requestsTo("update-item").map((r) => r.body)).toEqual([
      { data: { id: itemId, quantity: 2 } },
      { data: { id: itemId, quantity: 5 } },
    ]);
    expect(answers.map((answer) => answer.items[0]?.quantity)).toEqual([5, 5, 5, 5]);
    const cached = scope.queryClient.getQueryData<CartContents>(
      cartKeys.cart(scope.store.latest().cartId!),
    );
    expect(cached?.items[0]?.quantity).toBe(5);
  });
});

describe("checkout", () => {
  it("calls while one is in the air share it: one request, one order", async () => {
    const { fake, scope } = startTestEngine();
    await add(scope, callOf(callFor(scope, LAMP)), itemBody(LAMP));
    const address = {
      firstName: "Ada",
      lastName: "Lovelace",
      line1: "1 Square",
      region: "London",
      postcode: "SW1",
      country: "GB",
    };
    const input = {
      email: "ada@example.com",
      name: "Ada",
      billingAddress: address,
      shippingAddress: address,
    };
    const orders = await Promise.all(
      [1, 2].map(() => checkout(scope, callOf(callFor(scope, input)), input)),
    );
    expect(fake.requestsTo("checkout")).toHaveLength(1);
    expect(orders[0]!.id).toBe(orders[1]!.id);
    expect(scope.store.latest().cartId).toBeUndefined();
  });
});
