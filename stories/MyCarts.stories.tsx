import type { Meta, StoryContext, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import { AccountPage } from "./components/AccountPage";
import { onTheFake, type DemoParameters, type FakeDemo } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { counted, listedCartNames, logInAndWait, myCarts, patience } from "./support/play";

const SOCKS = [{ name: "Wool socks", quantity: 2, amount: 1200 }];

/** The shopper has `count` saved carts, "Cart 1" the newest. */
const savedCarts = (count: number): DemoParameters => ({
  seed: (fake, { shopper }) => {
    fake.seedCarts(count, { customerIds: [shopper.id], items: SOCKS });
  },
});

/** Carts per page of "My carts" in these stories. */
const PAGE_SIZE = 3;
/** A mutation's or a list's tries when every one fails: the first and the package's three retries. */
const TRIES = 4;
/** The same failure on every try: what the fake's fault control is set to. */
const failingEveryTry = (endpoint: DemoArgs["faultEndpoint"]): Partial<DemoArgs> => ({
  fault: "503",
  faultEndpoint: endpoint,
  faultCount: TRIES,
});

const meta = {
  title: "My carts (customer)",
  render: () => <AccountPage limit={PAGE_SIZE} retryDelay={50} />,
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

const SAVED = 7;
/** The pages "Load more" goes through: every offset up to the last cart. */
const OFFSETS = Array.from({ length: Math.ceil(SAVED / PAGE_SIZE) }, (_, page) => page * PAGE_SIZE);

/** Three carts a page; "Load more" asks for the next page at the offset Elastic Path's paging says. */
export const LoadMore: Story = {
  name: "Load more",
  parameters: {
    demo: {
      ...savedCarts(SAVED),
      caption: {
        shows: `${SAVED} saved carts, ${PAGE_SIZE} a page: Load more asked for the next ${counted(OFFSETS.length - 1, "page")} at the offsets Elastic Path's paging gave (${OFFSETS.join(", ")}).`,
        tryIt: "Press Refresh: every loaded page is fetched again (see page[offset] in the log).",
      },
    },
  },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await expect(
      await myCarts(context).findByText("Showing 3 of 7 carts.", {}, patience),
    ).toBeVisible();
    await expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2", "Cart 3"]);

    await userEvent.click(canvas.getByRole("button", { name: "Load more" }));
    await myCarts(context).findByText("Showing 6 of 7 carts.", {}, patience);
    await userEvent.click(canvas.getByRole("button", { name: "Load more" }));
    await myCarts(context).findByText("Showing 7 of 7 carts.", {}, patience);
    await expect(listedCartNames(context)).toEqual([
      "Cart 1",
      "Cart 2",
      "Cart 3",
      "Cart 4",
      "Cart 5",
      "Cart 6",
      "Cart 7",
    ]);
    await expect(canvas.queryByRole("button", { name: "Load more" })).toBeNull();

    const pages = fake.requestsTo("list-carts").map((request) => request.query);
    await expect(pages).toEqual(
      OFFSETS.map((offset) => ({
        "page[limit]": String(PAGE_SIZE),
        "page[offset]": String(offset),
      })),
    );
  }),
};

/**
 * Remove and Delete alike: Cart 2 leaves the list before its request (slowed to 2 s) is
 * answered with 204, then the list is fetched again and still agrees with the fake.
 */
