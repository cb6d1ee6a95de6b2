import type { CartResponse, Client } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import { ElasticPathError, invalidInput } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { MAX_RETRIES } from "../errors/retryPolicy";
import { requireObject, requireSafeId, requireText } from "../errors/validate";
import { shopperKindOf } from "../session/sessionKind";
import type { SessionStore } from "../session/sessionStore";
import { disassociateCart, type OwnerVariables } from "./associateCart";
import { loadGuestCartMerge } from "./associationCoordinator";
import type { MergeCartsResult, MergeCartsVariables } from "./mergeCarts";
import type { Call } from "../session/call";
import { shopperFor, tokenHeaders } from "./shopperCall";

/**
 * The "My carts" requests — create, rename, delete, merge — each with its checks, sent with
 * the token of the shopper the call was made for. The hooks add the cache work around them.
 */

export interface CreateCartVariables {
  /** 1 to 255 characters, not only whitespace (Elastic Path's rule for cart names). */
  name: string;
  description?: string;
  /** Make the new cart the current cart (`useCartId`) once it is created. */
  makeCurrent?: boolean;
}

/** What to change; what is left out stays as it is. */
export interface UpdateCartVariables {
  cartId: string;
  /** 1 to 255 characters, not only whitespace. */
  name?: string;
  /** `""` clears it. */
  description?: string;
}

export interface DeleteCartVariables {
  cartId: string;
  /**
   * Take the cart off the shopper first (`DELETE .../relationships/customers` or
   * `.../accounts`), and delete it only once Elastic Path has answered that: how a
   * customer's last cart can be deleted, which Elastic Path otherwise refuses. Default `false`.
   */
  disassociateFirst?: boolean;
}

export interface DeleteCartResult {
  cartId: string;
}

/** Elastic Path's limit for cart names (Carts API, `CartsRequest.data.name`). */
const MAX_CART_NAME_LENGTH = 255;

/** What a "My carts" request needs: the SDK client, and the session it checks the shopper against. */
type Requester = { client: Client; store: SessionStore };

function checkCreation(variables: unknown): { name: string; description?: string } {
  const { name, description, makeCurrent } = requireObject("variables", variables);
  if (description !== undefined && typeof description !== "string") {
    throw invalidInput("description must be a string.");
  }
  if (makeCurrent !== undefined && typeof makeCurrent !== "boolean") {
    throw invalidInput("makeCurrent must be true or false.");
  }
  return { name: requireText("name", name, MAX_CART_NAME_LENGTH), description };
}

/**
 * Network failures and 5xx: Elastic Path may have created the cart (or copied the items)
 * before the answer was lost. Neither is idempotent, so such a call is not sent again.
 */
export const outcomeUnknown = (error: unknown): boolean =>
  error instanceof ElasticPathError && error.retryable && error.status !== 429;

/** Sent again only after a 429, which proves nothing was created or copied. */
export function retryRateLimitedOnly(failureCount: number, error: unknown): boolean {
  return error instanceof ElasticPathError && error.status === 429 && failureCount < MAX_RETRIES;
}

/** `POST /v2/carts` with the shopper's token, so the cart is theirs at once. */
export async function createCart(
  { client, store }: Requester,
  call: Call,
  variables: CreateCartVariables,
): Promise<CartResponse> {
  const { name, description } = checkCreation(variables);
  const shopper = shopperFor(call, store, {
    action: "Creating a cart",
    outcome: "the cart was created",
  });
  try {
    const { data } = await store.signOutOn401(
      shopper.token,
      answerOf(
        "Creating the cart",
        sdk.createACart({
          client,
          body: { data: description === undefined ? { name } : { name, description } },
          headers: tokenHeaders(shopper),
        }),
      ),
    );
    return data!.data;
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    const failure = error as ElasticPathError;
    throw new ElasticPathError(
      `${failure.message} The cart may have been created all the same, so it was not sent again.`,
      { status: failure.status, errors: failure.errors, retryable: true, cause: failure },
    );
  }
}

/** The change to send: only the fields given, checked before anything is sent. */
export function checkChange(variables: unknown): {
  cartId: string;
  name?: string;
  description?: string;
} {
  const { cartId, name, description } = requireObject("variables", variables);
  const checkedId = requireSafeId("cartId", cartId);
  const change: { name?: string; description?: string } = {};
  if (name !== undefined) change.name = requireText("name", name, MAX_CART_NAME_LENGTH);
  if (description !== undefined) {
    if (typeof description !== "string") throw invalidInput("description must be a string.");
    change.description = description;
  }
  if (change.name === undefined && change.description === undefined) {
    throw invalidInput("Give a name or a description to change.");
  }
  return { cartId: checkedId, ...change };
}

