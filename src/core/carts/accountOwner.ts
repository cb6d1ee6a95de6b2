import { createAccountCartAssociation, deleteAccountCartAssociation } from "@epcc-sdk/sdks-shopper";
import type { CartOwner } from "./cartOwner";

/**
 * Accounts: `EP-Account-Management-Authentication-Token`, and `.../relationships/accounts`
 * with `{ data: [{ type: "account", id }] }`, an array with one entry as for customers
 * (Elastic Path's Carts API, "Create Account Cart Association").
 */
export const accountOwner: CartOwner<"account"> = {
  kind: "account",
  tokenHeader: "EP-Account-Management-Authentication-Token",
  associate: (client, cartID, id, headers) =>
    createAccountCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "account", id }] },
      headers,
    }),
  disassociate: (client, cartID, id, headers) =>
    deleteAccountCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "account", id }] },
      headers,
    }),
};
