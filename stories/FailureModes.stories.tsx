import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { useAssociateCartWithCustomer, useCartId, useCustomerSession } from "../src";
import { associationMessage } from "./components/AssociationStatus";
import { Storefront } from "./components/Storefront";
import { onTheFake, useDemo, type DemoParameters } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { counted, listedCartNames, logIn, logInAndWait, myCarts, patience } from "./support/play";

const withGuestCart: DemoParameters = {
  guestCart: { items: GUEST_ITEMS },
  fakeOnly: true,
  startOver: true,
};

/** This story's caption, with the meta's demo parameters kept (they merge). */
const caption = (shows: string, tryIt: string) => ({ demo: { caption: { shows, tryIt } } });

const meta = {
  title: "Failure modes",
  // Retries after transient failures wait 300 ms instead of 1 s, 2 s, 4 s: these stories
  // are about what the shopper sees, not backoff timing.
  render: () => <Storefront association={{ retryDelay: 300 }} />,
  parameters: { demo: withGuestCart },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

/** A 401 from `POST /v2/customers/tokens`: the shopper is told, stays signed out, nothing else is sent. */
export const WrongPassword: Story = {
  name: "Wrong password",
  parameters: caption(
    "A wrong password is a 401 from POST /v2/customers/tokens: said once, not retried, and the shopper stays signed out.",
    "Log in with the demo password shown above the form: the guest cart is then saved.",
  ),
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas } = context;
    await logIn(context, { email: shopper.email, password: "not-the-password" });

    await expect(await canvas.findByRole("alert", {}, patience)).toHaveTextContent(
      "Wrong email or password.",
    );
    await expect(canvas.getByRole("button", { name: "Log in" })).toBeEnabled();
    await expect(canvas.getByText("Log in to see the carts saved to your account.")).toBeVisible();
    await expect(fake.requestsTo("customer-token").map((request) => request.status)).toEqual([401]);
    await expect(fake.requestsTo("associate")).toHaveLength(0);
    await expect(fake.requestsTo("list-carts")).toHaveLength(0);
  }),
};

/** Elastic Path refuses to tie a cart that has a contact email to a customer (422): said once, not retried. */
export const ContactEmailCart: Story = {
  name: "Cart with a contact email (422)",
  parameters: {
    demo: {
      guestCart: { items: GUEST_ITEMS, contactEmail: "guest@example.com" },
      caption: {
        shows:
          "Elastic Path refuses (422) to tie a cart with a contact email to a customer: said once, not retried, the cart kept on this device.",
        tryIt:
          "Log out, add a product (a new cart, without an email) and log in: that one is saved.",
      },
    },
  },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas } = context;
    await logIn(context, shopper);

    await expect(await canvas.findByRole("alert", {}, patience)).toHaveTextContent(
      "Your cart could not be saved to your account: a cart with a contact email cannot be tied to an account (HTTP 422).",
    );
    await expect(fake.requestsTo("associate").map((request) => request.status)).toEqual([422]);
    await expect(fake.associations()).toEqual([]);
    // The shopper is still signed in, and keeps their guest cart on this device.
    await expect(canvas.getByText(`Signed in as ${shopper.name}.`)).toBeVisible();
    await expect(canvas.getByText("Cart: 2 products, $49.00")).toBeVisible();
  }),
};

/** A button that (wrongly) saves this cart for another customer with the signed-in shopper's token. */
function SaveForSomeoneElse() {
  const { other } = useDemo();
  const session = useCustomerSession();
  const [cartId] = useCartId();
  const association = useAssociateCartWithCustomer({ associateOnLogin: false });
  if (session.status !== "signed-in" || !cartId || !other) return null;
  return (
    <section className="panel" aria-labelledby="someone-else-heading">
      <h2 id="someone-else-heading">A bug in the storefront</h2>
      <p>It sends {other.name}&apos;s customer id with the signed-in shopper&apos;s token.</p>
      <button
        type="button"
        onClick={() =>
          association.mutate({ cartId, customerId: other.id, customerToken: session.token })
        }
      >
        Save this cart to {other.name}&apos;s account
      </button>
      {association.isError && (
        <p role="alert" className="notice notice-error">
          {associationMessage(association)}
        </p>
      )}
    </section>
  );
}

/** A customer token only acts for its own customer: 403, not retried, nothing associated. */
export const AnotherCustomersToken: Story = {
  name: "Another customer's token (403)",
  parameters: caption(
    "A customer token acts for its own customer only: saving Ada's cart to Grace's account with Ada's token is a 403, not retried.",
    "Press the button again: one more 403 in the log, and still nothing associated.",
  ),
  render: () => (
    <Storefront association={{ associateOnLogin: false }}>
      <SaveForSomeoneElse />
    </Storefront>
  ),
  play: onTheFake(async (context, { fake, shopper, other }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await userEvent.click(
      canvas.getByRole("button", { name: `Save this cart to ${other.name}'s account` }),
    );

    await expect(await canvas.findByRole("alert", {}, patience)).toHaveTextContent(
      "Associating the cart with the customer failed with HTTP 403",
    );
    const associations = fake.requestsTo("associate");
    await expect(associations.map((request) => request.status)).toEqual([403]);
    await expect(associations[0]?.body).toEqual({ data: [{ type: "customer", id: other.id }] });
    await expect(fake.associations()).toEqual([]);
  }),
};

/** Network failures before the association gets through: fewer than the hook's 3 retries. */
const NETWORK_FAILURES = 2;

/**
 * The association request fails twice with a network error, and the third try succeeds.
 * Meanwhile the banner says it is retrying (the hook's `failureCount` and `failureReason`).
 */
