/**
 * Behaviours nobody documents publicly, in one place so they are easy to change when the
 * real service is observed to differ. The first group is what the service is believed to
 * do; the second group is the fake's own decisions where neither Elastic Path's docs nor
 * its OpenAPI files say anything.
 */
import { badRequest, forbidden } from "./errors";
import { fail, json, noContent, type FakeReply } from "./reply";

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

/** Association with an account token that belongs to another account than `data[0].id`: 403, with the title Elastic Path lists. */
export function accountTokenForAnotherAccount(): FakeReply {
  return forbidden("Account does not have the required permissions to fulfill this request");
}

/** An expired, revoked or garbled `EP-Account-Management-Authentication-Token`: 401. */
export function invalidAccountToken(reason: "unknown" | "expired"): FakeReply {
  return fail(
    401,
    "Unauthorized",
    reason === "expired"
      ? "The account management authentication token has expired."
      : "The account management authentication token is not valid.",
  );
}

// ---- The fake's own decisions ---------------------------------------------------------

/**
 * A request with both `X-Moltin-Customer-Token` and `EP-Account-Management-Authentication-Token`:
 * 400, whatever the endpoint. Elastic Path's Get Shopper Carts requires "only one of" the two;
 * what it answers to both is not published.
 */
export function mixedShopperTokens(): FakeReply {
  return badRequest(
    "Send either X-Moltin-Customer-Token or EP-Account-Management-Authentication-Token, not both.",
    "Conflicting shopper tokens",
  );
}

/** Account association with an implicit bearer and no account token: 403, as for customers. */
export function implicitWithoutAccountToken(): FakeReply {
  return forbidden(
    "An implicit token needs an EP-Account-Management-Authentication-Token header to change a cart's accounts.",
  );
}