async function takesCart2OffAtOnce(
  context: StoryContext<DemoArgs>,
  { fake, shopper }: FakeDemo,
  { button, endpoint }: { button: string; endpoint: "disassociate" | "delete-cart" },
) {
  const { canvas, userEvent } = context;
  await logInAndWait(context, shopper);
  await waitFor(
    () => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2", "Cart 3"]),
    patience,
  );
  fake.setLatency((request) => (request.endpoint === endpoint ? 2000 : context.args.latencyMs));
  await userEvent.click(canvas.getByRole("button", { name: button }));
  // Optimistic: gone from the list before Elastic Path has answered.
  await waitFor(() => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 3"]));
  await expect(fake.requestsTo(endpoint)).toHaveLength(0);
  await waitFor(() => expect(fake.requestsTo(endpoint)).toHaveLength(1), patience);
  await expect(fake.requestsTo(endpoint)[0]?.status).toBe(204);
  // Reconciled: the list is fetched again after the request settled, and still agrees.
  await waitFor(() => expect(fake.requestsTo("list-carts")).toHaveLength(2), patience);
  await expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 3"]);
  await expect(fake.cartsOf(shopper.id).map((cart) => cart.name)).toEqual(["Cart 1", "Cart 3"]);
}

/**
 * Remove takes the cart off the list at once, while the `DELETE` is still on its way (slowed
 * down to 2 s here), then reconciles the list with the server.
 */
export const Remove: Story = {
  parameters: {
    demo: {
      ...savedCarts(3),
      caption: {
        shows:
          "Remove took Cart 2 off the list at once, before its DELETE (slowed to 2 s) was answered, then fetched the list again.",
        tryIt:
          "Remove another cart: it leaves the list while its DELETE is still missing from the log.",
      },
    },
  },
  play: onTheFake((context, world) =>
    takesCart2OffAtOnce(context, world, { button: "Remove Cart 2", endpoint: "disassociate" }),
  ),
};

/** The removal fails for good (503 on every try): the cart comes back, and the shopper is told. */
export const RemoveFails: Story = {
  name: "Remove fails, the cart comes back",
  parameters: {
    demo: {
      ...savedCarts(3),
      caption: {
        shows: `Removing Cart 2 failed with 503 on all ${TRIES} tries (the first and ${TRIES - 1} retries): the cart came back, and the shopper is told.`,
        tryIt: "Remove it again now that the faults are spent: it goes for good (204 in the log).",
      },
    },
  },
  // One try and the hook's three retries.
  args: failingEveryTry("disassociate"),
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2", "Cart 3"]),
      patience,
    );

    await userEvent.click(canvas.getByRole("button", { name: "Remove Cart 2" }));

    await expect(
      await myCarts(context).findByText(
        /The cart could not be removed, so it is back in the list\./,
        {},
        patience,
      ),
    ).toBeVisible();
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2", "Cart 3"]),
      patience,
    );
    await expect(fake.requestsTo("disassociate").map((request) => request.status)).toEqual(
      Array(TRIES).fill(503),
    );
    await expect(fake.cartsOf(shopper.id)).toHaveLength(3);
  }),
};

/** The list item of the cart named `name`. */
const rowOf = (context: Parameters<typeof myCarts>[0], name: string) =>
  within(
    myCarts(context)
      .getAllByRole("listitem")
      .find((item) => item.querySelector(".cart-name")?.firstChild?.textContent === name)!,
  );

/**
 * A new named cart: `POST /v2/carts` with the customer's token, so it is already theirs (no
 * association request). It shows first in the list as soon as Elastic Path answers, while
 * the list is still being fetched again (slowed down to 2 s here), and is the current cart.
 */
export const Create: Story = {
  parameters: {
    demo: {
      ...savedCarts(2),
      caption: {
        shows:
          "Create cart sent one POST /v2/carts with the shopper's token: \"Gift for Mum\" heads the list from Elastic Path's answer, is this device's cart, and needed no association.",
        tryIt: "Create another cart: it shows before the list is fetched again (slowed to 2 s).",
      },
    },
  },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2"]), patience);

    fake.setLatency(({ endpoint }) => (endpoint === "list-carts" ? 2000 : context.args.latencyMs));
    await userEvent.click(canvas.getByLabelText("New cart name"));
    await userEvent.paste("Gift for Mum");
    await userEvent.click(canvas.getByRole("button", { name: "Create cart" }));

    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Gift for Mum", "Cart 1", "Cart 2"]),
      patience,
    );
    // Shown from Elastic Path's answer: the list has not been fetched again yet.
    await expect(fake.requestsTo("list-carts")).toHaveLength(1);
    await expect(rowOf(context, "Gift for Mum").getByText("this device's cart")).toBeVisible();
    const [created] = fake.requestsTo("create-cart");
    await expect(created?.status).toBe(201);
    await expect(created?.body).toEqual({ data: { name: "Gift for Mum" } });
    await expect(created?.headers["x-moltin-customer-token"]).toBeDefined();
    await expect(fake.requestsTo("associate")).toHaveLength(0);
    await expect(fake.cartsOf(shopper.id).map((cart) => cart.name)).toEqual([
      "Gift for Mum",
      "Cart 1",
      "Cart 2",
    ]);
    // Reconciled: the list is fetched again and still agrees.
    await waitFor(() => expect(fake.requestsTo("list-carts")).toHaveLength(2), patience);
    await expect(listedCartNames(context)).toEqual(["Gift for Mum", "Cart 1", "Cart 2"]);
  }),
};

