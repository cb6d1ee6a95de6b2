import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import type { RecordedRequest } from "../src/testing";
import { B2bStorefront } from "./components/B2bStorefront";
import { ACCOUNT_MEMBER, BUSINESS_ACCOUNT, FAMILY_ACCOUNT, seedB2b } from "./support/b2b";
import { demoOf, onTheFake, type DemoParameters, type FakeDemo } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { counted, expectCaption, patience } from "./support/play";

const ACCOUNT_TOKEN = "ep-account-management-authentication-token";
const CUSTOMER_TOKEN = "x-moltin-customer-token";

const demo: DemoParameters = {
  // Both accounts, their saved carts and the member: seeded, so the story needs the fake.
  seed: (fake) => seedB2b(fake),
  // The guest cart filled before signing in, through the SDK.
  guestCart: { items: GUEST_ITEMS },
  fakeOnly: true,
};

const BUSINESS_CARTS = ["Guest cart 1", "Office supplies", "Workshop parts"];
const FAMILY_CARTS = ["Weekend groceries", "Birthday presents"];

const meta = {
  title: "B2B accounts (account members)",
  render: (_args, context) => (
    <B2bStorefront
      passwordProfileId={demoOf(context).fake?.passwordProfileId ?? ""}
      member={ACCOUNT_MEMBER}
    />
  ),
  parameters: { demo },
} satisfies Meta<DemoArgs>;

export default meta;
type Story = StoryObj<DemoArgs>;

type PlayContext = Parameters<NonNullable<Story["play"]>>[0];

async function signIn({ canvas, userEvent }: PlayContext, password = ACCOUNT_MEMBER.password) {
  // Pasted rather than typed key by key: the same events for the form, a fraction of the time.
  await userEvent.click(canvas.getByLabelText("Username"));
  await userEvent.paste(ACCOUNT_MEMBER.username);
  await userEvent.click(canvas.getByLabelText("Password"));
  await userEvent.paste(password);
  await userEvent.click(canvas.getByRole("button", { name: "Sign in" }));
}

/** The cart names the "Account carts" panel lists, top to bottom. */
function listedCartNames({ canvas }: Pick<PlayContext, "canvas">): string[] {
  const panel = within(canvas.getByRole("region", { name: "Account carts" }));
  const list = panel.queryByRole("list");
  if (!list) return [];
  return within(list)
    .queryAllByRole("listitem")
    .map((item) => item.querySelector(".cart-name")?.firstChild?.textContent ?? "");
}

const bothShopperHeaders = (requests: readonly RecordedRequest[]) =>
  requests.filter((request) => request.headers[CUSTOMER_TOKEN] && request.headers[ACCOUNT_TOKEN]);

/** "Your other accounts": each other account's name and its carts' names, as shown. */
function otherAccountsLine({ canvas }: Pick<PlayContext, "canvas">, accountName: string) {
  const panel = within(canvas.getByRole("region", { name: "Your other accounts" }));
  return panel.getByText(accountName).parentElement?.textContent;
}

/**
 * Signs the member in with a guest cart: the hook saves the cart to the first account by
 * itself (one `POST /v2/carts/:id/relationships/accounts` with that account's token), its
 * carts are listed, and the other account's carts beside them, with that account's token.
 */
