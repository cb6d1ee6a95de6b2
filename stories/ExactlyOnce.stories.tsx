import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, waitFor } from "storybook/test";
import { useAssociateCartWithCustomer } from "../src";
import { Account } from "./components/Account";
import { CartBadge } from "./components/CartBadge";
import { onTheFake, useDemo } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { counted, logIn, patience } from "./support/play";
import { useRecordedRequests } from "./support/RequestLog";

/** One of several places in a storefront that mounts the hook (header, banner, sidebar, footer). */
function AssociationProbe({ place }: { place: string }) {
  const { status, data, error } = useAssociateCartWithCustomer();
  const outcome = data?.status ?? error?.message ?? "";
  return (
    <li>
      {place}:{" "}
      <span data-testid={`probe-${place}`}>{[status, outcome].filter(Boolean).join(", ")}</span>
    </li>
  );
}

const PLACES = ["header", "banner", "sidebar", "footer"];

function AssociationRequestCount() {
  const { fake } = useDemo();
  const count = useRecordedRequests(fake).filter(
    (request) => request.endpoint === "associate",
  ).length;
  return (
    <p className="notice" role="status">
      Association requests sent: <strong data-testid="association-count">{count}</strong>
    </p>
  );
}

function ExactlyOncePage() {
  const [mounts, setMounts] = useState(1);
  return (
    <main>
      <h1>Exactly once</h1>
      <p>
        The whole story runs in React&apos;s StrictMode (effects mount, unmount and mount again).
        Four components mount <code>useAssociateCartWithCustomer</code>; logging in with a guest
        cart still sends one association request, and every component shows its outcome.
      </p>
      <CartBadge />
      <AssociationRequestCount />
      <Account />
      <section className="panel probes" aria-labelledby="probes-heading">
        <h2 id="probes-heading">Components using the hook (mounted {mounts}×)</h2>
        <ul key={mounts}>
          {PLACES.map((place) => (
            <AssociationProbe key={place} place={place} />
          ))}
        </ul>
        <button type="button" onClick={() => setMounts((count) => count + 1)}>
          Remount them
        </button>
      </section>
    </main>
  );
}

const meta = {
  title: "Exactly once",
  render: () => <ExactlyOncePage />,
  parameters: {
    demo: {
      guestCart: { items: GUEST_ITEMS },
      fakeOnly: true,
      strictMode: true,
      caption: {
        shows: `In StrictMode, ${counted(PLACES.length, "component")} using the hook and a login with a guest cart sent ${counted(1, "association request")}, all ${PLACES.length} show its outcome, and remounting them all sent nothing more.`,
        tryIt:
          "Press Remount them again: still nothing new is sent, the pair is settled for this session.",
      },
    },
  },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

export const StrictModeFourComponents: Story = {
  name: "StrictMode, four components, one request",
  play: onTheFake(async (context, { fake, shopper, initialCartId }) => {
    const { canvas, userEvent } = context;
    const probes = () => PLACES.map((place) => canvas.getByTestId(`probe-${place}`).textContent);
    const allAssociated = () => expect(probes()).toEqual(PLACES.map(() => "success, associated"));

    await logIn(context, shopper);
    await waitFor(allAssociated, patience);
    await expect(canvas.getByTestId("association-count")).toHaveTextContent("1");

    // Re-mounting every component starts nothing new: the pair was settled in this session.
    await userEvent.click(canvas.getByRole("button", { name: "Remount them" }));
    await allAssociated();
    // Give a stray request time to be answered (several times the fake's latency): a lower bound.
    await new Promise((resolve) => setTimeout(resolve, 5 * context.args.latencyMs + 200));
    await expect(fake.requestsTo("associate")).toHaveLength(1);
    await expect(fake.requestsTo("associate")[0]?.path).toBe(
      `/v2/carts/${initialCartId}/relationships/customers`,
    );
    await expect(canvas.getByTestId("association-count")).toHaveTextContent("1");
  }),
};
