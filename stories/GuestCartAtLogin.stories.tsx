import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { CombinedCartsToast } from "./components/CombinedCartsToast";
import { Storefront } from "./components/Storefront";
import { onTheFake, type DemoParameters, type FakeDemo } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { counted, expectCaption, listedCartNames, logIn, myCarts, patience } from "./support/play";
import { isMergeRequest } from "./support/RequestLog";

const DAY_MS = 24 * 60 * 60 * 1000;
const CUSTOMER_TOKEN = "x-moltin-customer-token";

/**
 * What Ada saved on another device. "Weekend order" is the one she updated last, so it
 * receives the guest cart (GUEST_ITEMS: 2 wool socks at $12, a tote bag at $25, $49.00):
 * the socks add up to 3, and it holds 3 socks, a mug and a tote bag, $76.00. A second
 * merge of the same guest cart would make it 5 socks and 2 tote bags, $125.00.
 */
const demo: DemoParameters = {
  seed: (fake, { shopper }) => {
    fake.seedCart({
      name: "Weekend order",
      customerIds: [shopper.id],
      items: [
        { name: "Wool socks", sku: "socks", quantity: 1, amount: 1200 },
        { name: "Enamel mug", sku: "mug", quantity: 1, amount: 1500 },
      ],
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
  guestCartOnLogin: "merge",
  fakeOnly: true,
  startOver: true,
};

const meta = {
  title: "Guest cart at login (merge)",
  render: () => <Storefront notice={<CombinedCartsToast />} />,
  parameters: { demo },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

/** The cart the seed saved under `name`, as the fake holds it. */
const savedCart = ({ fake, shopper }: FakeDemo, name: string) =>
  fake.cartsOf(shopper.id).find((cart) => cart.name === name)!;

const totalOf = ({ fake }: FakeDemo, cartId: string | undefined) =>
  fake.getCart(cartId!)?.meta?.display_price?.with_tax?.amount;

/** The "My carts" row of the cart named `name`. */
const rowOf = (context: Parameters<typeof myCarts>[0], name: string) =>
  within(
    myCarts(context)
      .getAllByRole("listitem")
      .find((item) => item.querySelector(".cart-name")?.firstChild?.textContent === name)!,
  );

/** "Weekend order" after one merge: 3 socks, a mug, a tote bag. */
const ONE_MERGE_TOTAL = "$76.00";
/** After a second guest cart is merged in too: 5 socks, a mug, 2 tote bags. */
const TWO_MERGES_TOTAL = "$125.00";

const oneMerge = {
  shows: `Ada logged in with a guest cart ($49.00) and a saved “Weekend order” ($27.00): ${counted(1, "merge request")} (highlighted in the log) put the guest items into it — 3 pairs of socks, ${ONE_MERGE_TOTAL} — it became this device's cart, and no association was sent.`,
  tryIt:
    "Start over as a guest and log in again: the new guest cart is merged into “Weekend order” too, one more merge and still no association.",
};

/**
 * `guestCartOnLogin="merge"`: Ada, who saved carts on another device, logs in with a guest
 * cart. Its items go into her most recently updated cart with one
 * `POST /v2/carts/:id/items` (`cart_items`, her token); that cart becomes this device's
 * cart, nothing is associated, and a toast says "We combined your carts". The play stops
 * there: starting over is the caption's "Try".
 */
export const MergedIntoTheSavedCart: Story = {
  name: "Merged into the saved cart",
  parameters: {
    demo: {
      caption: oneMerge,
    },
  },
  play: onTheFake(async (context, world) => {
    await mergeAtFirstLogin(context, world);
    await expectCaption(context, oneMerge);
    await expect(world.fake.requests.filter(isMergeRequest)).toHaveLength(1);
    await expect(context.canvas.getByText(`Cart: 3 products, ${ONE_MERGE_TOTAL}`)).toBeVisible();
  }),
};

type Context = Parameters<NonNullable<Story["play"]>>[0];

/** Ada logs in with a guest cart: it is merged into "Weekend order", once, with no association. */
async function mergeAtFirstLogin(context: Context, world: FakeDemo) {
  const { canvas, step } = context;
  const { fake, shopper, initialCartId } = world;
  const weekendOrder = savedCart(world, "Weekend order");

  await step("a guest with a cart logs in", async () => {
    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await logIn(context, shopper);
  });

  await step("the guest items are in her saved cart, now this device's cart", async () => {
    await expect(await canvas.findByText("We combined your carts.", {}, patience)).toBeVisible();
    await expect(
      await canvas.findByText(
        /“Weekend order” now holds your guest cart's items too\./,
        {},
        patience,
      ),
    ).toBeVisible();
    // Socks 3 × $12 + mug $15 + tote bag $25, in three lines: the socks added up.
    await expect(
      await canvas.findByText(`Cart: 3 products, ${ONE_MERGE_TOTAL}`, {}, patience),
    ).toBeVisible();
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Weekend order", "Birthday presents"]),
      patience,
    );
    const row = rowOf(context, "Weekend order");
    await expect(row.getByText("this device's cart")).toBeVisible();
    await expect(row.getByText(/^3 products · \$76\.00/)).toBeVisible();
  });

  await step("one merge crossed the wire, and no association", async () => {
    const merges = fake.requests.filter(isMergeRequest);
    await expect(merges).toHaveLength(1);
    await expect(merges[0]).toMatchObject({
      method: "POST",
      path: `/v2/carts/${weekendOrder.id}/items`,
      status: 201,
      body: {
        data: { type: "cart_items", cart_id: initialCartId },
        options: { add_all_or_nothing: false },
      },
    });
    // Sent with Ada's token, the one her carts were listed with.
    const [list] = fake.requestsTo("list-carts");
    await expect(merges[0]?.headers[CUSTOMER_TOKEN]).toMatch(/\S+/);
    await expect(merges[0]?.headers[CUSTOMER_TOKEN]).toBe(list?.headers[CUSTOMER_TOKEN]);
    await expect(fake.requestsTo("associate")).toHaveLength(0);
    // What the fake holds: merged once, the guest cart left as it was and not hers.
    await expect(totalOf(world, weekendOrder.id)).toBe(7600);
    await expect(totalOf(world, initialCartId)).toBe(4900);
    await expect(fake.associations().map((pair) => pair.cartId)).not.toContain(initialCartId);
  });
}

const twoMerges = {
  shows: `Ada logged in with a guest cart, started over as a guest with another and logged in again: ${counted(2, "merge request")} (highlighted in the log), each into “Weekend order”, which now holds 5 pairs of socks, a mug and 2 tote bags, ${TWO_MERGES_TOTAL}; still no association.`,
  tryIt: "Start over once more and log in: a third merge, into the same cart.",
};

/** The first story, then "Start over as a guest" and a second login: one more merge. */
export const MergedAgainAfterStartingOver: Story = {
  name: "Start over, log in again: merged again",
  parameters: { demo: { caption: twoMerges } },
  play: onTheFake(async (context, world) => {
    const { canvas, userEvent } = context;
    const { fake, shopper } = world;
    const weekendOrder = savedCart(world, "Weekend order");
    await mergeAtFirstLogin(context, world);

    await userEvent.click(canvas.getByRole("button", { name: "Start over as a guest" }));
    await expect(await canvas.findByRole("button", { name: "Log in" }, patience)).toBeVisible();
    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await logIn(context, shopper);
    await expect(
      await canvas.findByText(`Cart: 3 products, ${TWO_MERGES_TOTAL}`, {}, patience),
    ).toBeVisible();
    await expect(await canvas.findByText("We combined your carts.", {}, patience)).toBeVisible();
    const merges = fake.requests.filter(isMergeRequest);
    await expect(merges).toHaveLength(2);
    await expect(merges[1]?.path).toBe(`/v2/carts/${weekendOrder.id}/items`);
    await expect(merges[1]?.body).not.toEqual(merges[0]?.body);
    await expect(fake.requestsTo("associate")).toHaveLength(0);
    await expect(totalOf(world, weekendOrder.id)).toBe(12500);
    await expectCaption(context, twoMerges);
  }),
};

/**
 * The merge is answered with a 503: whether the items were copied is unknown, so it is
 * never sent again (a second merge would add every quantity twice). The shopper is told,
 * keeps the guest cart on this device, and the carts are read again from the server.
 */
export const MergeUnanswered: Story = {
  name: "Merge answered with 503: not sent again",
  parameters: {
    demo: {
      caption: {
        shows:
          "The merge got a 503: its outcome is unknown, so it was not sent again and the shopper is told; the guest cart stays this device's cart, nothing was associated, and My carts was read again.",
        tryIt:
          "Start over as a guest and log in again: the new guest cart is merged (a 201), the first one is never sent again.",
      },
    },
  },
  args: { fault: "503", faultEndpoint: "add-items", faultCount: 1 },
  play: onTheFake(async (context, world) => {
    const { canvas } = context;
    const { fake, shopper, initialCartId } = world;
    const weekendOrder = savedCart(world, "Weekend order");

    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await logIn(context, shopper);

    await expect(await canvas.findByRole("alert", {}, patience)).toHaveTextContent(
      "so whether the items were copied is unknown: the merge is not sent again, as a second one would add every quantity twice.",
    );
    // The shopper's carts are read again after the unanswered merge, to show what the server has.
    await waitFor(() => {
      const merge = fake.requests.findIndex(isMergeRequest);
      expect(merge).toBeGreaterThan(-1);
      const after = fake.requests.slice(merge + 1).map((request) => request.endpoint);
      expect(after).toContain("list-carts");
    }, patience);
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Weekend order", "Birthday presents"]),
      patience,
    );
    // Nothing lost: the guest cart is still this device's cart.
    await expect(canvas.getByText("Cart: 2 products, $49.00")).toBeVisible();
    await expect(canvas.queryByText("We combined your carts.")).toBeNull();

    await expect(fake.requests.filter(isMergeRequest).map((request) => request.status)).toEqual([
      503,
    ]);
    await expect(fake.requestsTo("associate")).toHaveLength(0);
    await expect(fake.associations().map((pair) => pair.cartId)).not.toContain(initialCartId);
    // Here the fake copied nothing; a real store might have, which is why nothing is re-sent.
    await expect(totalOf(world, weekendOrder.id)).toBe(2700);
  }),
};
