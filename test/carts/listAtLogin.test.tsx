/**
 * "My carts" at a login with a guest cart: the list, the guest cart and the association go
 * out together, and the list shows the guest cart as soon as the association's answer says
 * it is the shopper's — one round trip, whichever of the list and the association Elastic
 * Path handles first (two requests in flight have no promised order), in any storefront.
 */
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  cartQueries,
  useAccountCarts,
  useAccountLogin,
  useAssociateCartWithAccount,
  useAssociateCartWithCustomer,
  useCartId,
  useCustomerCarts,
  useCustomerLogin,
  useCustomerLogout,
  useElasticPath,
  useInfiniteCustomerCarts,
} from "../../src";
import type { FakeElasticPath, FakeElasticPathOptions, RecordedRequest } from "../../src/testing";
import { MEMBER, seedMember } from "../support/accounts";
import { createHarness, SHOPPER } from "../support/harness";

const AUTH = new Set<RecordedRequest["endpoint"]>([
  "access-token",
  "customer-token",
  "account-member-token",
]);

/** What crossed the wire after the login, as `METHOD path status`, guest cart id as `:guest`. */
function afterLogin(fake: FakeElasticPath, guestCartId: string) {
  return fake.requests
    .filter((request) => !AUTH.has(request.endpoint))
    .map((r) => `${r.method} ${r.path.replace(guestCartId, ":guest")} ${r.status}`)
    .sort();
}

/** Every list "My carts" showed, in order (StrictMode's second render repeats one). */
function useShownLists(ids: string[] | undefined, shown: string[][]) {
  if (ids && ids.join() !== shown.at(-1)?.join()) shown.push(ids);
}

function seedCustomer(options: { fake?: FakeElasticPathOptions; strict?: boolean } = {}) {
  const harness = createHarness(options);
  const customer = harness.fake.seedCustomer(SHOPPER);
  const saved = harness.fake.seedCarts(2, { customerIds: [customer.id], name: "Saved" });
  const guestCart = harness.fake.seedCart({
    name: "Guest",
    items: [{ name: "Socks", quantity: 1, amount: 500 }],
  });
  localStorage.setItem("_store_ep_cart", guestCart.id);
  const everyCart = [guestCart.id, ...saved.map((cart) => cart.id)].sort();
  return { ...harness, customer, guestCart, saved, everyCart };
}

function CustomerCarts({ shown }: { shown: string[][] }) {
  const { data } = useCustomerCarts();
  const ids = data?.data.map((cart) => cart.id!);
  useShownLists(ids, shown);
  return <p data-testid="carts">{ids?.join(",") ?? "-"}</p>;
}

function Association() {
  const { status } = useAssociateCartWithCustomer({ retryDelay: 1 });
  return <p data-testid="association">{status}</p>;
}

function LoginButton() {
  const login = useCustomerLogin();
  const logout = useCustomerLogout();
  return (
    <>
      <button onClick={() => login.mutate(SHOPPER)}>Log in</button>
      <button onClick={logout}>Log out</button>
    </>
  );
}

/** A cart badge on the package's `cartQueries.cart`: "My carts" reuses what it loaded. */
function CartBadge() {
  const { client } = useElasticPath();
  const [cartId] = useCartId();
  const { data } = useQuery({ ...cartQueries.cart({ client }, cartId ?? "-"), enabled: !!cartId });
  return <p data-testid="badge">{data?.cart.name ?? "-"}</p>;
}

const sorted = (ids: string[] | undefined) => [...(ids ?? [])].sort();
const click = (name: string) => act(() => screen.getByRole("button", { name }).click());

/**
 * The storefront of most tests here: a login button, the association's status and "My
 * carts". Returns what "My carts" showed, commit by commit.
 */
function renderStorefront(wrapper: (props: { children: ReactNode }) => ReactNode): string[][] {
  const shown: string[][] = [];
  render(
    <>
      <LoginButton />
      <Association />
      <CustomerCarts shown={shown} />
    </>,
    { wrapper },
  );
  return shown;
}

