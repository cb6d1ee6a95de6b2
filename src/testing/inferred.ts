/**
 * Behaviours nobody documents publicly, in one place so they are easy to change when the
 * real service is observed to differ. The first group is marked *(inferred)* in
 * ../shared/docs/ep-api-contract.md; the second group is the fake's own decisions where
 * neither the contract nor the OpenAPI files say anything.
 */
import { badRequest, forbidden } from "./errors";
import { fail, noContent, type FakeReply } from "./reply";

// ---- Marked *(inferred)* in the contract ---------------------------------------------

/** Customer login with an unknown email or a wrong password: 401. */
export function wrongCredentials(): FakeReply {
  return fail(401, "Unauthorized", "The email or password is incorrect.");
}

/** Customer login without `data`, `email` or `password`: 400. */
export function missingLoginField(field: "data" | "data.email" | "data.password"): FakeReply {
  return badRequest(`${field} is required.`);
}

/** Association with a customer token that belongs to another customer than `data[0].id`: 403. */
export function customerTokenForAnotherCustomer(): FakeReply {
  return forbidden("Customer does not have the required permissions to fulfill this request");
}

/** Association with an implicit bearer and no customer token: 403 (only client credentials act for any customer). */
export function implicitWithoutCustomerToken(): FakeReply {
  return forbidden(
    "An implicit token needs an X-Moltin-Customer-Token header to change a cart's customers.",
  );
}

/** An expired, revoked or garbled `X-Moltin-Customer-Token`: 401. */
export function invalidCustomerToken(reason: "unknown" | "expired"): FakeReply {
  return fail(
    401,
    "Unauthorized",
    reason === "expired" ? "The customer token has expired." : "The customer token is not valid.",
  );
}

/** Disassociating a customer who was not associated: still a 204 success. */
export function disassociateNotAssociated(): FakeReply {
  return noContent();
}

/** `GET /v2/carts` with neither customer nor account token: 400 (the contract allows 400 or 403). */
export function listCartsWithoutShopperToken(): FakeReply {
  return badRequest(
    "Listing carts needs an X-Moltin-Customer-Token or EP-Account-Management-Authentication-Token header.",
  );
}

/** `page[limit]` default of `GET /v2/carts` (the spec says 20; another Elastic Path page says 25). */
export const DEFAULT_PAGE_LIMIT = 20;

// ---- The fake's own decisions ---------------------------------------------------------

/** Account management tokens: the fake has no accounts, so it refuses them rather than pretend. */
export function accountTokensUnsupported(): FakeReply {
  return forbidden(
    "The fake Elastic Path does not support EP-Account-Management-Authentication-Token; use X-Moltin-Customer-Token.",
  );
}

/**
 * Client credentials associating a customer id that was never seeded: 400 (a documented
 * status), so a typo in a test fails loudly instead of creating a dangling relationship.
 */
export function unknownCustomer(customerId: string): FakeReply {
  return badRequest(`No customer with id "${customerId}" exists.`, "Customer not found");
}

/**
 * Associating a cart id that does not exist yet: `undefined` means go
 * ahead and create it on demand, as `GET /v2/carts/:id` does. Return a reply to refuse.
 */
export function associateUnknownCart(_cartId: string): FakeReply | undefined {
  return undefined;
}

/** `DELETE /v2/carts/:id` of a cart that does not exist: 204, like a delete that succeeded. */
export function deleteUnknownCart(): FakeReply {
  return noContent();
}

/**
 * Creating a cart with both a contact email and a customer token: 400. The spec only says
 * contact emails and registered shoppers' carts do not mix ("result in error messages").
 */
export function contactEmailOnCustomerCart(): FakeReply {
  return badRequest(
    "A cart associated with a customer cannot have a contact email.",
    "Cannot add contact email to a customer cart",
  );
}

/** Carts expire this long after their last update (spec: "deleted 7 days after they were last updated"); only `expires_at` shows it. */
export const CART_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** At most this many distinct items per cart (contract: merging). */
export const MAX_DISTINCT_ITEMS = 100;

/**
 * Adding an item beyond {@link MAX_DISTINCT_ITEMS}: 422 (the add-items operation documents
 * 422). In a merge with `add_all_or_nothing: false` the other items are added and each one
 * left out is reported in the 201 answer's `errors`, as the spec's bulk examples do.
 */
export const TOO_MANY_ITEMS = {
  status: 422,
  title: "Cart item limit reached",
  detail: `A cart can hold at most ${MAX_DISTINCT_ITEMS} distinct items.`,
} as const;

export function tooManyItems(): FakeReply {
  return fail(TOO_MANY_ITEMS.status, TOO_MANY_ITEMS.title, TOO_MANY_ITEMS.detail);
}

/**
 * Two custom items are "the same product" (quantities add up, in merges and repeated
 * adds) when their SKUs are equal, or, without SKUs, their names.
 */
export function sameItem(
  a: { sku?: string | undefined; name: string },
  b: { sku?: string | undefined; name: string },
): boolean {
  if (a.sku || b.sku) return a.sku === b.sku;
  return a.name === b.name;
}

/** An association body whose `data` is an empty array: 400, as for an entry that is not a customer. */
export function emptyAssociationData(): FakeReply {
  return badRequest(
    "data must hold exactly one entry of type customer.",
    "The type does not exist or is not listed as customer",
  );
}

/** Merging a cart into itself would double every quantity: refused with 400. */
export function mergeIntoItself(): FakeReply {
  return badRequest("A cart cannot be merged into itself.");
}

/**
 * Merging from a cart id that does not exist: `undefined` means copy nothing (carts exist
 * on demand, empty). Return a reply to refuse.
 */
export function mergeFromUnknownCart(_cartId: string): FakeReply | undefined {
  return undefined;
}

/** Error titles for injected faults. */
export const FAULT_TITLES: Record<429 | 500 | 502 | 503 | 504, string> = {
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};
