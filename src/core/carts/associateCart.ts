import type { Client } from "@epcc-sdk/sdks-shopper";
import type { ElasticPathErrorEntry } from "../errors/ElasticPathError";
import { answerOf } from "../errors/fromResponse";
import { requireObject, requireSafeId, requireToken } from "../errors/validate";
import type { Shopper, ShopperKind } from "../session/sessionKind";
import type { ShopperKindDescriptor } from "../session/sessionKind";

/** One object type from an intersection, as declarations and editors should show it. */
type Flat<Type> = { [Key in keyof Type]: Type[Key] };
/** `{ customerId: string }` or `{ accountId: string }`. */
type OwnerId<Kind extends ShopperKind> = { [Field in `${Kind}Id`]: string };

/**
 * Which cart to tie to which owner, of either kind: `{ cartId, customerId, customerToken? }`
 * or `{ cartId, accountId, accountToken? }`. With the token the request carries it in the
 * kind's header; without it, the signed-in shopper's is sent when the owner is them; with
 * neither, the client must hold a client-credentials token, which only trusted server code
 * may have.
 */
export type OwnerVariables<Kind extends ShopperKind = ShopperKind> = Kind extends ShopperKind
  ? Flat<{ cartId: string } & OwnerId<Kind> & { [Field in `${Kind}Token`]?: string }>
  : never;

/** What TanStack keeps of the variables: no token, even one given by hand. */
export type OwnerKeptVariables<Kind extends ShopperKind = ShopperKind> = Kind extends ShopperKind
  ? Flat<{ cartId: string } & OwnerId<Kind>>
  : never;

/** `associated`: Elastic Path answered 200. `already-associated`: 204, nothing changed. */
export type OwnerResult<Kind extends ShopperKind = ShopperKind> = Kind extends ShopperKind
  ? Flat<{ status: "associated" | "already-associated"; cartId: string } & OwnerId<Kind>>
  : never;

/**
 * The automatic call's result under `guestCartOnLogin="merge"`: the guest cart's items went
 * into the owner's most recently updated cart, now the current cart.
 */
export type OwnerMergedResult<Kind extends ShopperKind = ShopperKind> = Kind extends ShopperKind
  ? Flat<
      {
        status: "merged";
        /** The owner's cart that received the items, now the current cart. */
        cartId: string;
        /** The guest cart the items came from; Elastic Path leaves it as it was. */
        guestCartId: string;
        /** Elastic Path's entries for the items it could not copy; empty when all were. */
        itemErrors: ElasticPathErrorEntry[];
      } & OwnerId<Kind>
    >
  : never;

/** What the automatic call settles with: an association's result or a merge's. */
export type AutomaticResult<Kind extends ShopperKind = ShopperKind> =
  OwnerResult<Kind> | OwnerMergedResult<Kind>;

/** A disassociation's result: which cart left which owner. */
export type DisassociationResult<Kind extends ShopperKind = ShopperKind> = Kind extends ShopperKind
  ? Flat<{ cartId: string } & OwnerId<Kind>>
  : never;

/**
 * What the automatic call does with the current (guest) cart at login: `"associate"` makes it
 * one more of the shopper's carts; `"merge"` copies its items into the shopper's most
 * recently updated cart, which becomes the current cart (when they have one).
 */
export type GuestCartOnLogin = "associate" | "merge";

/** Which cart to tie to which customer (see `OwnerVariables`). */
export type AssociateCartVariables = OwnerVariables<"customer">;
/** A customer association's result (see `OwnerResult`). */
export type AssociateCartResult = OwnerResult<"customer">;

/** The owner's id in variables or a result (`customerId` or `accountId`). */
export const ownerIdOf = (owner: ShopperKindDescriptor, value: object): string =>
  (value as Record<string, string>)[`${owner.kind}Id`]!;

/**
 * The variables as TanStack keeps them: without a token (of either kind), which travels
 * beside them (see `useMutationWithoutSecrets`). Anything but an object is kept as it is: it
 * holds no token.
 */
export function withoutToken(variables: unknown): unknown {
  if (typeof variables !== "object" || variables === null) return variables;
  const kept: Record<string, unknown> = { ...variables };
  delete kept.customerToken;
  delete kept.accountToken;
  return kept;
}

/** Association variables, checked before anything is sent: ids go into the path and body, a token into a header. */
export function checkAssociationVariables<Kind extends ShopperKind>(
  owner: ShopperKindDescriptor<Kind>,
  variables: unknown,
): OwnerVariables<Kind> {
  const idField = `${owner.kind}Id`;
  const tokenField = `${owner.kind}Token`;
  const given = requireObject("variables", variables);
  const token = given[tokenField];
  return {
    cartId: requireSafeId("cartId", given.cartId),
    [idField]: requireSafeId(idField, given[idField]),
    [tokenField]: token === undefined ? undefined : requireToken(tokenField, token),
  } as OwnerVariables<Kind>;
}

/**
 * The token a relationship request carries: the caller's, else the signed-in shopper's when
 * the owner is them; else none, and the client must hold client credentials (server code).
 */
export function tokenFor(
  owner: ShopperKindDescriptor,
  variables: OwnerVariables,
  shopper: Shopper | undefined,
): string | undefined {
  const mine = shopper?.kind === owner.kind && shopper.id === ownerIdOf(owner, variables);
  const given = (variables as Record<string, string | undefined>)[`${owner.kind}Token`];
  return given ?? (mine ? shopper.token : undefined);
}

/** `POST /v2/carts/:cartId/relationships/{customers|accounts}`; 200 and 204 are both success. */
export async function associateCart<Kind extends ShopperKind>(
  client: Client,
  owner: ShopperKindDescriptor<Kind>,
  variables: OwnerVariables<Kind>,
  token: string | undefined,
): Promise<OwnerResult<Kind>> {
  const ownerId = ownerIdOf(owner, variables);
  const result = await answerOf(
    `Associating the cart with the ${owner.kind}`,
    owner.associate(
      client,
      variables.cartId,
      ownerId,
      token ? { [owner.tokenHeader]: token } : undefined,
    ),
  );
  // The SDK reports 204 as `data: {}` too; only the status tells them apart.
  const status = result.response.status === 204 ? "already-associated" : "associated";
  return { status, cartId: variables.cartId, [`${owner.kind}Id`]: ownerId } as OwnerResult<Kind>;
}

/** `DELETE /v2/carts/:cartId/relationships/{customers|accounts}`, the mirror of `associateCart`. */
export async function disassociateCart<Kind extends ShopperKind>(
  client: Client,
  owner: ShopperKindDescriptor<Kind>,
  variables: OwnerVariables<Kind>,
  token: string | undefined,
): Promise<DisassociationResult<Kind>> {
  const ownerId = ownerIdOf(owner, variables);
  await answerOf(
    `Removing the cart from the ${owner.kind}`,
    owner.disassociate(
      client,
      variables.cartId,
      ownerId,
      token ? { [owner.tokenHeader]: token } : undefined,
    ),
  );
  return { cartId: variables.cartId, [`${owner.kind}Id`]: ownerId } as DisassociationResult<Kind>;
}