async function signInWithGuestCart(context: PlayContext, { fake, initialCartId }: FakeDemo) {
  const { canvas, step } = context;
  const business = BUSINESS_ACCOUNT.name;
  const family = FAMILY_ACCOUNT.name;

  await step("a guest with a cart signs in as the account member", async () => {
    await expect(await canvas.findByText("Cart: 2 products, $49.00", {}, patience)).toBeVisible();
    await expect(canvas.getByText(ACCOUNT_MEMBER.username)).toBeVisible();
    await expect(
      canvas.getByText("Sign in to see the carts saved to your accounts."),
    ).toBeVisible();
    await signIn(context);
    await expect(
      await canvas.findByText(`Signed in as ${ACCOUNT_MEMBER.name}.`, {}, patience),
    ).toBeVisible();
  });

  await step(`the guest cart is saved to ${business}, once`, async () => {
    await expect(
      await canvas.findByText(`Your cart was saved to ${business}.`, {}, patience),
    ).toBeVisible();
    await waitFor(() => expect(listedCartNames(context)).toEqual(BUSINESS_CARTS), patience);
    await expect(canvas.getByText("this device's cart")).toBeVisible();
    await expect(canvas.getByRole("combobox", { name: "Buying for" })).toHaveDisplayValue(business);

    const associations = fake.requestsTo("associate-account");
    await expect(associations).toHaveLength(1);
    await expect(associations[0]).toMatchObject({
      method: "POST",
      path: `/v2/carts/${initialCartId}/relationships/accounts`,
      status: 200,
      body: { data: [{ type: "account", id: BUSINESS_ACCOUNT.id }] },
    });
    const businessToken = associations[0]?.headers[ACCOUNT_TOKEN];
    await expect(businessToken).toMatch(/\S+/);
    await expect(associations[0]?.headers[CUSTOMER_TOKEN]).toBeUndefined();
    // The business's list went out once, beside the association and with the same token:
    // it waited for the association's answer, so it showed the guest cart from the start.
    await expect(
      fake
        .requestsTo("list-carts")
        .filter((request) => request.headers[ACCOUNT_TOKEN] === businessToken),
    ).toHaveLength(1);
    await expect(fake.requestsTo("associate")).toHaveLength(0);
    await expect(fake.accountAssociations()).toContainEqual({
      cartId: initialCartId,
      accountId: BUSINESS_ACCOUNT.id,
    });
  });

  await step(`${family}'s carts are listed beside, with its own token`, async () => {
    await waitFor(
      () =>
        expect(otherAccountsLine(context, family)).toBe(`${family}: ${FAMILY_CARTS.join(", ")}`),
      patience,
    );
    const businessToken = fake.requestsTo("associate-account")[0]?.headers[ACCOUNT_TOKEN];
    const tokens = fake.requestsTo("list-carts").map((request) => request.headers[ACCOUNT_TOKEN]);
    await expect(tokens).toHaveLength(2);
    await expect(new Set(tokens).size).toBe(2);
    await expect(tokens).toContain(businessToken);
  });
}

const signedIn = {
  shows: `One account member, two accounts: signing in saved the guest cart to ${BUSINESS_ACCOUNT.name} by itself, ${counted(1, "association request")} (highlighted in the log); its ${counted(BUSINESS_CARTS.length, "cart")} are listed, and ${FAMILY_ACCOUNT.name}' ${counted(FAMILY_CARTS.length, "cart")} beside them.`,
  tryIt: `Switch “Buying for” to ${FAMILY_ACCOUNT.name}: its carts become the main list, with no association and no new sign-in.`,
};

/** Signed in with a guest cart: saved to the first account once; both accounts' carts shown. */
export const SignInSavesTheCart: Story = {
  name: "Sign in: the cart saved to the first account",
  parameters: { demo: { caption: signedIn } },
  play: onTheFake(async (context, world) => {
    await signInWithGuestCart(context, world);
    await expectCaption(context, signedIn);
    await expect(world.fake.requestsTo("associate-account")).toHaveLength(1);
    await expect(listedCartNames(context)).toHaveLength(BUSINESS_CARTS.length);
    await expect(bothShopperHeaders(world.fake.requests)).toEqual([]);
    await expect(world.fake.requestsTo("customer-token")).toHaveLength(0);
  }),
};

const switched = {
  shows: `After signing in (the guest cart saved to ${BUSINESS_ACCOUNT.name}, ${counted(1, "association request")}), “Buying for” went to ${FAMILY_ACCOUNT.name} and back: no association, no sign-in, each list fetched with its own account's token. ${BUSINESS_ACCOUNT.name}' ${counted(BUSINESS_CARTS.length, "cart")} are listed, ${FAMILY_ACCOUNT.name}' ${counted(FAMILY_CARTS.length, "cart")} beside them.`,
  tryIt: "Sign out: nothing is sent, and every account's carts are hidden.",
};