/**
 * Rename shows the new name at once, while the `PUT` is on its way (slowed down to 2 s); the
 * reconciled list then has the renamed cart first, the most recently updated.
 */
export const Rename: Story = {
  parameters: {
    demo: {
      ...savedCarts(3),
      caption: {
        shows:
          "Renaming Cart 2 showed the new name at once, before its PUT (slowed to 2 s) was answered; the list then came back from the server, newest first.",
        tryIt:
          "Rename another cart and watch the log: the name changes before the PUT is answered.",
      },
    },
  },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2", "Cart 3"]),
      patience,
    );

    fake.setLatency(({ endpoint }) => (endpoint === "update-cart" ? 2000 : context.args.latencyMs));
    await userEvent.click(canvas.getByRole("button", { name: "Rename Cart 2" }));
    const input = canvas.getByLabelText("New name for Cart 2");
    await userEvent.clear(input);
    await userEvent.paste("Office supplies");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));

    await waitFor(() =>
      expect(listedCartNames(context)).toEqual(["Cart 1", "Office supplies", "Cart 3"]),
    );
    await expect(fake.requestsTo("update-cart")).toHaveLength(0);

    await waitFor(() => expect(fake.requestsTo("update-cart")).toHaveLength(1), patience);
    await expect(fake.requestsTo("update-cart")[0]).toMatchObject({
      method: "PUT",
      status: 200,
      body: { data: { name: "Office supplies" } },
    });
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Office supplies", "Cart 1", "Cart 3"]),
      patience,
    );
  }),
};

/** The rename fails for good (503 on every try): the old name comes back, and the shopper is told. */
export const RenameFails: Story = {
  name: "Rename fails, the old name comes back",
  parameters: {
    demo: {
      ...savedCarts(2),
      caption: {
        shows: `The rename's PUT failed with 503 ${TRIES} times (the first try and ${TRIES - 1} retries); the old name came back in the list.`,
        tryIt:
          "Set the fault count to 0 in the controls and rename again: it saves. With 1 or 2, the retries save it.",
      },
    },
  },
  args: failingEveryTry("update-cart"),
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2"]), patience);

    await userEvent.click(canvas.getByRole("button", { name: "Rename Cart 1" }));
    await userEvent.clear(canvas.getByLabelText("New name for Cart 1"));
    await userEvent.paste("Never saved");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));

    await expect(
      await myCarts(context).findByText(
        /The cart could not be renamed, so it has its old name again\./,
        {},
        patience,
      ),
    ).toBeVisible();
    await expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2"]);
    await expect(fake.requestsTo("update-cart").map((request) => request.status)).toEqual(
      Array(TRIES).fill(503),
    );
  }),
};

/** Delete takes the cart off the list at once, sends `DELETE /v2/carts/:id`, then reconciles. */
export const Delete: Story = {
  parameters: {
    demo: {
      ...savedCarts(3),
      caption: {
        shows:
          "Delete took Cart 2 off the list at once, before its DELETE (slowed to 2 s) was answered, then fetched the list again.",
        tryIt:
          "Delete another cart: it leaves the list while its DELETE is still missing from the log.",
      },
    },
  },
  play: onTheFake((context, world) =>
    takesCart2OffAtOnce(context, world, { button: "Delete Cart 2", endpoint: "delete-cart" }),
  ),
};

/**
 * Elastic Path keeps one cart for every customer: deleting the last one is refused (400,
 * "Last cart") and the cart comes back. "Delete it anyway" takes it off the customer, and
 * deletes it once that is answered: two requests, one after the other.
 */
