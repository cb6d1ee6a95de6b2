/**
 * The line above every story: what it demonstrates and what to try. Its "Start over as a
 * guest" button replays a storefront story by hand: a new guest cart (the story's), the
 * shopper signed out, the story's components mounted afresh; the fake keeps its data and
 * its request log goes on. The play function does not run again.
 */
import { useMutation } from "@tanstack/react-query";
import { useCartId, useCustomerLogout } from "../../src";
import { useDemo, type DemoParameters } from "./demo";
import { fillGuestCart } from "./guestCart";
import { GUEST_ITEMS } from "./people";

export interface Caption {
  /** What the story demonstrates, as it opens (its play function has run). */
  shows: string;
  /** Something a developer can do next, with the story as it is. */
  tryIt: string;
}

export function StoryCaption({
  caption,
  startOver,
  onStartedOver,
}: {
  caption: Caption;
  /** The story's guest cart to start over with; no button when `undefined`. */
  startOver: DemoParameters["guestCart"] | undefined;
  onStartedOver: () => void;
}) {
  return (
    <div className="story-caption" role="note" aria-label="About this story">
      <p>
        <strong>Shows:</strong> {caption.shows} <strong>Try:</strong> {caption.tryIt}
      </p>
      {startOver !== undefined && <StartOverAsGuest guestCart={startOver} onDone={onStartedOver} />}
    </div>
  );
}

function StartOverAsGuest({
  guestCart,
  onDone,
}: {
  guestCart: DemoParameters["guestCart"];
  onDone: () => void;
}) {
  const { client } = useDemo();
  const logout = useCustomerLogout();
  const [, setCartId] = useCartId();
  const startOver = useMutation({
    mutationFn: () =>
      fillGuestCart(client, guestCart?.items ?? GUEST_ITEMS, {
        contactEmail: guestCart?.contactEmail,
      }),
    // In one render: signed out, this device holds the new cart, the story mounts afresh
    // (so nothing on screen takes the logout for an expired session).
    onSuccess: (cartId) => {
      logout();
      setCartId(cartId);
      onDone();
    },
  });
  return (
    <>
      <button type="button" disabled={startOver.isPending} onClick={() => startOver.mutate()}>
        {startOver.isPending ? "Starting over…" : "Start over as a guest"}
      </button>
      {startOver.isError && (
        <p role="alert" className="notice notice-error">
          Could not start over: {startOver.error.message}
        </p>
      )}
    </>
  );
}
