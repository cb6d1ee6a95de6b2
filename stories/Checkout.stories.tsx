import type { Meta, StoryContext, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { Account } from "./components/Account";
import { CheckoutPage } from "./components/CheckoutPage";
import { CATALOG, dollars, MUG, seedCatalog } from "./support/catalog";
import { onTheFake, type DemoParameters } from "./support/demo";
import type { FakeElasticPath } from "../src/testing";
import type { DemoArgs } from "./support/fakeControls";
import { counted, logInAndWait, patience } from "./support/play";

/** The catalog; no cart yet: the first add makes it. */
const catalog: DemoParameters = {
  seed: (fake) => seedCatalog(fake),
  // Seeded products, faults and the order book exist on the fake only.
  fakeOnly: true,
};

/** The storefront's own order number, on the guest's order. */
const ORDER_NUMBER = "DEMO-1001";

const meta = {
  title: "Checkout",
  render: () => <CheckoutPage products={CATALOG} orderNumber={ORDER_NUMBER} />,
  parameters: { demo: catalog },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;
type Context = StoryContext<DemoArgs>;

/** The checkout's panel, to look inside. */
const checkoutPanel = ({ canvas }: Pick<Context, "canvas">) =>
  within(canvas.getByRole("region", { name: "Checkout" }));

const GUEST = { email: "ada@example.com", name: "Ada Lovelace" };

/** The address as the shopper types it, by label; "Country" is a select. */
const ADDRESS_TYPED = {
  "First name": "Ada",
  "Last name": "Lovelace",
  Address: "12 St James's Square",
  City: "London",
  Region: "Greater London",
  Postcode: "SW1Y 4JH",
};

/** The same address as Elastic Path receives it. */
const WIRE_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  line_1: "12 St James's Square",
  city: "London",
  region: "Greater London",
  postcode: "SW1Y 4JH",
  country: "GB",
};

/** Fills the checkout form as a shopper would: the guest's fields when given, then the address. */
async function fillCheckout(context: Context, guest?: typeof GUEST) {
  const { userEvent } = context;
  const form = checkoutPanel(context);
  const fields: Record<string, string> = {
    ...(guest && { "Contact email": guest.email, "Full name": guest.name }),
    ...ADDRESS_TYPED,
  };
  // Pasted rather than typed key by key: the same events for the form, a fraction of the time.
  for (const [label, value] of Object.entries(fields)) {
    await userEvent.click(form.getByLabelText(label));
    await userEvent.paste(value);
  }
  await userEvent.selectOptions(form.getByLabelText("Country"), "GB");
}

/** Adds the mug and waits for the header to count it. */
async function addMug(context: Context) {
  await context.userEvent.click(
    context.canvas.getByRole("button", { name: `Add ${MUG.name} to cart` }),
  );
  await expect(await context.canvas.findByText("Cart: 1 item", {}, patience)).toBeVisible();
}

/** The confirmation the shopper reads once the order exists. */
const confirmation = async ({ canvas }: Pick<Context, "canvas">) =>
  within(await canvas.findByRole("status", { name: "Order placed" }, patience));

/** The cart every add went to. */
const cartIdOf = (fake: FakeElasticPath) =>
  /^\/v2\/carts\/([^/]+)\/items$/.exec(fake.requestsTo("add-items")[0]?.path ?? "")?.[1] ?? "";

const checkoutBody = (request: { body: unknown } | undefined) =>
  (request?.body as { data: Record<string, unknown> } | undefined)?.data;

/** After the order the cart id is forgotten (cartAfterCheckout="new"): the header counts none. */
async function expectCartGone(context: Context) {
  await waitFor(() => expect(context.canvas.getByText("Cart: 0 items")).toBeVisible(), patience);
  const cart = within(context.canvas.getByRole("region", { name: "Your cart" }));
  await expect(cart.getByText("Your cart is empty.")).toBeVisible();
}

/** Signed in, the confirmation lists the order's items: `useOrder`, one request with her token. */
async function expectOrderedItems(
  context: Context,
  fake: FakeElasticPath,
  orderId: string,
  token: string | undefined,
) {
  const items = await context.canvas.findByRole("list", { name: "Ordered items" }, patience);
  await expect(items).toHaveTextContent(`${MUG.name} × 1`);
  const reads = fake.requestsTo("get-order");
  await expect(reads.map((request) => [request.path, request.query.include])).toEqual([
    [`/v2/orders/${orderId}`, "items"],
  ]);
  await expect(reads[0]?.headers["x-moltin-customer-token"]).toBe(token);
}

const guest = {
  shows: `A guest filled the form and double-clicked "Place order": ${counted(1, "checkout request")} (customer: email and name, no token, the address in Elastic Path's fields), ${counted(1, "order")}, its number and id shown, and the cart is gone: the header counts 0 items.`,
  tryIt:
    "Add a product again: a new cart is made (POST /v2/carts in the log), not the one just ordered.",
};

/**
 * A guest's checkout: email and name, the address, one click (or two). The hook sends one
 * `POST /v2/carts/:id/checkout` however many clicks; once the order exists the cart stops
 * being this device's, so the next add starts a new one.
 */
export const GuestCheckout: Story = {
  name: "A guest checks out",
  parameters: { demo: { caption: guest } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await expect(checkoutPanel(context).getByText("Add a product to check out.")).toBeVisible();
    await addMug(context);
    await fillCheckout(context, GUEST);

    // Slow enough that the second click lands while the first checkout is in the air.
    fake.setLatency(({ endpoint }) => (endpoint === "checkout" ? 800 : context.args.latencyMs));
    await userEvent.dblClick(checkoutPanel(context).getByRole("button", { name: "Place order" }));
    await expect(checkoutPanel(context).getByText("Placing your order…")).toBeVisible();

    const placed = await confirmation(context);
    const [order] = fake.orders();
    await expect(placed.getByTestId("order-number")).toHaveTextContent(ORDER_NUMBER);
    await expect(placed.getByTestId("order-id")).toHaveTextContent(order!.id);
    await expect(placed.getByTestId("order-total")).toHaveTextContent(dollars(MUG.amount));
    await expectCartGone(context);
    await expect(canvas.queryByRole("alert")).toBeNull();

    const checkouts = fake.requestsTo("checkout");
    await expect(checkouts).toHaveLength(1);
    const [request] = checkouts;
    await expect(request?.path).toBe(`/v2/carts/${cartIdOf(fake)}/checkout`);
    await expect(request?.status).toBe(201);
    await expect(request?.headers["x-moltin-customer-token"]).toBeUndefined();
    await expect(checkoutBody(request)).toEqual({
      customer: GUEST,
      billing_address: WIRE_ADDRESS,
      shipping_address: WIRE_ADDRESS,
      order_number: ORDER_NUMBER,
      external_ref: expect.stringMatching(/^epcc-checkout-/),
    });
    await expect(fake.orders()).toHaveLength(1);
    await expect(order?.external_ref).toBe(checkoutBody(request)?.external_ref);
    // Nothing was read to find the order (its answer came), nor to show it (a guest has no token).
    await expect(fake.requestsTo("list-orders")).toHaveLength(0);
    await expect(fake.requestsTo("get-order")).toHaveLength(0);
  }),
};

