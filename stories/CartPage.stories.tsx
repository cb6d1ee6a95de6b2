import type { Meta, StoryContext, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { Account } from "./components/Account";
import { AssociationStatus } from "./components/AssociationStatus";
import { CartPage } from "./components/CartPage";
import {
  CATALOG,
  dollars,
  LANTERN,
  MUG,
  PROMOTION_CODE,
  seedCatalog,
  SOCKS,
  type CatalogProduct,
} from "./support/catalog";
import { onTheFake, type DemoParameters } from "./support/demo";
import type { FakeElasticPath } from "../src/testing";
import type { DemoArgs } from "./support/fakeControls";
import { counted, logInAndWait, patience } from "./support/play";

/** The catalog and the promotion code; no cart yet: the first add makes it. */
const catalog: DemoParameters = {
  seed: (fake) => seedCatalog(fake),
  // Seeded products and faults exist on the fake only.
  fakeOnly: true,
};

const meta = {
  title: "Cart page",
  render: () => <CartPage products={CATALOG} />,
  parameters: { demo: catalog },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;
type Context = StoryContext<DemoArgs>;

/** The cart's panel, to look inside. */
const cartPanel = ({ canvas }: Pick<Context, "canvas">) =>
  within(canvas.getByRole("region", { name: "Your cart" }));

/** The cart's product lines as the shopper reads them: "Enamel mug × 2". */
function cartLines(context: Pick<Context, "canvas">): string[] {
  const list = cartPanel(context).queryByRole("list", { name: "Cart items" });
  if (!list) return [];
  return within(list)
    .getAllByRole("listitem")
    .map((line) => {
      const name = line.querySelector(".cart-name")?.textContent ?? "";
      return `${name} × ${line.querySelector("output")?.textContent ?? ""}`;
    });
}

const totalShown = (context: Pick<Context, "canvas">) =>
  cartPanel(context).getByTestId("cart-total").textContent;

const addButton = ({ canvas }: Pick<Context, "canvas">, product: CatalogProduct) =>
  canvas.getByRole("button", { name: `Add ${product.name} to cart` });

/** Adds `product` by clicking its button and waits until the cart shows `lines`. */
async function addAndWait(context: Context, product: CatalogProduct, lines: string[]) {
  await context.userEvent.click(addButton(context, product));
  await waitFor(() => expect(cartLines(context)).toEqual(lines), patience);
}

/** The cart the page made: the one every add went to. */
function cartIdOf(path: string | undefined): string {
  return /^\/v2\/carts\/([^/]+)\/items$/.exec(path ?? "")?.[1] ?? "";
}

const addBody = (product: CatalogProduct, quantity = 1) => ({
  data: { type: "cart_item", id: product.id, quantity },
});

const addToCart = {
  shows: `A double click on "Add Enamel mug to cart" with no cart yet, then Wool socks: ${counted(1, "POST /v2/carts")}, ${counted(3, "add request")} to that cart, and the cart shown from Elastic Path's answers with no GET after them.`,
  tryIt: "Add more products: each is one POST .../items in the log, and never a GET.",
};

/**
 * The cart is made by the first add, once: a double click on a product with no cart yet sends
 * one `POST /v2/carts`, then both adds to it. The cart shows Elastic Path's answers, with no
 * read after them.
 */
export const AddToCart: Story = {
  name: "Add to cart, see the cart",
  parameters: { demo: { caption: addToCart } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await expect(cartPanel(context).getByText("Your cart is empty.")).toBeVisible();
    await expect(canvas.getByText("Cart: 0 items")).toBeVisible();

    await userEvent.dblClick(addButton(context, MUG));
    await waitFor(() => expect(cartLines(context)).toEqual(["Enamel mug × 2"]), patience);
    await addAndWait(context, SOCKS, ["Enamel mug × 2", "Wool socks × 1"]);
    await waitFor(() => expect(totalShown(context)).toBe(dollars(2 * MUG.amount + SOCKS.amount)));
    await expect(canvas.getByText("Cart: 3 items")).toBeVisible();

    const [created] = fake.requestsTo("create-cart");
    await expect(fake.requestsTo("create-cart")).toHaveLength(1);
    await expect(created?.status).toBe(201);
    // A guest's cart: no shopper token.
    await expect(created?.headers["x-moltin-customer-token"]).toBeUndefined();
    const adds = fake.requestsTo("add-items");
    await expect(adds.map((request) => request.body)).toEqual([
      addBody(MUG),
      addBody(MUG),
      addBody(SOCKS),
    ]);
    await expect(new Set(adds.map((request) => request.path)).size).toBe(1);
    await expect(fake.cartItems(cartIdOf(adds[0]?.path))?.map((item) => item.quantity)).toEqual([
      2, 1,
    ]);
    await expect(fake.requestsTo("get-cart")).toHaveLength(0);
  }),
};

/** Five "+" clicks while the first change is on its way; then one "−". */
const PLUS_CLICKS = 5;
const quickClicks = {
  shows: `${PLUS_CLICKS} quick "+" clicks on the mug showed 6 at once and sent ${counted(2, "PUT")} (quantity 2, then only the latest, 6), slowed to 1 s; the totals said "Recalculating totals…" until Elastic Path answered.`,
  tryIt: 'Click "+" many times: whatever the count, at most two PUTs per burst in the log.',
};

/**
 * Quick clicks collapse: the quantity shows each click at once; one `PUT` is in flight, and
 * then only the latest quantity is sent. Totals are never guessed: they stay Elastic Path's
 * last answer, marked as recalculating, until its answer comes.
 */
export const QuickQuantityClicks: Story = {
  name: "Quick +/- clicks",
  parameters: { demo: { caption: quickClicks } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await addAndWait(context, MUG, ["Enamel mug × 1"]);
    await waitFor(() => expect(totalShown(context)).toBe(dollars(MUG.amount)));

    fake.setLatency(({ endpoint }) => (endpoint === "update-item" ? 1000 : context.args.latencyMs));
    const plus = canvas.getByRole("button", { name: "One more Enamel mug" });
    for (let click = 0; click < PLUS_CLICKS; click += 1) await userEvent.click(plus);

    // The wish shows at once; the total is Elastic Path's last answer, marked as stale.
    await expect(cartLines(context)).toEqual([`Enamel mug × ${1 + PLUS_CLICKS}`]);
    await expect(cartPanel(context).getByText("Recalculating totals…")).toBeVisible();
    await expect(totalShown(context)).toBe(dollars(MUG.amount));

    await waitFor(
      () => expect(totalShown(context)).toBe(dollars((1 + PLUS_CLICKS) * MUG.amount)),
      patience,
    );
    await waitFor(() => expect(cartPanel(context).queryByText("Recalculating totals…")).toBeNull());
    await expect(cartLines(context)).toEqual([`Enamel mug × ${1 + PLUS_CLICKS}`]);
    const itemId = fake.cartItems(cartIdOf(fake.requestsTo("add-items")[0]?.path))?.[0]?.id;
    await expect(fake.requestsTo("update-item").map((request) => request.body)).toEqual([
      { data: { id: itemId, quantity: 2 } },
      { data: { id: itemId, quantity: 1 + PLUS_CLICKS } },
    ]);

    fake.setLatency(context.args.latencyMs);
    await userEvent.click(canvas.getByRole("button", { name: "One less Enamel mug" }));
    await expect(cartLines(context)).toEqual([`Enamel mug × ${PLUS_CLICKS}`]);
    await waitFor(
      () => expect(totalShown(context)).toBe(dollars(PLUS_CLICKS * MUG.amount)),
      patience,
    );
    await expect(fake.requestsTo("update-item")).toHaveLength(3);
    await expect(fake.requestsTo("get-cart")).toHaveLength(0);
  }),
};

