import * as sdk from "@epcc-sdk/sdks-shopper";
import { invalidInput } from "../errors/ElasticPathError";
import { requireObject, requireSafeId, requireToken } from "../errors/validate";
import { SIGNED_OUT, type ShopperKindDescriptor } from "./sessionKind";

/**
 * Who is shopping. `token` is the customer token from `POST /v2/customers/tokens`;
 * `expiresAt` is epoch milliseconds, after which the session counts as signed-out.
 *
 * @example
 * ```ts
 * const session: CustomerSession = { status: "signed-out" };
 * ```
 */
export type CustomerSession =
  | { status: "signed-out" }
  | { status: "signed-in"; customerId: string; token: string; expiresAt: number };

export type SignedInSession = Extract<CustomerSession, { status: "signed-in" }>;

/** A time in epoch milliseconds, as sessions keep their expiry. */
export function requireEpochMs(field: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw invalidInput(`${field} must be a time in epoch milliseconds.`);
  }
  return value;
}

/**
 * A session handed to the package (a query source, a controlled provider, storage), checked
 * like any input: its customer id goes into keys and paths, its token into a header. Returns
 * a copy holding the session's fields only.
 */
export function requireSession(field: string, value: unknown): CustomerSession {
  const { status, customerId, token, expiresAt } = requireObject(field, value);
  if (status === "signed-out") return SIGNED_OUT;
  if (status !== "signed-in") {
    throw invalidInput(`${field}.status must be "signed-in" or "signed-out".`);
  }
  return {
    status,
    customerId: requireSafeId(`${field}.customerId`, customerId),
    token: requireToken(`${field}.token`, token),
    expiresAt: requireEpochMs(`${field}.expiresAt`, expiresAt),
  };
}

/**
 * Customers: `X-Moltin-Customer-Token`, and `.../relationships/customers` with
 * `{ data: [{ type: "customer", id }] }` — always an array with one entry; Elastic Path
 * refuses an object with 403 (Elastic Path's Carts API, "Create Customer Cart Association").
 */
export const customerKind: ShopperKindDescriptor<"customer", CustomerSession> = {
  kind: "customer",
  check: requireSession,
  shopperOf: ({ customerId, token, expiresAt }) => ({
    kind: "customer",
    id: customerId,
    token,
    expiresAt,
  }),
  tokenHeader: "X-Moltin-Customer-Token",
  associate: (client, cartID, id, headers) =>
    sdk.createCustomerCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "customer", id }] },
      headers,
    }),
  disassociate: (client, cartID, id, headers) =>
    sdk.deleteCustomerCartAssociation({
      client,
      path: { cartID },
      body: { data: [{ type: "customer", id }] },
      headers,
    }),
};
