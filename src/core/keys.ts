/**
 * Every query and mutation key of the package, in one place. Keys go from general to
 * specific, are scoped by customer or account id and never hold a token (keys are visible in
 * devtools and persisters), so two shoppers on one device never share an entry, and a
 * shopper's entries leave the cache together (`cartKeys.owner`) when their session ends.
 * It imports nothing, so every layer of the engine can name a key.
 */

/** Whose entries: a shopper kind (`"customer"`, `"account"`) and that kind's id. */
interface Owner {
  kind: string;
  id: string;
}

/** The key of every login mutation, followed by the kind (`"customer"`, `"account"`). */
export const loginMutationKey = ["epcc", "session", "login"] as const;

/** The cache keys of carts and cart lists, scoped by owner. */
export const cartKeys = {
  all: () => ["epcc", "carts"] as const,
  /** Every cart list of one customer or account (paged and infinite), and their mutations. */
  owner: <Kind extends string>(kind: Kind, id: string | null) =>
    ["epcc", "carts", kind, id] as const,
  /** An owner's carts: one page (`"page"`, `{ limit, offset }`) or page after page (`"infinite"`, `{ limit }`). */
  list: <Kind extends string, Shape extends "page" | "infinite", Paging>(
    kind: Kind,
    id: string | null,
    shape: Shape,
    paging: Paging,
  ) => [...cartKeys.owner(kind, id), shape, paging] as const,
  cart: (cartId: string) => ["epcc", "carts", "cart", cartId] as const,
};

/** Every cached list of a signed-in shopper (paged and infinite). */
export const listsOf = (shopper: Owner) => cartKeys.owner(shopper.kind, shopper.id);

/** Mutation keys of associations: by owner, then cart. */
export const associationKeys = {
  owner: (kind: string, ownerId: string | undefined) =>
    ["epcc", "carts", "associate", kind, ownerId] as const,
  /** The automatic association of one (cart, owner) pair, shown by every mounted hook. */
  automatic: (kind: string, ownerId: string | undefined, cartId: string | undefined) =>
    [...associationKeys.owner(kind, ownerId), cartId, "automatic"] as const,
};

/**
 * The key of a mutation a hook makes by hand for the signed-in shopper: under their lists'
 * key, so that it leaves the mutation cache with their session.
 */
export const byHandKey = (kind: string, shopper: Owner | undefined, name: string) =>
  [...cartKeys.owner(kind, shopper?.kind === kind ? shopper.id : null), "by-hand", name] as const;

/** Every cart's own entry (`cartKeys.cart`): its contents. */
export const everyCartKey = ["epcc", "carts", "cart"] as const;

/** The name every change of a cart's contents goes by (`byHandKey`): `useCart` counts them in flight. */
export const CART_CHANGE = "cart-change";

/**
 * The cache keys of a shopper's orders: `["epcc", "orders", kind, id, …]`, never a token.
 * While nobody is signed in, kind and id are `null` (such an entry holds no data).
 */
export const orderKeys = {
  all: () => ["epcc", "orders"] as const,
  /** Everything cached of one shopper's orders: lists (paged, infinite) and single orders. */
  owner: <Kind extends string | null>(kind: Kind, id: string | null) =>
    ["epcc", "orders", kind, id] as const,
  /** One page (`"page"`, `{ limit, offset }`) or page after page (`"infinite"`, `{ limit }`). */
  list: <Kind extends string | null, Shape extends "page" | "infinite", Paging>(
    kind: Kind,
    id: string | null,
    shape: Shape,
    paging: Paging,
  ) => [...orderKeys.owner(kind, id), shape, paging] as const,
  /** One order with its items. */
  order: <Kind extends string | null>(kind: Kind, id: string | null, orderId: string) =>
    [...orderKeys.owner(kind, id), "order", orderId] as const,
};