/** Client credentials associating an account id that was never seeded: 400, as for customers. */
export function unknownAccount(accountId: string): FakeReply {
  return badRequest(`No account with id "${accountId}" exists.`, "Account not found");
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

/**
 * `PUT /v2/carts/:id` of a cart that does not exist yet: `undefined` means create it on
 * demand and update it, as `GET /v2/carts/:id` creates it. Return a reply to refuse.
 */
export function updateUnknownCart(_cartId: string): FakeReply | undefined {
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

/** Creating a cart with both a contact email and an account token: 400, as for customers. */
export function contactEmailOnAccountCart(): FakeReply {
  return badRequest(
    "A cart associated with an account cannot have a contact email.",
    "Cannot add contact email to an account cart",
  );
}

/**
 * Deleting the last cart of an account: `undefined` means go ahead (the spec's "Last cart"
 * error speaks of customers only). Return a reply to refuse.
 */
export function deleteLastCartOfAccount(_cartId: string): FakeReply | undefined {
  return undefined;
}

/**
 * A merge sent with an account token into a cart that is not that account's (or does not
 * exist yet): 403. The contract only says the target is the shopper's.
 */
export function mergeIntoCartOfAnotherAccount(): FakeReply {
  return forbidden(
    "With an account token, the target cart of a merge must be associated with that account.",
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

/** One entry of a merge's `errors` for an item left out by the limit, with its SKU in `meta` as the spec's bulk examples have. */
export function itemLeftOut(
  item: { name: string; sku?: string | undefined },
  { status, detail }: { status: number; detail: string },
) {
  return {
    status,
    title: TOO_MANY_ITEMS.title,
    detail: `"${item.name}" ${detail} ${TOO_MANY_ITEMS.detail}`,
    ...(item.sku ? { meta: { sku: item.sku } } : {}),
  };
}

/**
 * A merge with `add_all_or_nothing: true` where some item cannot be copied: 400 and
 * nothing copied (contract), one entry per such item in `errors`, as the partial answer
 * lists them. The spec's all-or-nothing example answers with the failing item's own
 * error; the status for an item past the limit there is not published.
 */
export function mergeRefusedAllOrNothing(
  leftOut: ReadonlyArray<{ name: string; sku?: string | undefined }>,
): FakeReply {
  return json(400, {
    errors: leftOut.map((item) =>
      itemLeftOut(item, { status: 400, detail: "cannot be added, so nothing was." }),
    ),
  });
}

/** What {@link sameItem} compares. */
export interface ItemIdentity {
  sku?: string | undefined;
  name: string;
  product?:
    | { productId: string; location?: string; bundleConfiguration?: Record<string, unknown> }
    | undefined;
}

/**
 * Two items are "the same product" (quantities add up, in merges and repeated adds):
 * catalog products when they are the same product with the same bundle configuration
 * (and, with the cart setting `separate_items_by_location`, the same location; without it
 * the line takes the latest location, as the setting's description says); custom items
 * when their SKUs are equal, or, without SKUs, their names. A catalog product and a custom
 * item are never the same, even with one SKU.
 */
export function sameItem(a: ItemIdentity, b: ItemIdentity, separateByLocation = false): boolean {
  if (a.product || b.product) {
    return (
      a.product?.productId === b.product?.productId &&
      (!separateByLocation || a.product?.location === b.product?.location) &&
      JSON.stringify(a.product?.bundleConfiguration) ===
        JSON.stringify(b.product?.bundleConfiguration)
    );
  }
  if (a.sku || b.sku) return a.sku === b.sku;
  return a.name === b.name;
}

/** An association body whose `data` is an empty array: 400, as for an entry of another type. */
export function emptyAssociationData(type: "customer" | "account" = "customer"): FakeReply {
  return badRequest(
    `data must hold exactly one entry of type ${type}.`,
    `The type does not exist or is not listed as ${type}`,
  );
}

/**
 * The store's currency, which every cart gets unless seeded with another. Elastic Path
 * prices a cart in the currency of the `X-MOLTIN-CURRENCY` header, else in the store's
 * default currency (spec: Cart Management); the fake reads no such header, and its store's
 * default is USD.
 */
export const STORE_CURRENCY = "USD";

/**
 * A merge from a cart of another currency: 400 for the whole request, whatever
 * `add_all_or_nothing` says (contract: both carts must share a currency), nothing copied.
 * Every fake cart has a currency, so two empty carts of different currencies are refused
 * too; Elastic Path's spec says a cart's currency "is set when the first item is added",
 * so the real service may accept a merge into an empty cart. The title is the one Elastic
 * Path's currency errors carry ("Cart Currency Mismatch", spec: shipping groups).
 */
export function currencyMismatch(
  target: { currency: string },
  source: { id: string; currency: string },
): FakeReply {
  return badRequest(
    `This cart uses ${target.currency}, cannot merge cart "${source.id}" with currency ${source.currency}.`,
    "Cart Currency Mismatch",
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

// ---- The fake's own decisions: account member login (POST /v2/account-members/tokens) --
// Elastic Path's Accounts OpenAPI file (in the public elasticpath/elasticpath-dev repository) documents 201, 401 and a default error answer only.

/** A wrong username, password, one-time code or `password_profile_id`: 401 (the one error status the spec lists). */
export function wrongAccountCredentials(): FakeReply {
  return fail(401, "Unauthorized", "The credentials are not valid.");
}

/** A required field of the mechanism missing or empty: 400 naming it. */
export function missingAccountLoginField(field: string): FakeReply {
  return badRequest(`${field} is required.`);
}

/** An `authentication_mechanism` that is not one of Elastic Path's: 400. */
export function unknownAuthenticationMechanism(mechanism: string): FakeReply {
  return badRequest(
    `authentication_mechanism must be one of password, oidc, passwordless, self_signup, account_management_authentication_token; got "${mechanism}".`,
  );
}

/**
 * `authentication_mechanism: "account_management_authentication_token"` (switch accounts):
 * what it needs is not published, so the fake does not pretend. A member's first answer
 * already holds a token per account.
 */
export function switchingAccountsUnsupported(): FakeReply {
  return badRequest(
    'The fake Elastic Path does not model authentication_mechanism "account_management_authentication_token"; use the tokens of the login answer.',
  );
}

/** Self sign-up on a store that does not allow it (`enable_self_signup: false`): 403. */
export function selfSignupDisabled(): FakeReply {
  return forbidden("Self sign-up is not enabled for this store.");
}

/** Self sign-up with a username the password profile already has: 409, as the Accounts API answers duplicates. */
export function usernameTaken(): FakeReply {
  return fail(409, "Conflict", "An account member with this username already exists.");
}

/**
 * Usernames compare case-insensitively, as customer emails do. Composable Frontend
 * lower-cases usernames before self sign-up ("Known bug for uppercase usernames"), so the
 * real service may differ.
 */
export function sameUsername(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Whether self sign-up also creates an account, by default (option
 * `autoCreateAccountForAccountMembers`): Elastic Path's guide "Authenticating using Self
 * Sign Up" says sign-up "creates an account member", and an account only with the store
 * setting `auto_create_account_for_account_members`, which "automatically creates an
 * account for the account member and then creates a membership"; without it an admin must
 * add the member to an account first. The setting's default is not published. The fake's,
 * `true`, is what Composable Frontend's `composable-cli setup self-signup` sets, so a
 * sign-up answer holds a token, as its storefronts expect.
 */
export const SELF_SIGNUP_CREATES_ACCOUNT = true;

/** The account self sign-up creates is named after the member (the settings schema: "name ... matching"). */
export function selfSignupAccountName(member: { name: string }): string {
  return member.name;
}

/**
 * `page[limit]` default of the login answer (one entry per account): 25, from the spec's
 * example links; at most 100 (MetaListPage). A member of more accounts gets the first 25
 * unless the request pages. `meta.page.current` is 1-based, as for carts.
 */
export const ACCOUNT_TOKENS_PAGE_LIMIT = 25;

/**
 * OIDC authorization codes live 10 minutes, the most RFC 6749 (section 4.1.2) recommends.
 * A code, like a one-time password, is used up by a successful login only: a failed
 * attempt (wrong redirect URI or verifier) leaves it usable.
 */
export const OIDC_CODE_LIFETIME_MS = 10 * 60 * 1000;

// ---- Cart contents: products, promotions, item changes -------------------------------
// Carts-and-orders.yaml documents the statuses; these are the parts it leaves open.

/**
 * A product without a price in the cart's currency: 400 (the Checkout API's note: "The API
 * returns a 400 error if a price is not defined in the correct currency"); title and
 * detail are not published.
 */
export function noPriceInCurrency(
  product: { id: string; sku: string },
  currency: string,
): FakeReply {
  return fail(
    400,
    "Currency not found",
    `Product ${product.sku} has no price in the cart's currency ${currency}.`,
    { id: product.id, sku: product.sku, currency },
  );
}

/** `PUT /v2/carts/:id/items/:itemId` for an item the cart does not hold: 404 (a documented status). */
export function cartItemNotFound(itemId: string): FakeReply {
  return fail(404, "Not Found", `Cart item "${itemId}" was not found in this cart.`, {
    id: itemId,
  });
}

/**
 * `quantity: 0` in `PUT /v2/carts/:id/items/:itemId` removes the item (contract, inferred).
 * Set to `false` to refuse it instead, with a 400 like any quantity below 1.
 */
export const QUANTITY_ZERO_REMOVES = true;

/**
 * `DELETE /v2/carts/:id/items/:itemId` for an item the cart does not hold: `undefined`
 * means answer 200 with the items as they are (the one status the spec documents), so a
 * removal retried after a lost answer still succeeds. Return a reply to refuse.
 */
export function deleteUnknownItem(_itemId: string): FakeReply | undefined {
  return undefined;
}

/** `DELETE /v2/carts/:id/discounts/:code` for a code the cart does not have: 204, as for one it has. */
export function removeUnappliedPromotion(_code: string): FakeReply {
  return noContent();
}

/**
 * Promotion codes compare case-insensitively (Elastic Path's promotion codes are entered
 * by shoppers; the spec does not say). Change here for an exact comparison.
 */
export function samePromotionCode(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * How a promotion shows in a cart: one `promotion_item` per code (applying a code again
 * changes nothing), named after the promotion, `sku` the code, the discount as its
 * negative price; every promotion stacks with the others, and the discount never takes a
 * total below zero. Items carry no share of it (Elastic Path's rule promotions also list
 * per-item `discounts`).
 */
export const PROMOTION_ITEM_DESCRIPTION = "Promotion";

/** A percentage off rounds to the nearest minor unit. */
export function percentOff(subtotal: number, percent: number): number {
  return Math.round((subtotal * percent) / 100);
}

// A merge (handlers/items.ts) copies products and custom items, not promotion codes: the
// target keeps its own discounts, as Elastic Path keeps its custom discounts (spec, Merging
// Carts). A merge does not check stock; checkout does.

// ---- Checkout and orders ------------------------------------------------------------

/**
 * The status for a checkout body missing a required field (an address line, the guest's
 * email): 400, the one client error checkoutAPI documents, titled "Failed Validation" as
 * Elastic Path's validation errors are. The contract infers 422; option
 * `checkoutValidationStatus: 422` switches.
 */
export const CHECKOUT_VALIDATION_STATUS = 400;

export function checkoutFieldMissing(field: string, status: 400 | 422): FakeReply {
  return fail(status, "Failed Validation", `The ${field} field is required.`, { field });
}

/** Checking out a cart with no items: 400 (contract, inferred). */
export function checkoutEmptyCart(cartId: string): FakeReply {
  return badRequest(`Cart "${cartId}" has no items to check out.`, "Cart is empty");
}

/** A customer checkout whose `customer.id` is not the customer token's: 403, as for associations. */
export function checkoutForAnotherCustomer(): FakeReply {
  return forbidden("The customer token does not belong to data.customer.id.");
}

/**
 * A checkout with `data.customer.id` or `data.account` and an implicit bearer but no shopper
 * token: 403 (only client credentials act for any customer or account).
 */
export function checkoutWithoutShopperToken(form: "customer" | "account"): FakeReply {
  return forbidden(
    form === "customer"
      ? "Checking out with data.customer.id needs that customer's X-Moltin-Customer-Token."
      : "Checking out with data.account needs a client_credentials token; shoppers send data.contact with an EP-Account-Management-Authentication-Token.",
  );
}

/** An account member's checkout (account token) with `data.customer`: 400; members send `data.contact`. */
export function accountCheckoutWithCustomer(): FakeReply {
  return badRequest(
    "With an EP-Account-Management-Authentication-Token, send data.contact, not data.customer.",
  );
}

/** `external_ref` longer than Elastic Path's 64 characters: 400, like a missing field. */
export const EXTERNAL_REF_MAX_LENGTH = 64;

/** `GET /v2/orders` with an implicit bearer and neither shopper token: 403 (the spec lists all orders for client credentials only). */
export function listOrdersWithoutShopperToken(): FakeReply {
  return forbidden(
    "Listing orders needs an X-Moltin-Customer-Token or EP-Account-Management-Authentication-Token header.",
  );
}

/**
 * `GET /v2/orders/:id` (and its items) of an order that is another shopper's: 404, as for
 * an order that does not exist, so ids of others' orders reveal nothing. A guest's order
 * is read with its id alone (order confirmation pages do); client credentials read any.
 */
export function orderNotFound(orderId: string): FakeReply {
  return fail(404, "Not Found", "Order not found", { id: orderId });
}

/** `page[limit]` default of `GET /v2/orders` (the spec's default). */
export const ORDERS_PAGE_LIMIT = 20;

/** A new order is unpaid and unfulfilled: `status` incomplete until paid (Elastic Path's order statuses). */
export const NEW_ORDER_STATUS = {
  status: "incomplete",
  payment: "unpaid",
  shipping: "unfulfilled",
} as const;

/** Checkout takes the cart's quantities out of stock (spec: "inventory is modified during checkout"). */
export const CHECKOUT_ALLOCATES_STOCK = true;

/** Error titles for injected faults. */
export const FAULT_TITLES: Record<429 | 500 | 502 | 503 | 504, string> = {
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};
