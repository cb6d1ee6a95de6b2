import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor } from "storybook/test";
import { Storefront } from "./components/Storefront";
import { onTheFake, type DemoParameters } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { listedCartNames, logIn, myCarts, patience } from "./support/play";

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
  caption: {
    shows:
      "Ada logged in with a guest cart, and the hook saved it to her account by itself: one association request (highlighted in the log), and the cart on top of My carts.",
    tryIt:
      "Start over as a guest, then log in as Ada again: one more association, for the new cart.",
  },
};

const meta = {
  title: "Storefront",
  render: () => <Storefront />,
  parameters: { demo },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

/**
 * A guest fills a cart, then logs in: the hook ties the cart to their account by itself
 * (one `POST /v2/carts/:id/relationships/customers` with their token), the banner says so,
 * and "My carts" shows it on top, next to the carts saved before.
 */
export const LoginKeepsTheCart: Story = {
  name: "Login keeps the cart",
  play: onTheFake(async (context, { fake, shopper, initialCartId }) => {
    const { canvas } = context;
    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await expect(canvas.getByText(shopper.email)).toBeVisible();

    await logIn(context, shopper);

    await expect(
      await canvas.findByText("Your cart was saved to your account.", {}, patience),
    ).toBeVisible();
    await waitFor(
      () =>
        expect(listedCartNames(context)).toEqual([
          "Guest cart 1",
          "Weekend groceries",
          "Birthday presents",
        ]),
      patience,
    );
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

    // Replayed by hand, in one click: signed out, a new guest cart, nothing else sent.
    const { userEvent } = context;
    await userEvent.click(canvas.getByRole("button", { name: "Start over as a guest" }));
    await expect(await canvas.findByRole("button", { name: "Log in" }, patience)).toBeVisible();
    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await expect(canvas.queryByRole("alert")).toBeNull();
    await expect(fake.requestsTo("associate")).toHaveLength(1);

    await logIn(context, shopper);
    await waitFor(
      () =>
        expect(listedCartNames(context)).toEqual([
          "Guest cart 2",
          "Guest cart 1",
          "Weekend groceries",
          "Birthday presents",
        ]),
      patience,
    );
    const [, second] = fake.requestsTo("associate");
    await expect(second?.status).toBe(200);
    await expect(second?.path).not.toBe(associations[0]?.path);
  }),
};
