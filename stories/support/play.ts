/** Shared steps and patience for play functions. */
import type { StoryContext } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import type { DemoArgs } from "./fakeControls";
import type { DemoPerson } from "./people";

/** Waits for the fake's latency and the hooks' retries; a wait bound, not a timing claim. */
export const patience = { timeout: 8000 };

type PlayContext = Pick<StoryContext<DemoArgs>, "canvas" | "userEvent">;

/** Types the credentials into the login form and submits it, as a shopper would. */
export async function logIn(
  { canvas, userEvent }: PlayContext,
  person: Pick<DemoPerson, "email" | "password">,
) {
  // Pasted rather than typed key by key: the same events for the form, a fraction of the time.
  await userEvent.click(canvas.getByLabelText("Email"));
  await userEvent.paste(person.email);
  await userEvent.click(canvas.getByLabelText("Password"));
  await userEvent.paste(person.password);
  await userEvent.click(canvas.getByRole("button", { name: "Log in" }));
}

/** Logs in and waits until the account panel says so. */
export async function logInAndWait(context: PlayContext, person: DemoPerson) {
  await logIn(context, person);
  await expect(
    await context.canvas.findByText(`Signed in as ${person.name}.`, {}, patience),
  ).toBeVisible();
}

/** The "My carts" panel, to look inside. */
export function myCarts({ canvas }: Pick<PlayContext, "canvas">) {
  return within(canvas.getByRole("region", { name: "My carts" }));
}

/** The cart names "My carts" lists, top to bottom. */
export function listedCartNames({ canvas }: Pick<PlayContext, "canvas">): string[] {
  const list = myCarts({ canvas }).queryByRole("list");
  if (!list) return [];
  return within(list)
    .queryAllByRole("listitem")
    .map((item) => item.querySelector(".cart-name")?.firstChild?.textContent ?? "");
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"];

/**
 * `counted(1, "association request")` is "one association request", `counted(2, ...)` "two
 * association requests". Captions are written with it from the same constants the play
 * function checks, so a caption's numbers cannot drift from what the story does.
 */
export function counted(count: number, noun: string): string {
  return `${NUMBER_WORDS[count] ?? count} ${count === 1 ? noun : `${noun}s`}`;
}

/** The caption on screen says what the story's parameters say (the numbers checked beside it). */
export async function expectCaption(
  { canvas }: Pick<PlayContext, "canvas">,
  caption: { shows: string; tryIt: string },
) {
  const note = within(canvas.getByRole("note", { name: "About this story" }));
  await expect(note.getByText(caption.shows, { exact: false })).toBeVisible();
}
