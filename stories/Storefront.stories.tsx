import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { Storefront } from "./components/Storefront";
import { onTheFake, type DemoParameters, type FakeDemo } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { counted, expectCaption, listedCartNames, logIn, myCarts, patience } from "./support/play";

const DAY_MS = 24 * 60 * 60 * 1000;

const demo: DemoParameters = {
  // Two carts the shopper saved earlier, on another device.
  seed: (fake, { shopper }) => {
    fake.seedCart({
      name: "Weekend groceries",
      customerIds: [shopper.id],
      items: [{ name: "Coffee beans", quantity: 1, amount: 1800 }],
      updatedAt: Date.now() - DAY_MS,
    });
    fake.seedCart({
      name: "Birthday presents",
      customerIds: [shopper.id],
      items: [{ name: "Kite", quantity: 1, amount: 3900 }],
      updatedAt: Date.now() - 2 * DAY_MS,
    });
  },
  // The guest cart filled before logging in, through the SDK.
  guestCart: { items: GUEST_ITEMS },
  startOver: true,
};

/** What the first login leaves on screen: the guest cart on top of the two saved ones. */
const AFTER_ONE_LOGIN = ["Guest cart 1", "Weekend groceries", "Birthday presents"];
/** And after starting over and logging in again: the second guest cart on top. */
const AFTER_TWO_LOGINS = ["Guest cart 2", ...AFTER_ONE_LOGIN];

const meta = {
  title: "Storefront (customers)",
  render: () => <Storefront />,
  parameters: { demo },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

type Context = Parameters<NonNullable<Story["play"]>>[0];

/** A guest with a cart logs in; the cart is saved to her account and tops "My carts". */
async function firstLogin(context: Context, { fake, shopper, initialCartId }: FakeDemo) {
  const { canvas } = context;
  await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
  await expect(canvas.getByText(shopper.email)).toBeVisible();

  await logIn(context, shopper);

  await expect(
    await canvas.findByText("Your cart was saved to your account.", {}, patience),
  ).toBeVisible();
  await waitFor(() => expect(listedCartNames(context)).toEqual(AFTER_ONE_LOGIN), patience);
  await expect(myCarts(context).getByText("this device's cart")).toBeVisible();
  await expect(canvas.getByText("Cart: 2 products, $49.00")).toBeVisible();

  const associations = fake.requestsTo("associate");
  await expect(associations).toHaveLength(1);
  await expect(associations[0]).toMatchObject({
    path: `/v2/carts/${initialCartId}/relationships/customers`,
    status: 200,
    body: { data: [{ type: "customer", id: shopper.id }] },
  });
  const [login] = fake.requestsTo("customer-token");
  await expect(associations[0]?.headers["x-moltin-customer-token"]).toMatch(/\S+/);
  await expect(login?.status).toBe(200);
  await expect(fake.associations()).toContainEqual({
    cartId: initialCartId,
    customerId: shopper.id,
  });
}

const oneLogin = {
  shows: `Ada logged in with a guest cart, and the hook saved it to her account by itself: ${counted(1, "association request")} (highlighted in the log), and the cart on top of My carts, ${counted(AFTER_ONE_LOGIN.length, "cart")} in all.`,
  tryIt: "Start over as a guest, then log in as Ada again: one more association, for the new cart.",
};

/**
 * A guest fills a cart, then logs in: the hook ties the cart to their account by itself
 * (one `POST /v2/carts/:id/relationships/customers` with their token), the banner says so,
 * and "My carts" shows it on top, next to the carts saved before. The play stops there:
 * starting over is the caption's "Try".
 */
export const LoginKeepsTheCart: Story = {
  name: "Login keeps the guest cart",
  parameters: { demo: { caption: oneLogin } },
  play: onTheFake(async (context, world) => {
    await firstLogin(context, world);
    await expectCaption(context, oneLogin);
    await expect(world.fake.requestsTo("associate")).toHaveLength(1);
    await expect(listedCartNames(context)).toHaveLength(AFTER_ONE_LOGIN.length);
  }),
};

const twoLogins = {
  shows: `Ada logged in, started over as a guest and logged in again: ${counted(2, "association request")} (highlighted in the log), one per guest cart, and both carts on top of My carts, ${counted(AFTER_TWO_LOGINS.length, "cart")} in all.`,
  tryIt: "Start over once more and log in: a third association, for the third guest cart.",
};

/** The first story, then "Start over as a guest" and a second login: one more association. */
export const StartOverAndLogInAgain: Story = {
  name: "Start over, log in again: one more association",
  parameters: { demo: { caption: twoLogins } },
  play: onTheFake(async (context, world) => {
    const { canvas, userEvent } = context;
    const { fake, shopper } = world;
    await firstLogin(context, world);
    const [first] = fake.requestsTo("associate");

    // Replayed in one click: signed out, a new guest cart, nothing else sent.
    await userEvent.click(canvas.getByRole("button", { name: "Start over as a guest" }));
    await expect(await canvas.findByRole("button", { name: "Log in" }, patience)).toBeVisible();
    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await expect(canvas.queryByRole("alert")).toBeNull();
    await expect(fake.requestsTo("associate")).toHaveLength(1);

    await logIn(context, shopper);
    await waitFor(() => expect(listedCartNames(context)).toEqual(AFTER_TWO_LOGINS), patience);
    const associations = fake.requestsTo("associate");
    await expect(associations).toHaveLength(2);
    await expect(associations[1]?.status).toBe(200);
    await expect(associations[1]?.path).not.toBe(first?.path);
    await expectCaption(context, twoLogins);
  }),
};
