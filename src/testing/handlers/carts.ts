/**
 * `POST /v2/carts`, `GET /v2/carts`, `GET`, `PUT` and `DELETE /v2/carts/:cartId`.
 * As Elastic Path's API reference documents it (elasticpath.dev): "Carts", "GET /v2/carts (the customer's carts)" and
 * "Account Management": the same for an account token.
 */
import { renderCart, renderCartItems } from "../cartView";
import { badRequest } from "../errors";
import {
  contactEmailOnAccountCart,
  contactEmailOnCustomerCart,
  DEFAULT_PAGE_LIMIT,
  deleteLastCartOfAccount,
  deleteUnknownCart,
  listCartsWithoutShopperToken,
  updateUnknownCart,
} from "../inferred";
import { fail, json, noContent, type FakeReply } from "../reply";
import type { FakeRequest, Route } from "../route";
import {
  cartIdParam,
  includes,
  isRecord,
  jsonBody,
  pageOf,
  shopperOfRequest,
  type Checked,
} from "./shared";

const MAX_NAME_LENGTH = 255;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The cart fields `POST` and `PUT /v2/carts...` take, checked as Elastic Path does; absent ones stay absent. */
interface CartFields {
  name?: string;
  description?: string;
  contactEmail?: string;
}

function cartFields(request: FakeRequest): Checked<CartFields> {
  const body = jsonBody(request);
  if (!body.ok) return body;
  if (body.value !== undefined && !isRecord(body.value)) {
    return refused(badRequest("The request body must be a JSON object."));
  }
  const data = body.value?.data ?? {};
  if (!isRecord(data)) return refused(badRequest("data must be an object."));

  const { name, description, contact } = data;
  if (
    name !== undefined &&
    (typeof name !== "string" || name.length < 1 || name.length > MAX_NAME_LENGTH)
  ) {
    return refused(badRequest(`data.name must be a string of 1 to ${MAX_NAME_LENGTH} characters.`));
  }
  if (description !== undefined && typeof description !== "string") {
    return refused(badRequest("data.description must be a string."));
  }
  const fields: CartFields = {};
  if (name !== undefined) fields.name = name;
  if (description !== undefined) fields.description = description;
  if (contact !== undefined) {
    if (!isRecord(contact) || typeof contact.email !== "string" || !EMAIL.test(contact.email)) {
      return refused(badRequest("data.contact.email must be an email address."));
    }
    fields.contactEmail = contact.email;
  }
  return { ok: true, value: fields };
}

const refused = (reply: FakeReply): Checked<never> => ({ ok: false, reply });

/**
 * A contact email and a registered shopper's cart do not mix (the spec: such requests
 * "result in error messages"), whether the shopper's token says so or the cart's associations.
 */
function contactEmailRefusal(
  fields: CartFields,
  owners: { customer: boolean; account: boolean },
): FakeReply | undefined {
  if (fields.contactEmail === undefined) return undefined;
  if (owners.customer) return contactEmailOnCustomerCart();
  if (owners.account) return contactEmailOnAccountCart();
  return undefined;
}

export const createCartRoute: Route = {
  endpoint: "create-cart",
  method: "POST",
  path: "/v2/carts",
  needsBearer: true,
  handle(request, runtime) {
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const fields = cartFields(request);
    if (!fields.ok) return fields.reply;
    const refusal = contactEmailRefusal(fields.value, {
      customer: shopper.value.kind === "customer",
      account: shopper.value.kind === "account",
    });
    if (refusal) return refusal;

    const cart = runtime.store.createCart(fields.value);
    // Created with a shopper token, the cart already belongs to that shopper (contract).
    if (shopper.value.kind === "customer") runtime.store.associate(cart, shopper.value.customerId);
    if (shopper.value.kind === "account") {
      runtime.store.associateAccount(cart, shopper.value.accountId);
    }
    return json(201, { data: renderCart(cart, runtime.baseUrl) });
  },
};

/**
 * `PUT /v2/carts/:cartId`: changes only the fields sent (the spec's own example sends
 * `payment_intent_id` alone), answers 200 with the cart, and moves `updated_at`.
 */