export const NetworkFailsTwice: Story = {
  name: "Network fails twice, then recovers",
  parameters: caption(
    `The association failed on the network ${counted(NETWORK_FAILURES, "time")} and try ${NETWORK_FAILURES + 1} worked, ${counted(NETWORK_FAILURES + 1, "association request")} in all; meanwhile the banner said it was retrying.`,
    "Set Fault count to 3 in Controls, start over as a guest and log in: the fourth try (the last retry) wins.",
  ),
  args: { fault: "network error", faultEndpoint: "associate", faultCount: NETWORK_FAILURES },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas } = context;
    await logIn(context, shopper);

    await canvas.findByText(
      /^Still saving your cart: attempt 1 failed .* retrying\.$/,
      {},
      patience,
    );
    await canvas.findByText(
      /^Still saving your cart: attempt 2 failed \(.*could not be reached\.\), retrying\.$/,
      {},
      patience,
    );
    await expect(
      await canvas.findByText("Your cart was saved to your account.", {}, patience),
    ).toBeVisible();
    await expect(fake.requestsTo("associate").map((request) => request.status)).toEqual([
      ...Array<string>(NETWORK_FAILURES).fill("network-error"),
      200,
    ]);
    await waitFor(() => expect(listedCartNames(context)).toContain("Guest cart 1"), patience);
  }),
};

/** Rate limited: a 429 with `Retry-After: 1` is retried after that second, as the default policy says. */
export const RetryAfter: Story = {
  name: "429 with Retry-After",
  parameters: caption(
    "A 429 with Retry-After: 1 was retried after that second (compare Sent at in the log), as the hook's policy says.",
    "Start over as a guest, set Fault count to 2 in Controls and log in: two waits of a second each.",
  ),
  // The hook's own retry policy, so the wait comes from the header.
  render: () => <Storefront />,
  args: { fault: "429 with Retry-After: 1", faultEndpoint: "associate", faultCount: 1 },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas } = context;
    await logIn(context, shopper);

    await expect(
      await canvas.findByText(/Elastic Path asked us to wait 1 s\.$/, {}, patience),
    ).toBeVisible();
    await expect(
      await canvas.findByText("Your cart was saved to your account.", {}, patience),
    ).toBeVisible();
    const [limited, retried] = fake.requestsTo("associate");
    await expect([limited?.status, retried?.status]).toEqual([429, 200]);
    // The retry went out no sooner than Retry-After said (a lower bound; Date.now() has ms grain).
    await expect((retried?.startedAt ?? 0) - (limited?.finishedAt ?? 0)).toBeGreaterThanOrEqual(
      999,
    );
  }),
};

/** The fake's switch for this story: what Elastic Path does when a token expires or is revoked. */
function ExpireTokensButton() {
  const { fake, shopper } = useDemo();
  if (!fake || !shopper) return null;
  return (
    <section className="panel" aria-labelledby="fake-controls-heading">
      <h2 id="fake-controls-heading">Fake Elastic Path</h2>
      <button type="button" onClick={() => fake.expireCustomerTokens(shopper.id)}>
        Expire {shopper.name}&apos;s tokens on the server
      </button>
    </section>
  );
}

/**
 * The customer token stops working mid-session. The next request with it gets a 401: the
 * shopper is signed out, their carts leave the screen and the cache, and they are told why.
 */
export const TokenExpires: Story = {
  name: "Customer token expires mid-session",
  parameters: caption(
    "Ada's token was revoked on the server; the next request got a 401 and she was signed out, told why, her carts off the screen.",
    "Log in again, press Expire, then Refresh in My carts: the same, and the 401 in the log.",
  ),
  render: () => (
    <Storefront association={{ retryDelay: 300 }}>
      <ExpireTokensButton />
    </Storefront>
  ),
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await canvas.findByText("Your cart was saved to your account.", {}, patience);
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Guest cart 1"]), patience);

    await userEvent.click(canvas.getByRole("button", { name: /^Expire .* tokens on the server$/ }));
    await userEvent.click(myCarts(context).getByRole("button", { name: "Refresh" }));

    await expect(await canvas.findByRole("alert", {}, patience)).toHaveTextContent(
      "You were signed out: Elastic Path no longer accepts your session",
    );
    await expect(canvas.getByRole("button", { name: "Log in" })).toBeVisible();
    await expect(canvas.getByText("Log in to see the carts saved to your account.")).toBeVisible();
    // Signing out forgets this device's cart, which now belongs to the account.
    await expect(canvas.getByText("No cart on this device")).toBeVisible();
    await expect(fake.requestsTo("list-carts").at(-1)?.status).toBe(401);
  }),
};

const cartSavedOnAnotherDevice: DemoParameters = {
  guestCart: null,
  caption: {
    shows:
      "This device's cart was saved to Ada's account from another device already: the association answered 204, a success and a no-op (no list refetch).",
    tryIt: "Start over as a guest and log in: a new cart, so a 200 this time.",
  },
  seed: (fake, { shopper }) => ({
    cartId: fake.seedCart({
      name: "Saved on my phone",
      customerIds: [shopper.id],
      items: [{ name: "Enamel mug", quantity: 1, amount: 1500 }],
    }).id,
  }),
};

/** The cart on this device is already the customer's (saved from another device): 204, a success and a no-op. */
export const AlreadyAssociated: Story = {
  name: "Already associated (204)",
  parameters: { demo: cartSavedOnAnotherDevice },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas } = context;
    await logIn(context, shopper);

    await expect(
      await canvas.findByText("This cart was already yours.", {}, patience),
    ).toBeVisible();
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Saved on my phone"]), patience);
    await expect(fake.requestsTo("associate").map((request) => request.status)).toEqual([204]);
    // No cache churn: the list was fetched once, on login, and not again for the 204.
    await expect(fake.requestsTo("list-carts")).toHaveLength(1);
  }),
};
