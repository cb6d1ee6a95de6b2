import type { OrderResponse } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import type { Scope } from "../carts/scope";
import { outcomeUnknown } from "../carts/myCarts";
import { tokenHeaders } from "../carts/shopperCall";
import { listsOf, orderKeys } from "../keys";
import { sendAtMostOnce, type Call } from "../session/call";
import { sessionIdentity, type Shopper } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import { checkCheckout } from "./checkoutInput";

/**
 * Checkout: one cart, one order. Elastic Path makes a new order for every checkout of the
 * same cart ("the cart remains and can be modified and checked out again"), so a checkout
 * is sent once: concurrent calls share it, and one whose answer was lost is not sent again
 * blindly — the shopper's orders are read for the one carrying this attempt's `external_ref`.
 */

/** The checkouts in the air, per store and cart: a double click joins the first. */
const inFlight = new WeakMap<SessionStore, Map<string, Promise<OrderResponse>>>();

/** Each call's `external_ref`, the same on every try of the call. */
const references = new WeakMap<Call, string>();

/** The errors that leave a checkout's outcome unknown: such a call is never sent again. */
const unknownOutcomes = new WeakSet<ElasticPathError>();

/** The shopper's orders are read 100 at a time (Elastic Path's largest page), 5 pages at most, to find the attempt's order. */
const LOOKUP_PAGE = 100;
const LOOKUP_PAGES = 5;

/** Each attempt's own mark, kept on its order (Elastic Path allows 64 characters). */
const newReference = () => `epcc-checkout-${crypto.randomUUID()}`;

export function checkout(scope: Scope, call: Call, input: unknown): Promise<OrderResponse> {
  const { store } = scope;
  const shopper = call.shopper;
  // A guest and an account member name the buyer; a customer is the buyer.
  const { buyer, shared } = checkCheckout(input, shopper?.kind !== "customer");
  const cartId = store.latest().cartId;
  if (!cartId) throw new ElasticPathError("There is no current cart to check out.");
  if (shopper && !store.isCurrent(shopper)) {
    throw new ElasticPathError("The checkout was not sent: the shopper signed out first.");
  }
  const carts = inFlight.get(store) ?? new Map<string, Promise<OrderResponse>>();
  inFlight.set(store, carts);
  // Shared by the calls of one session only: another shopper (or a guest after a logout)
  // checks out with their own details, and gets their own order.
  const key = `${cartId}\n${shopper ? sessionIdentity(shopper) : "guest"}`;
  const pending = carts.get(key);
  if (pending) return pending;
  const who =
    shopper?.kind === "customer"
      ? { customer: { id: shopper.id } }
      : shopper
        ? { contact: buyer! }
        : { customer: buyer! };
  const attempt = sendAtMostOnce(
    call,
    () => {
      // One reference per call, kept across its tries: a try after "no order was made" looks
      // for it first, in case Elastic Path made the order after the last look.
      const earlier = references.get(call);
      const reference = earlier ?? newReference();
      references.set(call, reference);
      const body = { ...shared, ...who, external_ref: reference };
      return sendOnce(scope, shopper, cartId, body, earlier !== undefined);
    },
    // Unknown: a guest's lost answer, or a lookup that could not tell. "No order" is known.
    (error) => unknownOutcomes.has(error as ElasticPathError),
  )
    .then((order) => {
      afterTheOrder(scope, shopper, cartId);
      return order;
    })
    .finally(() => carts.delete(key));
  carts.set(key, attempt);
  return attempt;
}

/**
 * Once the order exists: the cart that was bought stops being current (unless the app keeps
 * it, `cartAfterCheckout="keep"`), so the next add starts a new cart instead of editing what
 * was just ordered; the shopper's lists and orders are read again. Nothing for a shopper
 * whose session ended meanwhile: their cache is gone, and the cart id is the next one's.
 */
function afterTheOrder(
  { store, queryClient, cartAfterCheckout }: Scope,
  shopper: Shopper | undefined,
  cartId: string,
) {
  if (shopper && !store.isCurrent(shopper)) return;
  if (cartAfterCheckout !== "keep" && store.latest().cartId === cartId) store.setCartId(undefined);
  if (shopper) {
    void queryClient.invalidateQueries({ queryKey: listsOf(shopper) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.owner(shopper.kind, shopper.id) });
  }
}

async function sendOnce(
  { client, store }: Scope,
  shopper: Shopper | undefined,
  cartId: string,
  body: Record<string, unknown> & { external_ref: string },
  lookFirst: boolean,
): Promise<OrderResponse> {
  if (lookFirst && shopper) {
    // A lookup that fails now fails the try: nothing is sent without looking.
    const made = await findOrder(client, store, shopper, body.external_ref);
    if (made && made !== "none") return made;
  }
  try {
    const { data } = await store.signOutOn401(
      shopper?.token,
      answerOf(
        "Checking out",
        sdk.checkoutApi({
          client,
          path: { cartID: cartId },
          body: { data: body },
          headers: shopper && tokenHeaders(shopper),
        }),
      ),
    );
    return data!.data!;
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const lost = error as ElasticPathError;
    const failure = (detail: string, known = false) => {
      const said = new ElasticPathError(`${lost.message.replace(/\.$/, "")}${detail}`, {
        status: lost.status,
        errors: lost.errors,
        // Known: no order. Sending it again is safe, so the error says `retryable`.
        retryable: known,
        cause: lost,
      });
      if (!known) unknownOutcomes.add(said);
      return said;
    };
    if (!shopper) {
      throw failure(
        ", and whether the order was made is unknown: do not check out again before checking (Elastic Path makes an order for every checkout).",
      );
    }
    // Elastic Path may have made the order before the answer was lost: its own orders say.
    let made: OrderResponse | "none" | undefined;
    try {
      made = await findOrder(client, store, shopper, body.external_ref);
    } catch {
      throw failure(
        ", and the shopper's orders could not be read to tell whether the order was made: do not check out again before checking them.",
      );
    }
    if (made === "none") {
      throw failure(
        "; Elastic Path made no order for it (none of the shopper's orders carries this checkout's reference), so it may be sent again.",
        true,
      );
    }
    if (made) return made;
    throw failure(
      `, and the order was not among the shopper's ${LOOKUP_PAGE * LOOKUP_PAGES} most recent orders: do not check out again before checking them.`,
    );
  }
}

/**
 * The shopper's order carrying `reference`; `"none"` once every order of theirs was read
 * without it; undefined when there are more than the lookup reads. Newest first is what
 * Elastic Path answers (inferred), but nothing promises it: "none" needs every order seen.
 */
async function findOrder(
  client: Scope["client"],
  store: SessionStore,
  shopper: Shopper,
  reference: string,
): Promise<OrderResponse | "none" | undefined> {
  let seen = 0;
  for (let page = 0; page < LOOKUP_PAGES; page += 1) {
    const { data: orders } = await store.signOutOn401(
      shopper.token,
      answerOf(
        "Looking for the order",
        sdk.getCustomerOrders({
          client,
          query: { "page[limit]": LOOKUP_PAGE, "page[offset]": seen },
          headers: tokenHeaders(shopper),
        }),
      ),
    );
    const made = orders?.data?.find((order) => order.external_ref === reference);
    if (made) return made;
    seen += orders?.data?.length ?? 0;
    if (!orders?.data?.length || seen >= (orders.meta?.results?.total ?? seen)) return "none";
  }
  return undefined;
}
