/**
 * The engine without React: the session store, the association coordinator, the ledger and
 * the merge record, driven as plain objects against the fake Elastic Path on msw — as
 * TanStack tests its `MutationObserver` without rendering. The hooks' own tests stay
 * through React (test/heart, test/carts).
 */
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { coordinatorFor } from "../../src/core/carts/associationCoordinator";
import { createAssociationLedger } from "../../src/core/carts/associationLedger";
import { mergeRecord } from "../../src/core/carts/mergeRecord";
import type { Scope } from "../../src/core/carts/scope";
import { ElasticPathError } from "../../src/core/errors/ElasticPathError";
import { startEngine } from "../../src/core/engine";
import { listsOf } from "../../src/core/keys";
import { customerKind, type CustomerSession } from "../../src/core/session/CustomerSession";
import { customerLogin } from "../../src/core/session/customerLogin";
import {
  registerSessionKind,
  sessionIdentity,
  type AnySession,
  type Shopper,
  type ShopperKindDescriptor,
} from "../../src/core/session/sessionKind";
import { SessionStore, type Slot } from "../../src/core/session/sessionStore";
import { memoryAdapter, type StorageAdapter } from "../../src/core/session/storage";
import { createFakeElasticPath } from "../../src/testing";
import { SHOPPER } from "../support/harness";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";

registerSessionKind(customerKind as ShopperKindDescriptor);

const uncontrolled = <Value>(storage: StorageAdapter = memoryAdapter()): Slot<Value> => ({
  controlled: false,
  storage,
});

/** One provider's engine, as the provider starts it, with storage in memory. */
function startTestEngine() {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  const { client } = createTestClient(fake);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const store = new SessionStore({
    customer: uncontrolled<AnySession>(),
    account: uncontrolled<AnySession>(),
    cartId: uncontrolled<string | undefined>(),
    keepCartOnLogout: false,
  });
  const scope: Scope = {
    client,
    queryClient,
    store,
    ledger: createAssociationLedger(memoryAdapter()),
    guestCartOnLogin: "associate",
  };
  const stop = startEngine(scope);
  return { fake, scope, stop };
}

async function logIn({ scope, fake }: ReturnType<typeof startTestEngine>) {
  fake.seedCustomer(SHOPPER);
  const session = await customerLogin.request(scope.client, SHOPPER);
  scope.store.signIn("customer", session, scope.store.startLogin());
  return { session, shopper: scope.store.latest().shopper! };
}

describe("the session store, without React", () => {
  it("follows a session from login to logout, telling each domain once", async () => {
    const engine = startTestEngine();
    const { store } = engine.scope;
    const changes: Array<[string | undefined, string | undefined]> = [];
    store.onShopperChange((previous, current) => changes.push([previous?.id, current?.id]));
    store.setCartId("guest-cart");

    const { session, shopper } = await logIn(engine);

    expect(store.getSnapshot().customer).toEqual(session);
    expect(shopper).toMatchObject({ kind: "customer", id: session.customerId });
    expect(store.isCurrent(shopper)).toBe(true);
    expect(store.isShopper(shopper)).toBe(true);
    expect(store.latest().cartId).toBe("guest-cart");

    store.signOut("customer");

    expect(store.getSnapshot().customer).toEqual({ status: "signed-out" });
    expect(store.latest().cartId).toBeUndefined();
    expect(store.isCurrent(shopper)).toBe(false);
    expect(changes).toEqual([
      [undefined, session.customerId],
      [session.customerId, undefined],
    ]);
    engine.stop();
  });

  it("reads an expired session as signed out, and a new login of the same shopper as a new session", async () => {
    const engine = startTestEngine();
    const { store } = engine.scope;
    const { session, shopper } = await logIn(engine);
    store.signIn("customer", { ...session, token: `${session.token}-again` }, store.startLogin());

    expect(store.isCurrent(shopper)).toBe(false);
    expect(store.isShopper(shopper)).toBe(true);

    const expired: CustomerSession = { ...session, expiresAt: Date.now() - 1 };
    store.signIn("customer", expired, store.startLogin());
    expect(store.getSnapshot().customer).toEqual({ status: "signed-out" });
    engine.stop();
  });

  it("starts no session for a login the shopper overrode: a logout, or a later login", async () => {
    const engine = startTestEngine();
    const { store } = engine.scope;
    engine.fake.seedCustomer(SHOPPER);
    const first = store.startLogin();
    const session = await customerLogin.request(engine.scope.client, SHOPPER);
    store.logOut("customer");
    expect(store.signIn("customer", session, first)).toBe(false);
    expect(store.latest().shopper).toBeUndefined();

    const older = store.startLogin();
    const newer = store.startLogin();
    expect(store.signIn("customer", session, older)).toBe(false);
    expect(store.signIn("customer", session, newer)).toBe(true);
    expect(store.latest().shopper?.token).toBe(session.token);
    engine.stop();
  });

  it("ends a session on a 401 of its own token only (the one 401 rule)", async () => {
    const engine = startTestEngine();
    const { store } = engine.scope;
    const { shopper } = await logIn(engine);
    const refused = new ElasticPathError("Refused.", { status: 401 });

    await expect(store.signOutOn401("an older token", Promise.reject(refused))).rejects.toBe(
      refused,
    );
    expect(store.isCurrent(shopper)).toBe(true);

    await expect(store.signOutOn401(shopper.token, Promise.reject(refused))).rejects.toBe(refused);
    expect(store.latest().shopper).toBeUndefined();
    engine.stop();
  });

  it("keeps no password where TanStack would keep the login's variables", () => {
    expect(customerLogin.withoutSecrets(SHOPPER)).toEqual({ email: SHOPPER.email });
  });
});

