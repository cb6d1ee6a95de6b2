/**
 * `POST` and `DELETE /v2/carts/:cartId/relationships/customers`.
 * Contract: ep-api-contract.md, "POST /v2/carts/:cartId/relationships/customers".
 *
 * Checks run in this order: cart id, customer token (401), who may act (403), body
 * shape (403/400), the token's customer against `data[0].id` (403), then the cart.
 */
import { badRequest, forbidden } from "../errors";
import {
  associateUnknownCart,
  customerTokenForAnotherCustomer,
  disassociateNotAssociated,
  emptyAssociationData,
  implicitWithoutCustomerToken,
  unknownCustomer,
} from "../inferred";
import { fail, json, noContent, type FakeReply } from "../reply";
import type { FakeRequest, FakeRuntime, Route } from "../route";
import { cartIdParam, customerOfToken, isRecord, jsonBody, type Checked } from "./shared";

interface AssociationRequest {
  cartId: string;
  customerId: string;
  /** Acting with client credentials and no customer token: an admin, for any customer. */
  asAdmin: boolean;
}

/** Everything POST and DELETE check before touching a cart. */
function checkAssociationRequest(
  request: FakeRequest,
  runtime: FakeRuntime,
): Checked<AssociationRequest> {
  const refuse = (reply: FakeReply) => ({ ok: false as const, reply });

  const cartId = cartIdParam(request);
  if (!cartId.ok) return cartId;
  const tokenCustomer = customerOfToken(request, runtime);
  if (!tokenCustomer.ok) return tokenCustomer;
  // With a customer token the bearer is the implicit one; without, only client
  // credentials act for any customer and cart.
  const asAdmin = tokenCustomer.value === undefined;
  if (asAdmin && request.bearer !== "client_credentials") {
    return refuse(implicitWithoutCustomerToken());
  }

  const body = jsonBody(request);
  if (!body.ok) return body;
  const data = isRecord(body.value) ? body.value.data : undefined;
  if (!Array.isArray(data)) {
    return refuse(
      forbidden("The request body's data must be an array [].", "Invalid json payload"),
    );
  }
  if (data.length > 1) {
    return refuse(
      forbidden("data must hold exactly one customer.", "Cannot associate more than one customer"),
    );
  }
  const entry: unknown = data[0];
  if (entry === undefined) return refuse(emptyAssociationData());
  if (!isRecord(entry) || entry.type !== "customer") {
    return refuse(
      badRequest(
        'Each entry of data needs type "customer".',
        "The type does not exist or is not listed as customer",
      ),
    );
  }
  if (typeof entry.id !== "string" || entry.id === "") {
    return refuse(badRequest("data[0].id is required."));
  }
  if (!asAdmin && tokenCustomer.value !== entry.id) {
    return refuse(customerTokenForAnotherCustomer());
  }
  return { ok: true, value: { cartId: cartId.value, customerId: entry.id, asAdmin } };
}

export const associateRoute: Route = {
  endpoint: "associate",
  method: "POST",
  path: "/v2/carts/:cartId/relationships/customers",
  needsBearer: true,
  handle(request, runtime) {
    const checked = checkAssociationRequest(request, runtime);
    if (!checked.ok) return checked.reply;
    const { cartId, customerId, asAdmin } = checked.value;
    if (asAdmin && !runtime.store.getCustomer(customerId)) return unknownCustomer(customerId);

    let cart = runtime.store.getCart(cartId);
    if (!cart) {
      const refusal = associateUnknownCart(cartId);
      if (refusal) return refusal;
      cart = runtime.store.ensureCart(cartId);
    }
    if (cart.contactEmail !== undefined) {
      return fail(
        422,
        "Cannot associate customers to carts with contact emails",
        "Unable to associate customers to carts with contact emails attached.",
      );
    }
    // 200 echoes a new association; 204 says it already existed (a success, a no-op).
    if (!runtime.store.associate(cart, customerId)) return noContent();
    return json(200, { data: [{ type: "customer", id: customerId }] });
  },
};

export const disassociateRoute: Route = {
  endpoint: "disassociate",
  method: "DELETE",
  path: "/v2/carts/:cartId/relationships/customers",
  needsBearer: true,
  handle(request, runtime) {
    const checked = checkAssociationRequest(request, runtime);
    if (!checked.ok) return checked.reply;
    const { cartId, customerId } = checked.value;
    const cart = runtime.store.getCart(cartId);
    if (!cart || !runtime.store.disassociate(cart, customerId)) {
      return disassociateNotAssociated();
    }
    return noContent();
  },
};