/**
 * Then "Buying for" switches to the other account with no request of its own but lists,
 * each with its own account's token, and back: each account lists its own carts.
 */
export const SwitchAccounts: Story = {
  name: "Switch accounts: each lists its own carts",
  parameters: { demo: { caption: switched } },
  play: onTheFake(async (context, world) => {
    const { canvas, userEvent, step } = context;
    const { fake } = world;
    const business = BUSINESS_ACCOUNT.name;
    const family = FAMILY_ACCOUNT.name;
    await signInWithGuestCart(context, world);
    const businessToken = fake.requestsTo("associate-account")[0]?.headers[ACCOUNT_TOKEN];

    await step(`switching to ${family} lists its carts, with its token`, async () => {
      const sentBefore = fake.requests.length;
      await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Buying for" }), family);

      await waitFor(() => expect(listedCartNames(context)).toEqual(FAMILY_CARTS), patience);
      // The guest cart was the business's: this device holds no cart for the family.
      await expect(canvas.getByText("No cart on this device")).toBeVisible();
      await expect(canvas.queryByText("this device's cart")).toBeNull();
      // The business's carts, the guest cart among them, move to "Your other accounts".
      await waitFor(
        () =>
          expect(otherAccountsLine(context, business)).toBe(
            `${business}: ${BUSINESS_CARTS.join(", ")}`,
          ),
        patience,
      );

      const afterSwitch = fake.requests.slice(sentBefore);
      await expect(new Set(afterSwitch.map((request) => request.endpoint))).toEqual(
        new Set(["list-carts"]),
      );
      await expect(afterSwitch.every((request) => request.status === 200)).toBe(true);
      await expect(fake.requestsTo("associate-account")).toHaveLength(1);
    });

    await step(`back to ${business}: the saved cart is still there`, async () => {
      const listsBefore = fake.requestsTo("list-carts").length;
      await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Buying for" }), business);
      await waitFor(() => expect(listedCartNames(context)).toEqual(BUSINESS_CARTS), patience);
      await waitFor(
        () =>
          expect(otherAccountsLine(context, family)).toBe(`${family}: ${FAMILY_CARTS.join(", ")}`),
        patience,
      );
      // Lists only, each with one of the member's two tokens; the business's with its own.
      const lists = fake.requestsTo("list-carts").slice(listsBefore);
      await expect(lists.map((request) => request.headers[ACCOUNT_TOKEN])).toContain(businessToken);
      // No longer this device's cart: the switch forgot it, as a shared device should.
      await expect(canvas.queryByText("this device's cart")).toBeNull();
      await expect(fake.requestsTo("associate-account")).toHaveLength(1);
    });

    await expectCaption(context, switched);
    await expect(listedCartNames(context)).toHaveLength(BUSINESS_CARTS.length);
    await expect(bothShopperHeaders(fake.requests)).toEqual([]);
    await expect(fake.requestsTo("customer-token")).toHaveLength(0);
  }),
};

/** A wrong password: Elastic Path answers 401, the buyer is told, and no cart is saved anywhere. */
const wrongPassword = {
  shows: `A wrong password: ${counted(1, "sign-in request")}, answered 401, the buyer is told, and no cart is saved to any account.`,
  tryIt: "Sign in with the demo member's password: the guest cart is saved to the first account.",
};

export const WrongPassword: Story = {
  name: "Wrong password",
  parameters: { demo: { caption: wrongPassword } },
  play: onTheFake(async (context, { fake }) => {
    const { canvas } = context;
    await signIn(context, "not-the-password");
    await expect(await canvas.findByRole("alert", {}, patience)).toHaveTextContent(
      "Wrong username or password.",
    );
    await expect(canvas.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expect(fake.requestsTo("account-member-token").map((request) => request.status)).toEqual([
      401,
    ]);
    await expect(fake.requestsTo("associate-account")).toHaveLength(0);
    await expect(fake.requestsTo("list-carts")).toHaveLength(0);
    await expectCaption(context, wrongPassword);
  }),
};