export const DeleteLastCart: Story = {
  name: "Delete the last cart",
  parameters: {
    demo: {
      ...savedCarts(1),
      caption: {
        shows:
          'Elastic Path refused to delete the customer\'s last cart (400, "Last cart"); "Delete it anyway" took the cart off the customer first, then deleted it, one request after the other.',
        tryIt: "Create a cart, then delete your last one: the refusal explains itself.",
      },
    },
  },
  play: onTheFake(async (context, { fake, shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Cart 1"]), patience);

    await userEvent.click(canvas.getByRole("button", { name: "Delete Cart 1" }));
    await expect(
      await myCarts(context).findByText(/This is your only cart/, {}, patience),
    ).toBeVisible();
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Cart 1"]), patience);
    await expect(fake.requestsTo("delete-cart").map((request) => request.status)).toEqual([400]);

    await userEvent.click(canvas.getByRole("button", { name: "Delete it anyway" }));
    await expect(
      await myCarts(context).findByText("No carts are saved to your account yet.", {}, patience),
    ).toBeVisible();
    // Gone from the list at once; the two requests follow one after the other.
    await waitFor(() => expect(fake.requestsTo("delete-cart")).toHaveLength(2), patience);
    const [off] = fake.requestsTo("disassociate");
    const [, deletion] = fake.requestsTo("delete-cart");
    await expect(off?.status).toBe(204);
    await expect(deletion?.status).toBe(204);
    await expect(deletion!.startedAt).toBeGreaterThanOrEqual(off!.finishedAt);
    await expect(fake.cartsOf(shopper.id)).toEqual([]);
  }),
};

/** "Shop" makes a listed cart this device's cart (`useCartId`'s setter); the list marks it. */
export const Switch: Story = {
  parameters: {
    demo: {
      ...savedCarts(3),
      caption: {
        shows:
          "\"Shop in Cart 3\" made Cart 3 this device's cart through useCartId's setter; the list marks it.",
        tryIt: "Shop in another cart: the mark moves, and the badge shows that cart.",
      },
    },
  },
  play: onTheFake(async (context, { shopper }) => {
    const { canvas, userEvent } = context;
    await logInAndWait(context, shopper);
    await waitFor(
      () => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2", "Cart 3"]),
      patience,
    );
    await expect(canvas.queryByText("this device's cart")).toBeNull();

    await userEvent.click(canvas.getByRole("button", { name: "Shop in Cart 3" }));
    await expect(rowOf(context, "Cart 3").getByText("this device's cart")).toBeVisible();
    await expect(rowOf(context, "Cart 3").queryByRole("button", { name: /^Shop/ })).toBeNull();
    const current = myCarts(context)
      .getAllByRole("listitem")
      .filter((item) => item.getAttribute("aria-current") === "true");
    await expect(
      current.map((item) => item.querySelector(".cart-name")?.firstChild?.textContent),
    ).toEqual(["Cart 3"]);
    // The play stops here: shopping in another cart is the caption's "Try".
    await expect(canvas.getAllByText("this device's cart")).toHaveLength(1);
  }),
};

/** A customer without saved carts sees an empty state, not an empty list. */
export const Empty: Story = {
  parameters: {
    demo: {
      fakeOnly: true,
      caption: {
        shows: "A customer without saved carts sees an empty state, not an empty list.",
        tryIt:
          "Set Latency to 2000 in Controls, log out and in again: the loading state comes first.",
      },
    },
  },
  play: onTheFake(async (context, { fake, shopper }) => {
    await logInAndWait(context, shopper);
    await expect(
      await myCarts(context).findByText("No carts are saved to your account yet.", {}, patience),
    ).toBeVisible();
    await expect(fake.requestsTo("list-carts").map((request) => request.status)).toEqual([200]);
  }),
};

/**
 * The list cannot be loaded: 503 on the first try and on each of the three retries (the
 * QueryClient's setting, TanStack's default). The shopper gets an error and a way to try again.
 */
export const LoadError: Story = {
  name: "Error, then try again",
  parameters: {
    demo: {
      ...savedCarts(2),
      fakeOnly: true,
      caption: {
        shows: `The list failed with 503 on all ${TRIES} tries (the first and the QueryClient's ${TRIES - 1} retries); Try again then loaded it.`,
        tryIt:
          "Set Fault count to 5 in Controls (five more 503s) and press Refresh: the carts shown stay on screen while the retries fail in the log.",
      },
    },
  },
  args: failingEveryTry("list-carts"),
  play: onTheFake(async (context, { fake, shopper }) => {
    const { userEvent } = context;
    await logInAndWait(context, shopper);
    const alert = await myCarts(context).findByRole("alert", {}, patience);
    await expect(alert).toHaveTextContent(
      "Your carts could not be loaded. Loading the customer's carts failed with HTTP 503",
    );

    await userEvent.click(myCarts(context).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(listedCartNames(context)).toEqual(["Cart 1", "Cart 2"]), patience);
    await expect(fake.requestsTo("list-carts").map((request) => request.status)).toEqual([
      ...Array<number>(TRIES).fill(503),
      200,
    ]);
  }),
};