/** The storefront for signed-in stories: the login form above the page. */
const signedInPage = () => <CheckoutPage products={CATALOG} aside={<Account />} />;

const customer = {
  shows: `Ada, signed in, gave only the address: ${counted(1, "checkout request")} with customer: { id } and her token, no email or name sent, ${counted(1, "order")}, hers, its items read with useOrder (${counted(1, "GET /v2/orders/:id")}); the cart is gone.`,
  tryIt: "Log out and check out as a guest: the form asks for an email and a name again.",
};

/** A signed-in customer is the buyer: the hook sends her id with her token, nothing to type. */
export const CustomerCheckout: Story = {
  name: "Signed in: her token, no email or name",
  render: signedInPage,
  parameters: { demo: { caption: customer } },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { userEvent } = context;
    await logInAndWait(context, shopper);
    await addMug(context);
    await expect(checkoutPanel(context).queryByLabelText("Contact email")).toBeNull();
    await expect(checkoutPanel(context).queryByLabelText("Full name")).toBeNull();
    await fillCheckout(context);
    await userEvent.dblClick(checkoutPanel(context).getByRole("button", { name: "Place order" }));

    const placed = await confirmation(context);
    const [order] = fake.orders();
    await expect(placed.getByTestId("order-id")).toHaveTextContent(order!.id);
    await expectCartGone(context);

    const [request, ...more] = fake.requestsTo("checkout");
    await expect(more).toHaveLength(0);
    const token = fake.requestsTo("add-items")[0]?.headers["x-moltin-customer-token"];
    await expect(token).toMatch(/\S+/);
    await expect(request?.headers["x-moltin-customer-token"]).toBe(token);
    await expect(checkoutBody(request)).toEqual({
      customer: { id: shopper.id },
      billing_address: WIRE_ADDRESS,
      shipping_address: WIRE_ADDRESS,
      external_ref: expect.stringMatching(/^epcc-checkout-/),
    });
    await expect(fake.orders()).toHaveLength(1);
    await expect(order?.customer?.id).toBe(shopper.id);
    await expectOrderedItems(context, fake, order!.id, token);
  }),
};

