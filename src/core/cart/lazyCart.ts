import * as sdk from "@epcc-sdk/sdks-shopper";
import { ElasticPathError } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import type { CartContents } from "../carts/cartEntry";
import { addCartToLists } from "../carts/cartListEdits";
import { outcomeUnknown } from "../carts/myCarts";
import type { Scope } from "../carts/scope";
import { tokenHeaders } from "../carts/shopperCall";
import { cartKeys, listsOf } from "../keys";
import { sessionIdentity, type Shopper } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import { forgetCartContentsWithTheShopper } from "./forgottenWithTheShopper";

/** The name Elastic Path requires of a new cart (the SDK's `initializeCart()` gives the same). */
const NEW_CART_NAME = "Cart";
/** One lock for every tab of the origin: the cart id is kept in this origin's storage. */
const LOCK_NAME = "epcc-react-hooks:new-cart";

/**
 * The creation under way per store and session: every add of the same shopper (or guest)
 * that finds no cart in this tab waits for it; another session's add makes its own.
 */
const creations = new WeakMap<SessionStore, Map<string, Promise<string>>>();

/**
 * Runs `task` in one tab at a time (Web Locks: tabs of one origin share the cart id in
 * `localStorage`); where the browser has none (a server, tests in Node), in this tab only.
 */
function inOneTab<Result>(task: () => Promise<Result>): Promise<Result> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  return locks ? (locks.request(LOCK_NAME, task) as Promise<Result>) : task();
}

/**
 * The current cart's id — creating the cart first when there is none, exactly once however
 * many adds ask at once (double clicks, several components, StrictMode, two tabs). A
 * signed-in shopper's cart is created with their token (`POST /v2/carts`), so it is theirs at
 * once: it is noted in the ledger, and the automatic association sends nothing for it.
 */
export function currentOrNewCart(scope: Scope, shopper: Shopper | undefined): Promise<string> {
  const { store } = scope;
  forgetCartContentsWithTheShopper(scope);
  const current = store.latest().cartId;
  if (current) return Promise.resolve(current);
  const bySession = creations.get(store) ?? new Map<string, Promise<string>>();
  creations.set(store, bySession);
  const session = shopper ? sessionIdentity(shopper) : "guest";
  let creation = bySession.get(session);
  if (!creation) {
    creation = inOneTab(() => createCart(scope, shopper)).finally(() => bySession.delete(session));
    bySession.set(session, creation);
  }
  return creation;
}

async function createCart(scope: Scope, shopper: Shopper | undefined): Promise<string> {
  const { client, store, queryClient, ledger } = scope;
  // Another tab may have made one while this one waited for the lock.
  const made = store.latest().cartId;
  if (made) return made;
  if (shopper && !store.isCurrent(shopper)) {
    throw new ElasticPathError("The cart was not created: the shopper signed out first.");
  }
  let answer;
  try {
    answer = await store.signOutOn401(
      shopper?.token,
      answerOf(
        "Creating the cart",
        sdk.createACart({
          client,
          body: { data: { name: NEW_CART_NAME } },
          headers: shopper && tokenHeaders(shopper),
        }),
      ),
    );
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const failure = error as ElasticPathError;
    throw new ElasticPathError(
      `${failure.message.replace(/\.$/, "")}, and the item was not added: Elastic Path may have created the cart all the same.`,
      { status: failure.status, errors: failure.errors, retryable: false, cause: failure },
    );
  }
  const cart = answer.data!.data;
  const cartId = cart.id!;
  // A shopper who has gone meanwhile: their cart is neither cached nor made current, and
  // their add is not sent (it would go without their token, or with the next one's).
  if (shopper && !store.isCurrent(shopper)) {
    throw new ElasticPathError(
      "The item was not added: the shopper signed out while their cart was being created.",
    );
  }
  queryClient.setQueryData<CartContents>(cartKeys.cart(cartId), { cart, items: [] });
  if (shopper) {
    ledger.add(sessionIdentity(shopper), cartId);
    addCartToLists(queryClient, listsOf(shopper), cart);
  }
  store.setCartId(cartId);
  return cartId;
}