const remove = {
  shows:
    "Remove took Wool socks off the cart at once, before its DELETE (slowed to 1.5 s) was answered; the total changed only with Elastic Path's answer.",
  tryIt: "Remove the mug too: the cart is empty, and still there (no new cart at the next add).",
};

/** Remove is optimistic for the items, never for the totals. */
export const Remove: Story = {
  parameters: { demo: { caption: remove } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await addAndWait(context, MUG, ["Enamel mug × 1"]);
    await addAndWait(context, SOCKS, ["Enamel mug × 1", "Wool socks × 1"]);
    await waitFor(() => expect(totalShown(context)).toBe(dollars(MUG.amount + SOCKS.amount)));

    fake.setLatency(({ endpoint }) => (endpoint === "delete-item" ? 1500 : context.args.latencyMs));
    await userEvent.click(canvas.getByRole("button", { name: "Remove Wool socks" }));
    await expect(cartLines(context)).toEqual(["Enamel mug × 1"]);
    await expect(fake.requestsTo("delete-item")).toHaveLength(0);
    await expect(totalShown(context)).toBe(dollars(MUG.amount + SOCKS.amount));
    await expect(cartPanel(context).getByText("Recalculating totals…")).toBeVisible();

    await waitFor(() => expect(totalShown(context)).toBe(dollars(MUG.amount)), patience);
    const cartId = cartIdOf(fake.requestsTo("add-items")[0]?.path);
    const [removal] = fake.requestsTo("delete-item");
    await expect(removal?.method).toBe("DELETE");
    await expect(removal?.path).toMatch(new RegExp(`^/v2/carts/${cartId}/items/[^/]+$`));
    await expect(removal?.status).toBe(200);
    await expect(fake.cartItems(cartId)?.map((item) => item.name)).toEqual([MUG.name]);
    await expect(fake.requestsTo("get-cart")).toHaveLength(0);
  }),
};

