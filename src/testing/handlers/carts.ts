/**
 * `POST /v2/carts`, `GET /v2/carts`, `GET /v2/carts/:cartId`, `DELETE /v2/carts/:cartId`.
 * Contract: ep-api-contract.md, "Carts" and "GET /v2/carts (the customer's carts)".
 */
import { renderCart } from "../cartView";
import { badRequest } from "../errors";
import {
  contactEmailOnCustomerCart,
  DEFAULT_PAGE_LIMIT,
  deleteUnknownCart,
  listCartsWithoutShopperToken,
} from "../inferred";
import { fail, json, noContent } from "../reply";
import type { Route } from "../route";
import { cartIdParam, customerOfToken, isRecord, jsonBody, refuseAccountToken } from "./shared";

const MAX_NAME_LENGTH = 255;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const createCartRoute: Route = {
  endpoint: "create-cart",
  method: "POST",
  path: "/v2/carts",
  needsBearer: true,
  handle(request, runtime) {
    const refused = refuseAccountToken(request);
    if (refused) return refused;
    const customer = customerOfToken(request, runtime);
    if (!customer.ok) return customer.reply;
    const body = jsonBody(request);
    if (!body.ok) return body.reply;
    if (body.value !== undefined && !isRecord(body.value)) {
      return badRequest("The request body must be a JSON object.");
    }
    const data = body.value?.data ?? {};
    if (!isRecord(data)) return badRequest("data must be an object.");

    const { name, description, contact } = data;
    if (
      name !== undefined &&
      (typeof name !== "string" || name.length < 1 || name.length > MAX_NAME_LENGTH)
    ) {
      return badRequest(`data.name must be a string of 1 to ${MAX_NAME_LENGTH} characters.`);
    }
    if (description !== undefined && typeof description !== "string") {
      return badRequest("data.description must be a string.");
    }
    let contactEmail: string | undefined;
    if (contact !== undefined) {
      if (!isRecord(contact) || typeof contact.email !== "string" || !EMAIL.test(contact.email)) {
        return badRequest("data.contact.email must be an email address.");
      }
      contactEmail = contact.email;
    }
    if (contactEmail !== undefined && customer.value !== undefined) {
      return contactEmailOnCustomerCart();
    }

    const cart = runtime.store.createCart({
      name: typeof name === "string" ? name : undefined,
      description: typeof description === "string" ? description : undefined,
      contactEmail,
    });
    // Created with a customer token, the cart already belongs to that customer (contract).
    if (customer.value !== undefined) runtime.store.associate(cart, customer.value);
    return json(201, { data: renderCart(cart, runtime.baseUrl) });
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
    const customer = customerOfToken(request, runtime);
    if (!customer.ok) return customer.reply;
    // Carts exist on demand: an unknown id answers 200 with a new, empty cart.
    const cart = runtime.store.ensureCart(cartId.value);
    return json(200, { data: renderCart(cart, runtime.baseUrl) });
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
    const customer = customerOfToken(request, runtime);
    if (!customer.ok) return customer.reply;
    const cart = runtime.store.getCart(cartId.value);
    if (!cart) return deleteUnknownCart();
    if (runtime.store.isLastCartOfACustomer(cart)) {
      // Title and detail as carts-and-orders.yaml quotes them for deleteACart.
      return fail(
        400,
        "Last cart",
        "This is the last cart associated with a customer and it cannot be deleted, try disassociating instead",
      );
    }
    runtime.store.deleteCart(cart.id);
    return noContent();
  },
};

const PAGE_LIMIT = { name: "page[limit]", min: 1, max: 100 } as const;
const PAGE_OFFSET = { name: "page[offset]", min: 0, max: 10000 } as const;

export const listCartsRoute: Route = {
  endpoint: "list-carts",
  method: "GET",
  path: "/v2/carts",
  needsBearer: true,
  handle(request, runtime) {
    const refused = refuseAccountToken(request);
    if (refused) return refused;
    const customer = customerOfToken(request, runtime);
    if (!customer.ok) return customer.reply;
    if (customer.value === undefined) return listCartsWithoutShopperToken();

    const limit = pageParam(request.query, PAGE_LIMIT, DEFAULT_PAGE_LIMIT);
    if (limit === undefined) return pageParamError(PAGE_LIMIT);
    const offset = pageParam(request.query, PAGE_OFFSET, 0);
    if (offset === undefined) return pageParamError(PAGE_OFFSET);

    // `include` and `filter` are accepted and ignored: the spec says `filter` is ignored
    // with a customer token, and the fake has no custom discounts to include.
    const carts = runtime.store.cartsOf(customer.value);
    const total = carts.length;
    const pages = Math.ceil(total / limit);
    const link = (pageOffset: number) =>
      `${runtime.baseUrl}/v2/carts?page[offset]=${pageOffset}&page[limit]=${limit}`;

    // The spec's Response.PageLinks types every link as a string (its prose says `null`
    // at the ends): a link that does not exist is left out rather than sent as null.
    const links: Record<string, string> = {
      current: link(offset),
      first: link(0),
      last: link(Math.max(0, pages - 1) * limit),
    };
    if (offset + limit < total) links.next = link(offset + limit);
    if (offset > 0) links.prev = link(Math.max(0, offset - limit));

    return json(200, {
      data: carts.slice(offset, offset + limit).map((cart) => renderCart(cart, runtime.baseUrl)),
      links,
      meta: {
        page: { limit, offset, current: Math.floor(offset / limit) + 1, total: pages },
        results: { total },
      },
    });
  },
};

/** An integer query parameter within bounds, its default when absent, `undefined` when invalid. */
function pageParam(
  query: URLSearchParams,
  param: { name: string; min: number; max: number },
  fallback: number,
): number | undefined {
  const raw = query.get(param.name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= param.min && value <= param.max ? value : undefined;
}

function pageParamError(param: { name: string; min: number; max: number }) {
  return badRequest(`${param.name} must be an integer from ${param.min} to ${param.max}.`);
}
