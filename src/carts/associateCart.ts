import {
  createCustomerCartAssociation,
  deleteCustomerCartAssociation,
  type Client,
} from "@epcc-sdk/sdks-shopper";
import { answerOf } from "../errors/fromResponse";
import { requireObject, requireSafeId, requireToken } from "../errors/validate";

/**
 * Which cart to tie to which customer. With `customerToken` the request carries
 * `X-Moltin-Customer-Token`; without it the client must hold a client-credentials token,
 * which only trusted server code may have.
 */
export interface AssociateCartVariables {
  cartId: string;
  customerId: string;
  customerToken?: string;
}

/** `associated`: Elastic Path answered 200. `already-associated`: 204, nothing changed. */
export interface AssociateCartResult {
  status: "associated" | "already-associated";
  cartId: string;
  customerId: string;
}

export function checkAssociationVariables(variables: unknown): AssociateCartVariables {
  const { cartId, customerId, customerToken } = requireObject("variables", variables);
  return {
    cartId: requireSafeId("cartId", cartId),
    customerId: requireSafeId("customerId", customerId),
    customerToken:
      customerToken === undefined ? undefined : requireToken("customerToken", customerToken),
  };
}

function requestOptions({ cartId, customerId, customerToken }: AssociateCartVariables) {
  return {
    path: { cartID: cartId },
    // Always an array with exactly one entry: an object is refused with 403 (ep-api-contract.md).
    body: { data: [{ type: "customer", id: customerId }] },
    headers: customerToken ? { "X-Moltin-Customer-Token": customerToken } : undefined,
  };
}

/** `POST /v2/carts/:cartId/relationships/customers`; 200 and 204 are both success. */
export async function associateCart(
  client: Client,
  variables: AssociateCartVariables,
): Promise<AssociateCartResult> {
  const result = await answerOf(
    "Associating the cart with the customer",
    createCustomerCartAssociation({ client, ...requestOptions(variables) }),
  );
  // The SDK reports 204 as `data: {}` too; only the status tells them apart.
  const status = result.response.status === 204 ? "already-associated" : "associated";
  return { status, cartId: variables.cartId, customerId: variables.customerId };
}

/** `DELETE /v2/carts/:cartId/relationships/customers`, the mirror of `associateCart`. */
export async function disassociateCart(
  client: Client,
  variables: AssociateCartVariables,
): Promise<{ cartId: string; customerId: string }> {
  await answerOf(
    "Removing the cart from the customer",
    deleteCustomerCartAssociation({ client, ...requestOptions(variables) }),
  );
  return { cartId: variables.cartId, customerId: variables.customerId };
}
