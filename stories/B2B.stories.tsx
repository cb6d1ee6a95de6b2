import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, waitFor, within } from "storybook/test";
import type { RecordedRequest } from "../src/testing";
import { B2bStorefront } from "./components/B2bStorefront";
import { ACCOUNT_MEMBER, BUSINESS_ACCOUNT, FAMILY_ACCOUNT, seedB2b } from "./support/b2b";
import { demoOf, onTheFake, type DemoParameters } from "./support/demo";
import type { DemoArgs } from "./support/fakeControls";
import { GUEST_ITEMS } from "./support/people";
import { patience } from "./support/play";

const ACCOUNT_TOKEN = "ep-account-management-authentication-token";
const CUSTOMER_TOKEN = "x-moltin-customer-token";

const demo: DemoParameters = {
  // Both accounts, their saved carts and the member: seeded, so the story needs the fake.
  seed: (fake) => seedB2b(fake),
  // The guest cart filled before signing in, through the SDK.
  guestCart: { items: GUEST_ITEMS },
  fakeOnly: true,
  caption: {
    shows:
      "One account member, two accounts: signing in saved the guest cart to the first account exactly once, and each account lists its own carts.",
    tryIt:
      "Sign in with the demo member, switch “Buying for” to The Lovelaces and back, then sign out.",
  },
};

const meta = {
  title: "Account/B2B accounts",
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

/**
 * An account member of two accounts signs in with a guest cart: the hook saves the cart to
 * the first account by itself (one `POST /v2/carts/:id/relationships/accounts` with that
 * account's token), "Buying for" switches to the other account with no request of its
 * own, and each account lists its own carts.
 */
export const SignInSwitchAccounts: Story = {
  name: "Sign in, save the cart, switch accounts",
  play: onTheFake(async (context, { fake, initialCartId }) => {
    const { canvas, userEvent, step } = context;
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
      await waitFor(
        () =>
          expect(listedCartNames(context)).toEqual([
            "Guest cart 1",
            "Office supplies",
            "Workshop parts",
          ]),
        patience,
      );
      await expect(canvas.getByText("this device's cart")).toBeVisible();
      await expect(canvas.getByRole("combobox", { name: "Buying for" })).toHaveDisplayValue(
        business,
      );

      const associations = fake.requestsTo("associate-account");
      await expect(associations).toHaveLength(1);
      await expect(associations[0]).toMatchObject({
        method: "POST",
        path: `/v2/carts/${initialCartId}/relationships/accounts`,
        status: 200,
        body: { data: [{ type: "account", id: BUSINESS_ACCOUNT.id }] },
      });
      await expect(associations[0]?.headers[ACCOUNT_TOKEN]).toMatch(/\S+/);
      await expect(associations[0]?.headers[CUSTOMER_TOKEN]).toBeUndefined();
      // The business's list went out once, beside the association and with the same token:
      // it waited for the association's answer, so it showed the guest cart from the start.
      await expect(
        fake.requestsTo("list-carts").map((request) => request.headers[ACCOUNT_TOKEN]),
      ).toEqual([associations[0]?.headers[ACCOUNT_TOKEN]]);
      await expect(fake.requestsTo("associate")).toHaveLength(0);
      await expect(fake.accountAssociations()).toContainEqual({
        cartId: initialCartId,
        accountId: BUSINESS_ACCOUNT.id,
      });
    });

    await step(`switching to ${family} lists its carts, with its token`, async () => {
      const businessToken = fake.requestsTo("associate-account")[0]?.headers[ACCOUNT_TOKEN];
      const sentBefore = fake.requests.length;
      await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Buying for" }), family);

      await waitFor(
        () => expect(listedCartNames(context)).toEqual(["Weekend groceries", "Birthday presents"]),
        patience,
      );
      // The guest cart was the business's: this device holds no cart for the family.
      await expect(canvas.getByText("No cart on this device")).toBeVisible();
      await expect(canvas.queryByText("this device's cart")).toBeNull();

      const afterSwitch = fake.requests.slice(sentBefore);
      await expect(afterSwitch.map((request) => request.endpoint)).toEqual(["list-carts"]);
      await expect(afterSwitch[0]?.status).toBe(200);
      await expect(afterSwitch[0]?.headers[ACCOUNT_TOKEN]).toMatch(/\S+/);
      await expect(afterSwitch[0]?.headers[ACCOUNT_TOKEN]).not.toBe(businessToken);
      await expect(fake.requestsTo("associate-account")).toHaveLength(1);
    });

    await step(`back to ${business}: the saved cart is still there`, async () => {
      const businessToken = fake.requestsTo("associate-account")[0]?.headers[ACCOUNT_TOKEN];
      const listsBefore = fake.requestsTo("list-carts").length;
      await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Buying for" }), business);
      await waitFor(
        () =>
          expect(listedCartNames(context)).toEqual([
            "Guest cart 1",
            "Office supplies",
            "Workshop parts",
          ]),
        patience,
      );
      // Its list was forgotten on the switch, so it is fetched again, with its own token.
      const lists = fake.requestsTo("list-carts").slice(listsBefore);
      await expect(lists.map((request) => request.headers[ACCOUNT_TOKEN])).toEqual([businessToken]);
      // No longer this device's cart: the switch forgot it, as a shared device should.
      await expect(canvas.queryByText("this device's cart")).toBeNull();
      await expect(fake.requestsTo("associate-account")).toHaveLength(1);
    });

    await step("signing out sends nothing and hides the carts", async () => {
      const sentBefore = fake.requests.length;
      await userEvent.click(canvas.getByRole("button", { name: "Sign out" }));
      await expect(await canvas.findByRole("button", { name: "Sign in" })).toBeVisible();
      await expect(canvas.queryByRole("combobox", { name: "Buying for" })).toBeNull();
      await expect(
        canvas.getByText("Sign in to see the carts saved to your accounts."),
      ).toBeVisible();
      await expect(fake.requests.slice(sentBefore)).toEqual([]);
    });

    await expect(bothShopperHeaders(fake.requests)).toEqual([]);
    await expect(fake.requestsTo("customer-token")).toHaveLength(0);
  }),
};

/** A wrong password: Elastic Path answers 401, the buyer is told, and no cart is saved anywhere. */
export const WrongPassword: Story = {
  name: "Wrong password",
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
  }),
};