describe("My carts at a login with a guest cart", () => {
  it.each([
    ["the association hook first", false],
    ["My carts first (its effect runs before the association's)", true],
  ])(
    "no cart badge, %s: list, cart and association at once, and the first list shown holds the guest cart",
    async (_order, listFirst) => {
      const { fake, wrapper, guestCart, everyCart } = seedCustomer({ fake: { latencyMs: 20 } });
      const shown: string[][] = [];
      render(
        <>
          <LoginButton />
          {listFirst && <CustomerCarts shown={shown} />}
          <Association />
          {!listFirst && <CustomerCarts shown={shown} />}
        </>,
        { wrapper },
      );
      click("Log in");
      await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
      await waitFor(() => expect(fake.requests.length).toBe(5));

      expect(shown.map(sorted)).toEqual([everyCart]);
      expect(afterLogin(fake, guestCart.id)).toEqual([
        "GET /v2/carts 200",
        "GET /v2/carts/:guest 200",
        "POST /v2/carts/:guest/relationships/customers 200",
      ]);
      // All three left together, before any of them was answered.
      const [first, ...others] = fake.requests.filter((r) => !AUTH.has(r.endpoint));
      for (const other of others) expect(other.startedAt).toBeLessThan(first!.finishedAt);
      const [list] = fake.requestsTo("list-carts");
      const [login] = fake.requestsTo("customer-token");
      expect(list?.headers["x-moltin-customer-token"]).toBeDefined();
      expect(login?.status).toBe(200);
    },
  );

  it.each([
    ["the list before the association", { list: 5, associate: 60 }],
    ["the association before the list", { list: 60, associate: 5 }],
  ])(
    "whichever Elastic Path answers first (%s), the guest cart shows once, and nothing is asked again",
    async (_order, ms) => {
      const latencyMs: FakeElasticPathOptions["latencyMs"] = ({ endpoint }) =>
        endpoint === "list-carts" ? ms.list : endpoint === "associate" ? ms.associate : 5;
      const { fake, wrapper, guestCart, everyCart } = seedCustomer({ fake: { latencyMs } });
      const shown = renderStorefront(wrapper);
      click("Log in");
      await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(shown.map(sorted)).toEqual([everyCart]);
      expect(shown[0]).toHaveLength(3); // never twice
      expect(afterLogin(fake, guestCart.id)).toEqual([
        "GET /v2/carts 200",
        "GET /v2/carts/:guest 200",
        "POST /v2/carts/:guest/relationships/customers 200",
      ]);
    },
  );

  it("under StrictMode: one list, one cart, one association, and the guest cart in the first list shown", async () => {
    const { fake, wrapper, guestCart, everyCart } = seedCustomer({
      strict: true,
      fake: { latencyMs: 20 },
    });
    const shown: string[][] = [];
    render(
      <>
        <LoginButton />
        <Association />
        <Association />
        <CustomerCarts shown={shown} />
      </>,
      { wrapper },
    );
    click("Log in");
    await waitFor(() =>
      expect(screen.getAllByTestId("association").map((p) => p.textContent)).toEqual([
        "success",
        "success",
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown.map(sorted)).toEqual([everyCart]);
    expect(afterLogin(fake, guestCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/customers 200",
    ]);
  });

  it("a list that put the cart in itself is marked stale: its order is a guess until asked again", async () => {
    const { fake, wrapper, guestCart } = seedCustomer({ fake: { latencyMs: 20 } });
    function LongLivedCarts() {
      const { data, isStale } = useCustomerCarts(undefined, { staleTime: Infinity });
      return <p data-testid="stale">{data ? String(isStale) : "-"}</p>;
    }
    render(
      <>
        <LoginButton />
        <Association />
        <LongLivedCarts />
      </>,
      { wrapper },
    );
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await waitFor(() => expect(screen.getByTestId("stale").textContent).toBe("true"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Stale, not refetched: no request beyond the baseline's count.
    expect(afterLogin(fake, guestCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/customers 200",
    ]);
  });

  it("with a badge on cartQueries.cart: the cached cart is used, so no cart request after the login", async () => {
    const { fake, wrapper, everyCart } = seedCustomer({ fake: { latencyMs: 20 } });
    const shown: string[][] = [];
    render(
      <>
        <LoginButton />
        <CartBadge />
        <Association />
        <CustomerCarts shown={shown} />
      </>,
      { wrapper },
    );
    await waitFor(() => expect(screen.getByTestId("badge").textContent).toBe("Guest"));
    const before = fake.requests.length;
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(shown.map(sorted)).toEqual([everyCart]);
    expect(
      fake.requests
        .slice(before)
        .filter((r) => !AUTH.has(r.endpoint))
        .map((r) => r.endpoint)
        .sort(),
    ).toEqual(["associate", "list-carts"]);
  });

  it("the first page of an infinite list gets the cart too", async () => {
    const { fake, wrapper, guestCart, everyCart } = seedCustomer({ fake: { latencyMs: 20 } });
    const shown: string[][] = [];
    function AllCarts() {
      const { data } = useInfiniteCustomerCarts({ limit: 10 });
      const ids = data?.pages.flatMap((page) => page.data.map((cart) => cart.id!));
      useShownLists(ids, shown);
      return null;
    }
    render(
      <>
        <LoginButton />
        <Association />
        <AllCarts />
      </>,
      { wrapper },
    );
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown.map(sorted)).toEqual([everyCart]);
    expect(afterLogin(fake, guestCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/customers 200",
    ]);
  });

  it("a refused association (422): the list as the server lists it, and nothing asked again", async () => {
    const harness = createHarness({ fake: { latencyMs: 20 } });
    const customer = harness.fake.seedCustomer(SHOPPER);
    const saved = harness.fake.seedCarts(2, { customerIds: [customer.id] });
    const contactCart = harness.fake.seedCart({ contactEmail: "guest@example.com" });
    localStorage.setItem("_store_ep_cart", contactCart.id);
    const shown = renderStorefront(harness.wrapper);
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("error"));
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(shown.map(sorted)).toEqual([saved.map((cart) => cart.id).sort()]);
    expect(afterLogin(harness.fake, contactCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/customers 422",
    ]);
  });

  it("an association that fails with 503 and then succeeds: the list first as the server lists it, then with the cart", async () => {
    const { fake, wrapper, guestCart, saved, everyCart } = seedCustomer({
      fake: { latencyMs: 20 },
    });
    fake.failNext("associate", 1, { status: 503 });
    const shown = renderStorefront(wrapper);
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await waitFor(() => expect(sorted(shown.at(-1))).toEqual(everyCart));

    expect(shown.map(sorted)).toEqual([saved.map((cart) => cart.id).sort(), everyCart]);
    expect(afterLogin(fake, guestCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/customers 200",
      "POST /v2/carts/:guest/relationships/customers 503",
    ]);
  });

  it("a first page with no room for the cart is not guessed at: the association's refetch brings it", async () => {
    const { fake, wrapper, customer, guestCart } = seedCustomer({ fake: { latencyMs: 20 } });
    const shown: string[][] = [];
    function FirstTwo() {
      const { data } = useCustomerCarts({ limit: 2 });
      useShownLists(
        data?.data.map((cart) => cart.id!),
        shown,
      );
      return null;
    }
    render(
      <>
        <LoginButton />
        <Association />
        <FirstTwo />
      </>,
      { wrapper },
    );
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await new Promise((resolve) => setTimeout(resolve, 60));

    // Whatever the server puts first once the cart is the customer's, shown as it says it.
    const serverFirstTwo = fake
      .cartsOf(customer.id)
      .slice(0, 2)
      .map((cart) => cart.id);
    expect(fake.associations()).toContainEqual({ cartId: guestCart.id, customerId: customer.id });
    expect(shown.at(-1)).toEqual(serverFirstTwo);
    expect(afterLogin(fake, guestCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/customers 200",
    ]);
  });

  it("a logout while the association is in the air: nothing of that customer is kept or shown", async () => {
    const { fake, wrapper, queryClient, customer, guestCart } = seedCustomer({
      fake: { latencyMs: ({ endpoint }) => (endpoint === "associate" ? 80 : 5) },
    });
    const shown = renderStorefront(wrapper);
    click("Log in");
    await waitFor(() => expect(fake.requestsTo("list-carts")).toHaveLength(1));
    click("Log out");
    await waitFor(() => expect(fake.requestsTo("associate")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(shown).toEqual([]);
    expect(screen.getByTestId("carts").textContent).toBe("-");
    expect(queryClient.getQueriesData({ queryKey: cartQueries.customerKey(customer.id) })).toEqual(
      [],
    );
    expect(afterLogin(fake, guestCart.id).filter((r) => r.startsWith("GET /v2/carts "))).toEqual([
      "GET /v2/carts 200",
    ]);
  });

  it("without My carts on the page, the association goes alone: no cart is fetched", async () => {
    const { fake, wrapper, guestCart } = seedCustomer({ fake: { latencyMs: 5 } });
    render(
      <>
        <LoginButton />
        <Association />
      </>,
      { wrapper },
    );
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(afterLogin(fake, guestCart.id)).toEqual([
      "POST /v2/carts/:guest/relationships/customers 200",
    ]);
  });

  it("an account member's login: the same three requests with the account token, and the cart in the first list shown", async () => {
    const harness = createHarness({ fake: { latencyMs: 20 } });
    const { business } = seedMember(harness.fake);
    const saved = harness.fake.seedCarts(2, { accountIds: [business.id], name: "Office" });
    const guestCart = harness.fake.seedCart({ name: "Guest" });
    localStorage.setItem("_store_ep_cart", guestCart.id);
    const shown: string[][] = [];
    function App() {
      const login = useAccountLogin();
      const { status } = useAssociateCartWithAccount({ retryDelay: 1 });
      const { data } = useAccountCarts();
      useShownLists(
        data?.data.map((cart) => cart.id!),
        shown,
      );
      return (
        <>
          <button
            onClick={() =>
              login.mutate({ passwordProfileId: harness.fake.passwordProfileId, ...MEMBER })
            }
          >
            Log in
          </button>
          <p data-testid="association">{status}</p>
        </>
      );
    }
    render(<App />, { wrapper: harness.wrapper });
    click("Log in");
    await waitFor(() => expect(screen.getByTestId("association").textContent).toBe("success"));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(shown.map(sorted)).toEqual([[guestCart.id, ...saved.map((cart) => cart.id)].sort()]);
    expect(afterLogin(harness.fake, guestCart.id)).toEqual([
      "GET /v2/carts 200",
      "GET /v2/carts/:guest 200",
      "POST /v2/carts/:guest/relationships/accounts 200",
    ]);
    const [list] = harness.fake.requestsTo("list-carts");
    expect(list?.headers["ep-account-management-authentication-token"]).toBeDefined();
    expect(list?.headers["x-moltin-customer-token"]).toBeUndefined();
  });
});