export const UPDATE = { action: "Changing a cart", outcome: "the cart was changed" };

/** `PUT /v2/carts/:cartId` with `{ data: { name, description } }`, only the fields given. */
export async function updateCart(
  { client, store }: Requester,
  call: Call,
  variables: UpdateCartVariables,
): Promise<CartResponse> {
  const { cartId, ...change } = checkChange(variables);
  const shopper = shopperFor(call, store, UPDATE);
  const { data } = await store.signOutOn401(
    shopper.token,
    answerOf(
      "Changing the cart",
      sdk.updateACart({
        client,
        path: { cartID: cartId },
        body: { data: change },
        headers: tokenHeaders(shopper),
      }),
    ),
  );
  return data!.data;
}

export function checkDeletion(variables: unknown): Required<DeleteCartVariables> {
  const { cartId, disassociateFirst } = requireObject("variables", variables);
  if (disassociateFirst !== undefined && typeof disassociateFirst !== "boolean") {
    throw invalidInput("disassociateFirst must be true or false.");
  }
  return { cartId: requireSafeId("cartId", cartId), disassociateFirst: disassociateFirst ?? false };
}

export const DELETE = { action: "Deleting a cart", outcome: "the cart was deleted" };
/** A step of a deletion that is done once, whatever the retries (see `Call.done`). */
export const DISASSOCIATED = "disassociated";

/**
 * `DELETE /v2/carts/:cartId` — after `DELETE .../relationships/{customers|accounts}` when
 * `disassociateFirst`, one request after the other; not disassociated twice across retries.
 */
export async function deleteCart(
  { client, store }: Requester,
  call: Call,
  variables: DeleteCartVariables,
): Promise<DeleteCartResult> {
  const { cartId, disassociateFirst } = checkDeletion(variables);
  const shopper = shopperFor(call, store, DELETE);
  const request = async () => {
    if (disassociateFirst && !call.done.has(DISASSOCIATED)) {
      const pair = { cartId, [`${shopper.kind}Id`]: shopper.id } as OwnerVariables;
      await disassociateCart(client, shopperKindOf(shopper), pair, shopper.token);
      call.done.add(DISASSOCIATED);
    }
    await answerOf(
      "Deleting the cart",
      sdk.deleteACart({ client, path: { cartID: cartId }, headers: tokenHeaders(shopper) }),
    );
    return { cartId };
  };
  return store.signOutOn401(shopper.token, request());
}

function checkMerge(variables: unknown): MergeCartsVariables {
  const { targetCartId, sourceCartId } = requireObject("variables", variables);
  const checked = {
    targetCartId: requireSafeId("targetCartId", targetCartId),
    sourceCartId: requireSafeId("sourceCartId", sourceCartId),
  };
  if (checked.targetCartId === checked.sourceCartId) {
    throw invalidInput("targetCartId and sourceCartId must be two different carts.");
  }
  return checked;
}

/** A step of a merge: it got no answer, so it is never sent again (see `mergeCarts`). */
export const UNANSWERED = "unanswered";

/**
 * A merge by hand, with the shopper's token if one was signed in when it was made (else both
 * carts must be guest carts). Its code loads with its first use (see `loadGuestCartMerge`).
 */
export async function mergeCartsFor(
  { client, store }: Requester,
  call: Call,
  variables: MergeCartsVariables,
): Promise<MergeCartsResult> {
  const merge = checkMerge(variables);
  // A caller's own `retry` must not send a merge whose outcome is unknown once more.
  if (call.done.has(UNANSWERED)) {
    throw new ElasticPathError(
      "The merge got no answer that says whether the items were copied, so it is not sent again: a second one would add every quantity twice.",
    );
  }
  const { shopper } = call;
  if (shopper && !store.isCurrent(shopper)) {
    throw new ElasticPathError("The shopper signed out before the carts were merged.");
  }
  const { mergeCarts, isRefusal } = await loadGuestCartMerge();
  try {
    return await store.signOutOn401(
      shopper?.token,
      mergeCarts(client, merge, shopper && tokenHeaders(shopper)),
    );
  } catch (error) {
    if (!isRefusal(error)) call.done.add(UNANSWERED);
    throw error;
  }
}