const DISCOUNTED = Math.round((MUG.amount + SOCKS.amount) * 0.9);
const promotionCode = {
  shows: `An unknown code (NOPE) was refused by name and changed nothing; ${PROMOTION_CODE} took 10% off (${dollars(DISCOUNTED)}) from Elastic Path's answer; removing it answered 204, so the cart was read ${counted(1, "time")}.`,
  tryIt: `Apply ${PROMOTION_CODE} again, or a code in lower case: Elastic Path's codes are not case-sensitive.`,
};

/** A promotion code: refused by name when unknown, its discount shown from Elastic Path's answer. */
export const PromotionCode: Story = {
  name: "Promotion code",
  parameters: { demo: { caption: promotionCode } },
  play: onTheFake(async (context, { fake }) => {
    const { userEvent } = context;
    const cart = cartPanel(context);
    await addAndWait(context, MUG, ["Enamel mug × 1"]);
    await addAndWait(context, SOCKS, ["Enamel mug × 1", "Wool socks × 1"]);

    await userEvent.click(cart.getByLabelText("Promotion code"));
    await userEvent.paste("NOPE");
    await userEvent.click(cart.getByRole("button", { name: "Apply" }));
    await expect(await cart.findByRole("alert", {}, patience)).toHaveTextContent('"NOPE"');
    await expect(totalShown(context)).toBe(dollars(MUG.amount + SOCKS.amount));

    await userEvent.clear(cart.getByLabelText("Promotion code"));
    await userEvent.paste(PROMOTION_CODE);
    await userEvent.click(cart.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(totalShown(context)).toBe(dollars(DISCOUNTED)), patience);
    await expect(cart.getByRole("list", { name: "Promotion codes" })).toHaveTextContent(
      PROMOTION_CODE,
    );
    await expect(cart.queryByRole("alert")).toBeNull();
    const codes = fake.requestsTo("add-items").slice(2);
    await expect(codes.map((request) => [request.body, request.status])).toEqual([
      [{ data: { type: "promotion_item", code: "NOPE" } }, 404],
      [{ data: { type: "promotion_item", code: PROMOTION_CODE } }, 201],
    ]);
    await expect(fake.requestsTo("get-cart")).toHaveLength(0);

    await userEvent.click(cart.getByRole("button", { name: `Remove code ${PROMOTION_CODE}` }));
    await waitFor(
      () => expect(totalShown(context)).toBe(dollars(MUG.amount + SOCKS.amount)),
      patience,
    );
    const cartId = cartIdOf(codes[0]?.path);
    await expect(fake.requestsTo("delete-discount").map((request) => request.path)).toEqual([
      `/v2/carts/${cartId}/discounts/${PROMOTION_CODE}`,
    ]);
    // Elastic Path answers that DELETE with 204 and no body: the cart is read once.
    await expect(fake.requestsTo("get-cart")).toHaveLength(1);
  }),
};

const outOfStock = {
  shows: `Two storm lanterns are in stock: "+" to a third showed 3, then Elastic Path refused it (400, insufficient stock) and the cart went back to 2; adding another was refused too, and nothing changed.`,
  tryIt: 'Click "−" and "+" again: 1 and 2 are accepted, 3 never is.',
};

