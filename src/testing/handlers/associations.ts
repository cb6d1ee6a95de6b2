/**
 * `POST` and `DELETE /v2/carts/:cartId/relationships/customers` and `.../accounts`.
 * As Elastic Path's API reference documents it (elasticpath.dev): "POST /v2/carts/:cartId/relationships/customers" and
 * "Account Management"; the accounts' error titles are the ones Elastic Path's Carts OpenAPI file (carts-and-orders.yaml, in the public elasticpath/epcc-cli repository)
 * lists under "Account Cart Associations".
 *
 * Checks run in this order: cart id, shopper token (401), who may act (403), body
 * shape (403/400), the token's shopper against `data[0].id` (403), then the cart.
 */
import { badRequest, forbidden } from "../errors";
import {
  accountTokenForAnotherAccount,
  associateUnknownCart,
  customerTokenForAnotherCustomer,
  disassociateNotAssociated,
  emptyAssociationData,
  implicitWithoutAccountToken,
  implicitWithoutCustomerToken,
  unknownAccount,
  unknownCustomer,
} from "../inferred";
import { fail, json, noContent, type FakeReply } from "../reply";
import type { FakeRequest, FakeRuntime, Route } from "../route";
import type { StoredCart } from "../store";
import type { FakeEndpoint } from "../types";
import { cartIdParam, isRecord, jsonBody, shopperOfRequest, type Checked } from "./shared";

/** What differs between customer and account associations. */
interface Relationship {
  type: "customer" | "account";
  /** `customers` or `accounts`, as in the path and the 422's wording. */
  plural: string;
  /** The id the request's shopper token stands for, if it is a token of this kind. */
  tokenOwner(request: FakeRequest, runtime: FakeRuntime): Checked<string | undefined>;
  exists(runtime: FakeRuntime, id: string): boolean;
  implicitWithoutToken(): FakeReply;
  tokenForAnother(): FakeReply;
  unknown(id: string): FakeReply;
  associate(runtime: FakeRuntime, cart: StoredCart, id: string): boolean;
  disassociate(runtime: FakeRuntime, cart: StoredCart, id: string): boolean;
}

const customers: Relationship = {
  type: "customer",
  plural: "customers",
  tokenOwner(request, runtime) {
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper;
    return {
      ok: true,
      value: shopper.value.kind === "customer" ? shopper.value.customerId : undefined,
    };
  },
  exists: (runtime, id) => runtime.store.getCustomer(id) !== undefined,
  implicitWithoutToken: implicitWithoutCustomerToken,
  tokenForAnother: customerTokenForAnotherCustomer,
  unknown: unknownCustomer,
  associate: (runtime, cart, id) => runtime.store.associate(cart, id),
  disassociate: (runtime, cart, id) => runtime.store.disassociate(cart, id),
};

const accounts: Relationship = {
  type: "account",
  plural: "accounts",
  tokenOwner(request, runtime) {
    const shopper = shopperOfRequest(request, runtime);
    if (!shopper.ok) return shopper;
    return {
      ok: true,
      value: shopper.value.kind === "account" ? shopper.value.accountId : undefined,
    };
  },
  exists: (runtime, id) => runtime.store.getAccount(id) !== undefined,
  implicitWithoutToken: implicitWithoutAccountToken,
  tokenForAnother: accountTokenForAnotherAccount,
  unknown: unknownAccount,
  associate: (runtime, cart, id) => runtime.store.associateAccount(cart, id),
  disassociate: (runtime, cart, id) => runtime.store.disassociateAccount(cart, id),
};

interface AssociationRequest {
  cartId: string;
  id: string;
  /** Acting with client credentials and no token of this kind: an admin, for anyone. */
  asAdmin: boolean;
}

/** Everything POST and DELETE check before touching a cart. */
function checkAssociationRequest(
  relationship: Relationship,
  request: FakeRequest,
  runtime: FakeRuntime,
): Checked<AssociationRequest> {
  const refuse = (reply: FakeReply) => ({ ok: false as const, reply });
  const { type } = relationship;

  const cartId = cartIdParam(request);
  if (!cartId.ok) return cartId;
  const owner = relationship.tokenOwner(request, runtime);
  if (!owner.ok) return owner;
  // With a shopper token the bearer is the implicit one; without, only client
  // credentials act for any shopper and cart.
  const asAdmin = owner.value === undefined;
  if (asAdmin && request.bearer !== "client_credentials") {
    return refuse(relationship.implicitWithoutToken());
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
      forbidden(`data must hold exactly one ${type}.`, `Cannot associate more than one ${type}`),
    );
  }
  const entry: unknown = data[0];
  if (entry === undefined) return refuse(emptyAssociationData(type));
  if (!isRecord(entry) || entry.type !== type) {
    return refuse(
      badRequest(
        `Each entry of data needs type "${type}".`,
        `The type does not exist or is not listed as ${type}`,
      ),
    );
  }
  if (typeof entry.id !== "string" || entry.id === "") {
    return refuse(badRequest("data[0].id is required."));
  }
  if (!asAdmin && owner.value !== entry.id) return refuse(relationship.tokenForAnother());
  return { ok: true, value: { cartId: cartId.value, id: entry.id, asAdmin } };
}

function associateRouteFor(relationship: Relationship, endpoint: FakeEndpoint): Route {
  return {
    endpoint,
    method: "POST",
    path: `/v2/carts/:cartId/relationships/${relationship.plural}`,
    needsBearer: true,
    handle(request, runtime) {
      const checked = checkAssociationRequest(relationship, request, runtime);
      if (!checked.ok) return checked.reply;
      const { cartId, id, asAdmin } = checked.value;
      if (asAdmin && !relationship.exists(runtime, id)) return relationship.unknown(id);

      let cart = runtime.store.getCart(cartId);
      if (!cart) {
        const refusal = associateUnknownCart(cartId);
        if (refusal) return refusal;
        cart = runtime.store.ensureCart(cartId);
      }
      if (cart.contactEmail !== undefined) {
        const { plural } = relationship;
        return fail(
          422,
          `Cannot associate ${plural} to carts with contact emails`,
          `Unable to associate ${plural} to carts with contact emails attached.`,
        );
      }
      // 200 echoes a new association; 204 says it already existed (a success, a no-op).
      if (!relationship.associate(runtime, cart, id)) return noContent();
      return json(200, { data: [{ type: relationship.type, id }] });
    },
  };
}

function disassociateRouteFor(relationship: Relationship, endpoint: FakeEndpoint): Route {
  return {
    endpoint,
    method: "DELETE",
    path: `/v2/carts/:cartId/relationships/${relationship.plural}`,
    needsBearer: true,
    handle(request, runtime) {
      const checked = checkAssociationRequest(relationship, request, runtime);
      if (!checked.ok) return checked.reply;
      const { cartId, id } = checked.value;
      const cart = runtime.store.getCart(cartId);
      if (!cart || !relationship.disassociate(runtime, cart, id)) {
        return disassociateNotAssociated();
      }
      return noContent();
    },
  };
}

export const associateRoute = associateRouteFor(customers, "associate");
export const disassociateRoute = disassociateRouteFor(customers, "disassociate");
export const associateAccountRoute = associateRouteFor(accounts, "associate-account");
export const disassociateAccountRoute = disassociateRouteFor(accounts, "disassociate-account");
