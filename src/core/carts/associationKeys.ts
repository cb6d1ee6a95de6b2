import type { ShopperKind } from "../session/sessionKind";

/** Mutation keys of associations: by owner, then cart. Never a token. */
export const associationKeys = {
  all: () => ["epcc", "carts", "associate"] as const,
  owner: (kind: ShopperKind, ownerId: string | undefined) =>
    [...associationKeys.all(), kind, ownerId] as const,
  /** The automatic association of one (cart, owner) pair, shown by every mounted hook. */
  automatic: (kind: ShopperKind, ownerId: string | undefined, cartId: string | undefined) =>
    [...associationKeys.owner(kind, ownerId), cartId, "automatic"] as const,
};