describe("the association coordinator, without React", () => {
  it("associates one (cart, shopper) pair once per session, however often it is asked", async () => {
    const engine = startTestEngine();
    const { fake, scope } = engine;
    const guestCart = fake.seedCart({ name: "Guest" });
    const { shopper } = await logIn(engine);
    const coordinator = coordinatorFor(scope.client);

    for (let asked = 0; asked < 3; asked += 1) {
      coordinator.associateOnce(scope, customerKind, shopper, guestCart.id, {});
    }
    await vi.waitFor(() =>
      expect(scope.ledger.has(sessionIdentity(shopper), guestCart.id)).toBe(true),
    );
    coordinator.associateOnce(scope, customerKind, shopper, guestCart.id, {});
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(fake.requestsTo("associate")).toHaveLength(1);
    expect(fake.requestsTo("associate")[0]).toMatchObject({
      path: `/v2/carts/${guestCart.id}/relationships/customers`,
    });
    engine.stop();
  });

  it("shares one request between concurrent sends of the same pair", async () => {
    const engine = startTestEngine();
    const { fake, scope } = engine;
    const cart = fake.seedCart({ name: "Cart" });
    const { shopper } = await logIn(engine);
    const coordinator = coordinatorFor(scope.client);
    const variables = { cartId: cart.id, customerId: shopper.id };

    const [first, second] = await Promise.all([
      coordinator.send(scope.client, scope.store, customerKind, variables),
      coordinator.send(scope.client, scope.store, customerKind, { ...variables }),
    ]);

    expect(first).toEqual({ status: "associated", cartId: cart.id, customerId: shopper.id });
    expect(second).toBe(first);
    expect(fake.requestsTo("associate")).toHaveLength(1);
    engine.stop();
  });

  it("forgets the shopper's cached lists when their session ends", async () => {
    const engine = startTestEngine();
    const { scope } = engine;
    const { shopper } = await logIn(engine);
    const lists = listsOf(shopper as Shopper);
    scope.queryClient.setQueryData([...lists, "page", {}], { data: [] });

    scope.store.signOut("customer");

    expect(scope.queryClient.getQueriesData({ queryKey: lists })).toEqual([]);
    engine.stop();
  });
});

describe("the association ledger", () => {
  it("records pairs per session, in the storage it is given, and forgets them on clear", () => {
    const storage = memoryAdapter();
    const ledger = createAssociationLedger(storage);
    ledger.add("session-1", "cart-a");
    ledger.add("session-1", "cart-a");

    expect(ledger.has("session-1", "cart-a")).toBe(true);
    expect(ledger.has("session-2", "cart-a")).toBe(false);
    expect(JSON.parse(storage.get()!)).toEqual([{ session: "session-1", cartIds: ["cart-a"] }]);
    // Another ledger on the same storage (a reload, another tab) reads the same record.
    expect(createAssociationLedger(storage).has("session-1", "cart-a")).toBe(true);

    ledger.clear();
    expect(ledger.has("session-1", "cart-a")).toBe(false);
    expect(storage.get()).toBeUndefined();
  });

  it("keeps a few sessions (an ended session's late answer must not erase the next one's)", () => {
    const ledger = createAssociationLedger(memoryAdapter());
    for (const session of ["s1", "s2", "s3", "s4", "s5"]) ledger.add(session, "cart");

    expect(["s1", "s2", "s3", "s4", "s5"].map((session) => ledger.has(session, "cart"))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it("reads storage that is not a record as empty", () => {
    const ledger = createAssociationLedger({ get: () => "{not json", set: () => {} });
    expect(ledger.has("s1", "cart")).toBe(false);
  });
});

describe("the merge record", () => {
  it("lets one merge of a pair be claimed once, until it is released (refused: nothing copied)", () => {
    expect(mergeRecord.claim("merge-1")).toBe(true);
    expect(mergeRecord.claim("merge-1")).toBe(false);
    expect(JSON.parse(localStorage.getItem("_epcc_merged_carts")!)).toEqual(["merge-1"]);

    mergeRecord.release("merge-1");
    expect(localStorage.getItem("_epcc_merged_carts")).toBeNull();
    expect(mergeRecord.claim("merge-1")).toBe(true);
    mergeRecord.release("merge-1");
  });

  it("makes a later merge of the same pair wait until the one in the air has settled", async () => {
    let answer!: () => void;
    const inTheAir = new Promise<void>((resolve) => (answer = resolve));
    mergeRecord.track("merge-2", inTheAir);
    let settled = false;
    const waiting = mergeRecord.settled("merge-2").then(() => (settled = true));

    await Promise.resolve();
    expect(settled).toBe(false);
    answer();
    await waiting;
    expect(settled).toBe(true);
  });
});