/** Elastic Path makes the order, and its answer to the checkout is a 503. */
const lostCheckout: DemoParameters["seed"] = (fake) => {
  seedCatalog(fake);
  fake.failNext("checkout", 1, { status: 503, afterApplying: true });
};

const lostSignedIn = {
  shows: `Elastic Path made Ada's order but its answer was lost (503): the checkout was not sent again; her orders were read (${counted(1, "GET /v2/orders")}, with her token), the order carrying this attempt's external_ref was found and shown with its items. ${counted(1, "order")} exists.`,
  tryIt: "Add a product and check out again: a new cart, a new order, no lookup.",
};

/**
 * A lost answer is not a failed checkout: Elastic Path may have made the order. Signed in,
 * the hook reads her orders for the one carrying this attempt's `external_ref` and answers
 * with it, instead of sending the checkout again (which would make a second order).
 */
export const LostAnswerSignedIn: Story = {
  name: "A lost answer, signed in: the order is found",
  render: signedInPage,
  parameters: { demo: { seed: lostCheckout, caption: lostSignedIn } },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await addMug(context);
    await fillCheckout(context);
    await userEvent.click(checkoutPanel(context).getByRole("button", { name: "Place order" }));

    const placed = await confirmation(context);
    const orders = fake.orders();
    await expect(orders).toHaveLength(1);
    await expect(placed.getByTestId("order-id")).toHaveTextContent(orders[0]!.id);
    await expectCartGone(context);
    await expect(canvas.queryByRole("alert")).toBeNull();

    const checkouts = fake.requestsTo("checkout");
    await expect(checkouts.map((request) => request.status)).toEqual([503]);
    await expect(orders[0]?.external_ref).toBe(checkoutBody(checkouts[0])?.external_ref);
    const lookups = fake.requestsTo("list-orders");
    await expect(lookups.map((request) => [request.method, request.status])).toEqual([
      ["GET", 200],
    ]);
    await expect(lookups[0]?.headers["x-moltin-customer-token"]).toBe(
      checkouts[0]?.headers["x-moltin-customer-token"],
    );
    await expect(lookups[0]?.headers["x-moltin-customer-token"]).toMatch(/\S+/);
    await expectOrderedItems(
      context,
      fake,
      orders[0]!.id,
      checkouts[0]?.headers["x-moltin-customer-token"],
    );
  }),
};

const lostGuest = {
  shows: `Elastic Path made the guest's order but its answer was lost (503): ${counted(1, "checkout request")}, not sent again; a guest's orders cannot be read, so the page says the outcome is unknown. The cart stays, and ${counted(1, "order")} exists.`,
  tryIt:
    'Clicking "Place order" again would be a new checkout, and a second order: a storefront should send the shopper to check their email first.',
};

/**
 * A guest's lost answer: no orders to read (a guest has no token), so the hook does not guess.
 * Its error says the outcome is unknown and the checkout must not be sent again unchecked.
 */
export const LostAnswerGuest: Story = {
  name: "A lost answer, as a guest: the outcome is unknown",
  parameters: { demo: { seed: lostCheckout, caption: lostGuest } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await addMug(context);
    await fillCheckout(context, GUEST);
    await userEvent.click(checkoutPanel(context).getByRole("button", { name: "Place order" }));

    const alert = await checkoutPanel(context).findByRole("alert", {}, patience);
    await expect(alert).toHaveTextContent(/whether the order was made is unknown/);
    await expect(alert).toHaveTextContent(/do not check out again before checking/);
    await expect(canvas.queryByRole("status", { name: "Order placed" })).toBeNull();
    // The order may exist: the cart is not forgotten on a guess.
    await expect(canvas.getByText("Cart: 1 item")).toBeVisible();

    const checkouts = fake.requestsTo("checkout");
    await expect(checkouts.map((request) => request.status)).toEqual([503]);
    await expect(checkouts[0]?.headers["x-moltin-customer-token"]).toBeUndefined();
    await expect(fake.requestsTo("list-orders")).toHaveLength(0);
    // Elastic Path did make it: exactly one order, which the shopper was not told about.
    await expect(fake.orders()).toHaveLength(1);
    await expect(fake.orders()[0]?.external_ref).toBe(checkoutBody(checkouts[0])?.external_ref);
  }),
};
