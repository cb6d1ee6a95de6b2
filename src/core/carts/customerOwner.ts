import {
  createCustomerCartAssociation,
  deleteCustomerCartAssociation,
} from "@epcc-sdk/sdks-shopper";
import type { CartOwner } from "./cartOwner";

/**
 * Customers: `X-Moltin-Customer-Token`, and `.../relationships/customers` with
 * `{ data: [{ type: "customer", id }] }` — always an array with one entry; Elastic Path
 * refuses an object with 403 (Elastic Path's Carts API, "Create Customer Cart Association").
 */
export const customerOwner: CartOwner<"customer"> = {
  kind: "customer",
  tokenHeader: "X-Moltin-Customer-Token",
  associate: (client, cartID, id, headers) =>
    createCustomerCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "customer", id }] },
      headers,
    }),
  disassociate: (client, cartID, id, headers) =>
    deleteCustomerCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "customer", id }] },
      headers,
    }),
};
