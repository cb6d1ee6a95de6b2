import type { CartCollectionResponse, Client } from "@epcc-sdk/sdks-shopper";

/**
 * An automatic association whose first answer has not come yet: which cart goes to the
 * shopper, and whether Elastic Path then says it is theirs (200 or 204: true; an error, or no
 * request at all: false). Never rejects.
 */
export interface PendingAssociation {
  cartId: string;
  answer: Promise<boolean>;
}

// Per SDK client, as the coordinator that starts them: a list in one provider never waits on
// another's association, which may itself wait (on a Web Lock) for this one's. Then by the
// session's token, which names one owner (a customer, or one account) in one login: a list
// loaded for the next login must not wait on, or take the cart of, the previous one.
const pendingByClient = new WeakMap<Client, Map<string, PendingAssociation>>();

/**
 * Records, as the automatic association of `cartId` with the shopper whose token this is
 * starts on `client`, that its answer is on the way, so their lists loading meanwhile can
 * wait for it (`associationPending`). Returns how to settle it: only the first call counts,
 * and one must come, for the lists wait.
 */
export function expectAssociation(
  client: Client,
  token: string,
  cartId: string,
): (associated: boolean) => void {
  const pending = pendingByClient.get(client) ?? new Map<string, PendingAssociation>();
  pendingByClient.set(client, pending);
  let settle!: (associated: boolean) => void;
  const entry: PendingAssociation = {
    cartId,
    answer: new Promise((resolve) => (settle = resolve)),
  };
  pending.set(token, entry);
  return (associated) => {
    if (pending.get(token) === entry) pending.delete(token);
    settle(associated);
  };
}

/** Settles with the association request's own answer, as it comes: not after its callbacks. */
export function settleWith<T>(settle: (associated: boolean) => void, request: Promise<T>) {
  request.then(
    () => settle(true),
    () => settle(false),
  );
  return request;
}

/** The automatic association of this session's cart on `client`, while it awaits its answer. */
export const associationPending = (client: Client, token: string) =>
  pendingByClient.get(client)?.get(token);

/**
 * First pages a list put the newly associated cart into itself: the right carts, but their
 * order and the cart's own fields are the package's guess until the server is asked again.
 */
export const pagesWithAssociatedCart = new WeakSet<CartCollectionResponse>();