/** Refusals are said, and leave the cart as it was: a quantity goes back, an add adds nothing. */
export const OutOfStock: Story = {
  name: "Out of stock: refused",
  parameters: { demo: { caption: outOfStock } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await addAndWait(context, LANTERN, ["Storm lantern × 1"]);
    const plus = canvas.getByRole("button", { name: "One more Storm lantern" });
    await userEvent.click(plus);
    await waitFor(() => expect(totalShown(context)).toBe(dollars(2 * LANTERN.amount)), patience);

    await userEvent.click(plus);
    await expect(
      await cartPanel(context).findByText(/The quantity was not changed: .*stock/i, {}, patience),
    ).toBeVisible();
    await waitFor(() => expect(cartLines(context)).toEqual(["Storm lantern × 2"]));
    await expect(fake.requestsTo("update-item").map((request) => request.status)).toEqual([
      200, 400,
    ]);

    await userEvent.click(addButton(context, LANTERN));
    await expect(
      await canvas.findByText(/Adding Storm lantern: .*stock/i, {}, patience),
    ).toBeVisible();
    await expect(cartLines(context)).toEqual(["Storm lantern × 2"]);
    await expect(totalShown(context)).toBe(dollars(2 * LANTERN.amount));
    await expect(fake.requestsTo("add-items").map((request) => request.status)).toEqual([201, 400]);
    const cartId = cartIdOf(fake.requestsTo("add-items")[0]?.path);
    await expect(fake.cartItems(cartId)?.map((item) => item.quantity)).toEqual([2]);
  }),
};

const lostAnswer = {
  shows:
    "Elastic Path added the mug, but its answer was lost (503): the add was not sent again, the shopper is told so, and the cart, read once, holds the mug once.",
  tryIt: "Add the mug again: it is a new add, and the quantity goes to 2.",
};

/**
 * An add whose answer is lost may have happened: sending it again could add the mug twice.
 * The package does not; the error says so, and the cart is read again to show what is there.
 */
export const LostAnswer: Story = {
  name: "An add whose answer is lost",
  parameters: {
    demo: {
      seed: (fake: FakeElasticPath) => {
        seedCatalog(fake);
        // The first add is applied, and its answer is a 503.
        fake.failNext("add-items", 1, { status: 503, afterApplying: true });
      },
      caption: lostAnswer,
    },
  },
  play: onTheFake(async (context, { fake }) => {
    const { canvas, userEvent } = context;
    await userEvent.click(addButton(context, MUG));

    await expect(
      await canvas.findByText(/Adding Enamel mug: .*was not sent again/, {}, patience),
    ).toBeVisible();
    await waitFor(() => expect(cartLines(context)).toEqual(["Enamel mug × 1"]), patience);
    await expect(canvas.getByText("Cart: 1 item")).toBeVisible();

    const adds = fake.requestsTo("add-items");
    await expect(adds.map((request) => request.status)).toEqual([503]);
    await expect(fake.requestsTo("create-cart")).toHaveLength(1);
    await waitFor(() => expect(fake.requestsTo("get-cart")).toHaveLength(1));
    await expect(fake.cartItems(cartIdOf(adds[0]?.path))?.map((item) => item.quantity)).toEqual([
      1,
    ]);
  }),
};

const signedIn = {
  shows:
    "Ada logged in with no cart, then added a mug: POST /v2/carts with her token, then POST .../items with the same token, and no association request: the cart was hers from the start.",
  tryIt: "Log out and add a product as a guest: a new cart, with no token.",
};

/**
 * A signed-in shopper's first add: the cart is created with their token, so it is theirs at
 * once; the association hook (mounted in the banner) has nothing to send.
 */
export const SignedInFirstAdd: Story = {
  name: "Signed in: the first add makes her cart",
  render: () => (
    <CartPage
      products={CATALOG}
      aside={
        <>
          <AssociationStatus />
          <Account />
        </>
      }
    />
  ),
  parameters: { demo: { caption: signedIn } },
  play: onTheFake(async (context, { fake, shopper }) => {
    await logInAndWait(context, shopper);
    await addAndWait(context, MUG, ["Enamel mug × 1"]);

    const [created] = fake.requestsTo("create-cart");
    const [added] = fake.requestsTo("add-items");
    const token = created?.headers["x-moltin-customer-token"];
    await expect(token).toMatch(/\S+/);
    await expect(added?.headers["x-moltin-customer-token"]).toBe(token);
    await expect(fake.requests.map((request) => request.endpoint)).toEqual(
      expect.arrayContaining(["customer-token", "create-cart", "add-items"]),
    );
    const cartId = cartIdOf(added?.path);
    await expect(fake.cartsOf(shopper.id).map((cart) => cart.id)).toContain(cartId);
    // Give the association hook time to (wrongly) act on the new cart.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fake.requestsTo("associate")).toHaveLength(0);
  }),
};