export const updateCartRoute: Route = {
  endpoint: "update-cart",
  method: "PUT",
  path: "/v2/carts/:cartId",
  needsBearer: true,
  handle(request, runtime) {
    const cartId = cartIdParam(request);
    if (!cartId.ok) return cartId.reply;
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const fields = cartFields(request);
    if (!fields.ok) return fields.reply;
    const existing = runtime.store.getCart(cartId.value);
    if (!existing) {
      const refusal = updateUnknownCart(cartId.value);
      if (refusal) return refusal;
    }
    const cart = existing ?? runtime.store.ensureCart(cartId.value);
    const refusal = contactEmailRefusal(fields.value, {
      customer: cart.customerIds.size > 0,
      account: cart.accountIds.size > 0,
    });
    if (refusal) return refusal;

    runtime.store.updateCart(cart, fields.value);
    return json(200, { data: renderCart(cart, runtime.baseUrl) });
  },
};

export const getCartRoute: Route = {
  endpoint: "get-cart",
  method: "GET",
  path: "/v2/carts/:cartId",
  needsBearer: true,
  handle(request, runtime) {
    const cartId = cartIdParam(request);
    if (!cartId.ok) return cartId.reply;
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    // Carts exist on demand: an unknown id answers 200 with a new, empty cart.
    const cart = runtime.store.ensureCart(cartId.value);
    const data = renderCart(cart, runtime.baseUrl);
    // `include=items` (the SDK sends `include=a&include=b`; Elastic Path documents `a,b`):
    // the cart's items beside it, in one request. Other includes are accepted and ignored.
    return includes(request.query).has("items")
      ? json(200, { data, included: { items: renderCartItems(cart, runtime.baseUrl) } })
      : json(200, { data });
  },
};

export const deleteCartRoute: Route = {
  endpoint: "delete-cart",
  method: "DELETE",
  path: "/v2/carts/:cartId",
  needsBearer: true,
  handle(request, runtime) {
    const cartId = cartIdParam(request);
    if (!cartId.ok) return cartId.reply;
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const cart = runtime.store.getCart(cartId.value);
    if (!cart) return deleteUnknownCart();
    if (runtime.store.isLastCartOfACustomer(cart)) {
      // Title and detail as Elastic Path's Carts OpenAPI file (carts-and-orders.yaml, in the public elasticpath/epcc-cli repository) quotes them for deleteACart.
      return fail(
        400,
        "Last cart",
        "This is the last cart associated with a customer and it cannot be deleted, try disassociating instead",
      );
    }
    if (runtime.store.isLastCartOfAnAccount(cart)) {
      const refusal = deleteLastCartOfAccount(cart.id);
      if (refusal) return refusal;
    }
    runtime.store.deleteCart(cart.id);
    return noContent();
  },
};

const PAGE_LIMIT = { name: "page[limit]", min: 1, max: 100 } as const;

export const listCartsRoute: Route = {
  endpoint: "list-carts",
  method: "GET",
  path: "/v2/carts",
  needsBearer: true,
  handle(request, runtime) {
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper.reply;
    const { value } = shopper;
    if (value.kind === "guest") return listCartsWithoutShopperToken();

    // `include` and `filter` are accepted and ignored: the spec says `filter` is ignored
    // with a customer token, and the fake has no custom discounts to include.
    const carts =
      value.kind === "customer"
        ? runtime.store.cartsOf(value.customerId)
        : runtime.store.cartsOfAccount(value.accountId);
    const page = pageOf(
      carts,
      request.query,
      PAGE_LIMIT,
      DEFAULT_PAGE_LIMIT,
      (offset, limit) => `${runtime.baseUrl}/v2/carts?page[offset]=${offset}&page[limit]=${limit}`,
    );
    if (!page.ok) return page.reply;
    return json(200, {
      data: page.value.data.map((cart) => renderCart(cart, runtime.baseUrl)),
      links: page.value.links,
      meta: page.value.meta,
    });
  },
};
