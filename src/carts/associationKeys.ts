/** Mutation keys of associations: by customer, then cart. Never a token. */
export const associationKeys = {
  all: () => ["epcc", "carts", "associate"] as const,
  customer: (customerId: string | undefined) => [...associationKeys.all(), customerId] as const,
  /** The automatic association of one (cart, customer) pair, shown by every mounted hook. */
  automatic: (customerId: string | undefined, cartId: string | undefined) =>
    [...associationKeys.customer(customerId), cartId, "automatic"] as const,
};
