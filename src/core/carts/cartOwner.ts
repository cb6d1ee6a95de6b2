import type { Client } from "@epcc-sdk/sdks-shopper";
import type { ShopperKind } from "../session/sessionKind";

/** What an association call answers: the SDK's result, 2xx or not. */
export interface RelationshipAnswer {
  response: Response;
  error?: unknown;
}

/** One of the SDK's cart relationship calls, for one cart and one owner. */
export type RelationshipCall = (
  client: Client,
  cartId: string,
  ownerId: string,
  headers: Record<string, string> | undefined,
) => Promise<RelationshipAnswer>;

/**
 * Who a cart can belong to — a customer or an account — and how Elastic Path is asked about
 * it: the header the shopper's token travels in, and the SDK's relationship calls. One
 * descriptor per kind, so the code around it exists once and an app on customers only
 * carries no account code.
 */
export interface CartOwner<Kind extends ShopperKind = ShopperKind> {
  kind: Kind;
  tokenHeader: "X-Moltin-Customer-Token" | "EP-Account-Management-Authentication-Token";
  associate: RelationshipCall;
  disassociate: RelationshipCall;
}
