import { fail, type FakeErrorItem, type FakeReply } from "./reply";
import type { FakeEndpoint } from "./types";

/**
 * Elastic Path's error `status` is a number on cart endpoints and a string ("401") in the
 * authentication examples (Elastic Path's API reference; Elastic Path's authentication OpenAPI file (in the public elasticpath/composable-frontend repository)
 * types it as a string). Customer and account member logins are auth endpoints too
 * (Elastic Path's Accounts OpenAPI file (in the public elasticpath/elasticpath-dev repository) types the status as a string).
 */
export function errorStatusStyle(endpoint: FakeEndpoint): "number" | "string" {
  return AUTH_ENDPOINTS.includes(endpoint) ? "string" : "number";
}

const AUTH_ENDPOINTS: readonly FakeEndpoint[] = [
  "access-token",
  "customer-token",
  "account-member-token",
];

/** The JSON body of an error answer: `{ errors: [{ status, title, detail? }] }`. */
export function errorBody(endpoint: FakeEndpoint, status: number, item: FakeErrorItem) {
  const statusField = errorStatusStyle(endpoint) === "string" ? String(status) : status;
  return { errors: [{ status: statusField, ...item }] };
}

/** Missing, unknown or expired bearer token (every `/v2` endpoint). */
export function invalidAccessToken(): FakeReply {
  return fail(401, "Unable to validate access token");
}

export function badRequest(detail: string, title = "Bad Request"): FakeReply {
  return fail(400, title, detail);
}

export function forbidden(detail: string, title = "Forbidden"): FakeReply {
  return fail(403, title, detail);
}

export function invalidJson(): FakeReply {
  return badRequest("The request body is not valid JSON.");
}

/** Elastic Path's "safe characters" for ids: letters, digits, `-` and `_`. */
export const SAFE_ID = /^[A-Za-z0-9_-]+$/;

export function unsafeCartId(cartId: string): FakeReply {
  return badRequest(
    `The cart id "${cartId}" may only contain letters, digits, "-" and "_".`,
    "Invalid cart id",
  );
}

/**
 * Not enough stock for a product (adding it, raising its quantity, checking out): 400 with
 * the product's id and SKU in `meta`, as Elastic Path's Checkout API documents it.
 */
export function insufficientStock(product: { id: string; sku: string }): FakeReply {
  return fail(
    400,
    "Insufficient stock",
    `There is not enough stock to add ${product.sku} to your cart`,
    { id: product.id, sku: product.sku },
  );
}

/** A product id or SKU the catalog does not have: 404, as add-items' examples answer. */
export function productNotFound(reference: { id: string } | { sku: string }): FakeReply {
  const detail =
    "sku" in reference
      ? `product SKU '${reference.sku}' not found in catalog release 'latestPublished'`
      : "The requested product could not be found";
  return fail(404, "Product not found", detail, { ...reference });
}

/** An unknown or ineligible promotion code: 404 with the code in `meta` (add-items' example). */
export function promotionNotFound(code: string): FakeReply {
  return fail(404, "Not Found", "No promotion could be found with the given code.", { code });
}
