/**
 * A controlled session passed down in a render that React throws away — a transition that
 * suspends and is never committed — must not count: what the package does meanwhile
 * follows the session on screen, the one last committed.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { startTransition, use, useState, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathProvider,
  useCreateCart,
  useCustomerLogin,
  useCustomerSession,
  type CustomerSession,
} from "../../src";
import { createFakeElasticPath } from "../../src/testing";
import { SHOPPER } from "../support/harness";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";

/** Suspends for good once told to: the transition that shows it never commits. */
const never = new Promise<never>(() => {});
function MaybeSuspend({ suspend }: { suspend: boolean }) {
  if (suspend) use(never);
  return null;
}

describe("a controlled session in a render React throws away", () => {
  it("does not reach the package: a cart created meanwhile is the committed shopper's", async () => {
    const fake = createFakeElasticPath();
    server.use(...fake.handlers);
    const ada = fake.seedCustomer(SHOPPER);
    const { client } = createTestClient(fake);
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });

    function Storefront() {
      const createCart = useCreateCart();
      const login = useCustomerLogin();
      const session = useCustomerSession();
      return (
        <>
          <p>{session.status === "signed-in" ? `Signed in as ${session.customerId}` : "Guest"}</p>
          <button onClick={() => login.mutate(SHOPPER)}>Log in</button>
          <button onClick={() => createCart.mutate({ name: "Gift ideas" })}>New cart</button>
          {createCart.isSuccess && <p>Created {createCart.data.id}</p>}
          {createCart.error && <p role="alert">{createCart.error.message}</p>}
        </>
      );
    }
    function App({ children }: { children: ReactNode }) {
      const [session, setSession] = useState<CustomerSession>({ status: "signed-out" });
      const [suspend, setSuspend] = useState(false);
      // e.g. a "Log out" that also navigates to a page whose data is still loading
      const signOutInTransition = () =>
        startTransition(() => {
          setSession({ status: "signed-out" });
          setSuspend(true);
        });
      return (
        <QueryClientProvider client={queryClient}>
          <ElasticPathProvider client={client} session={session} onSessionChange={setSession}>
            {children}
            <button onClick={signOutInTransition}>Log out and go home</button>
            <MaybeSuspend suspend={suspend} />
          </ElasticPathProvider>
        </QueryClientProvider>
      );
    }
    render(
      <App>
        <Storefront />
      </App>,
    );
    fireEvent.click(screen.getByText("Log in"));
    await screen.findByText(`Signed in as ${ada.id}`);

    // The transition renders the provider with the signed-out session, then suspends: React
    // keeps the committed tree, in which Ada is still signed in.
    await act(async () => fireEvent.click(screen.getByText("Log out and go home")));
    expect(screen.getByText(`Signed in as ${ada.id}`)).toBeTruthy();

    fireEvent.click(screen.getByText("New cart"));
    const created = await screen.findByText(/^Created /);
    const cartId = created.textContent!.replace("Created ", "");
    const [request] = fake.requestsTo("create-cart");
    expect(request?.headers["x-moltin-customer-token"]).toBeDefined();
    await waitFor(() => expect(fake.cartsOf(ada.id).map((listed) => listed.id)).toContain(cartId));
  });
});
