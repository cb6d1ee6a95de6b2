/**
 * `POST /v2/carts/:cartId/checkout`: a new order from the cart, for a guest (`customer:
 * { email, name }`), a customer (`customer: { id }` with their X-Moltin-Customer-Token),
 * an account member (`contact` with their EP-Account-Management-Authentication-Token), or
 * a trusted server (client credentials: `customer.id`, or `account: { id, member_id }`).
 * As carts-and-orders.yaml's CustomerCheckout and AccountCheckout describe the body: both
 * addresses need `first_name`, `last_name`, `line_1`, `postcode`, `country`, and `region`
 * or `county`. Every checkout makes a new order; the cart stays as it was.
 *
 * Checks run in this order: cart id, shopper token (401), who checks out (403/400), the
 * body's fields (400, or the `checkoutValidationStatus` option), then the cart: not empty,
 * enough stock (400 "Insufficient stock"). A refusal changes nothing.
 */
import { badRequest, insufficientStock } from "../errors";
import {
  accountCheckoutWithCustomer,
  CHECKOUT_ALLOCATES_STOCK,
  checkoutEmptyCart,
  checkoutFieldMissing,
  checkoutForAnotherCustomer,
  checkoutWithoutShopperToken,
  EXTERNAL_REF_MAX_LENGTH,
  unknownAccount,
  unknownCustomer,
} from "../inferred";
import { renderOrder } from "../orderView";
import type { NewOrder, StoredAddress } from "../orders";
import { json, type FakeReply } from "../reply";
import type { FakeRequest, FakeRuntime, Route } from "../route";
import { productOf } from "./productItems";
import { cartIdParam, isRecord, jsonBody, shopperOfRequest, type Checked } from "./shared";

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const ADDRESS_REQUIRED = ["first_name", "last_name", "line_1", "postcode", "country"] as const;
const ADDRESS_OPTIONAL = [
  "company_name",
  "line_2",
  "city",
  "county",
  "region",
  "phone_number",
  "instructions",
] as const;

type Who = Pick<NewOrder, "customer" | "contact" | "accountId" | "accountMemberId">;

const refused = (reply: FakeReply): Checked<never> => ({ ok: false, reply });

export const checkoutRoute: Route = {
  endpoint: "checkout",
  method: "POST",
  path: "/v2/carts/:cartId/checkout",
  needsBearer: true,
  handle(request, runtime) {
    const cartId = cartIdParam(request);
    if (!cartId.ok) return cartId.reply;
    const body = jsonBody(request);
    if (!body.ok) return body.reply;
    const data = isRecord(body.value) ? body.value.data : undefined;
    if (!isRecord(data)) return badRequest("data must be an object.");
    const missing = (field: string) =>
      refused(checkoutFieldMissing(field, runtime.checkoutValidationStatus));

    const who = whoChecksOut(request, runtime, data, missing);
    if (!who.ok) return who.reply;
    const billing = address(data, "billing_address", missing);
    if (!billing.ok) return billing.reply;
    const shipping = address(data, "shipping_address", missing);
    if (!shipping.ok) return shipping.reply;
    const references = orderReferences(data);
    if (!references.ok) return references.reply;

    const { store, catalog, orders } = runtime;
    const cart = store.getCart(cartId.value);
    if (!cart || cart.items.length === 0) return checkoutEmptyCart(cartId.value);
    for (const item of cart.items) {
      if (!item.product) continue;
      const product = productOf(runtime, item.product);
      if (item.quantity > catalog.available(product, item.product.location)) {
        return insufficientStock(product);
      }
    }
    if (CHECKOUT_ALLOCATES_STOCK) {
      for (const item of cart.items) {
        if (item.product) {
          catalog.allocate(productOf(runtime, item.product), item.product.location, item.quantity);
        }
      }
    }
    const order = orders.create(
      {
        ...references.value,
        ...who.value,
        currency: cart.currency,
        billingAddress: billing.value,
        shippingAddress: shipping.value,
      },
      cart,
    );
    return json(201, { data: renderOrder(order, runtime.baseUrl) });
  },
};

/** Who the order is for, from the shopper token, the bearer and the body's form. */
function whoChecksOut(
  request: FakeRequest,
  runtime: FakeRuntime,
  data: Record<string, unknown>,
  missing: (field: string) => Checked<never>,
): Checked<Who> {
  const shopper = shopperOfRequest(request, runtime);
  if (!shopper.ok) return shopper;
  const trusted = request.bearer === "client_credentials";
  const customer = isRecord(data.customer) ? data.customer : undefined;

  if (data.account !== undefined) {
    if (!trusted) return refused(checkoutWithoutShopperToken("account"));
    const account = isRecord(data.account) ? data.account : {};
    if (typeof account.id !== "string") return missing("data.account.id");
    if (typeof account.member_id !== "string") return missing("data.account.member_id");
    const member = runtime.store.getAccountMember(account.member_id);
    if (!runtime.store.getAccount(account.id) || !member?.accountIds.includes(account.id)) {
      return refused(unknownAccount(account.id));
    }
    const contact = isRecord(data.contact)
      ? person(data.contact, "data.contact", missing)
      : undefined;
    if (contact && !contact.ok) return contact;
    return {
      ok: true,
      value: {
        accountId: account.id,
        accountMemberId: member.id,
        contact: contact?.value ?? { name: member.name, email: member.email },
      },
    };
  }

  if (shopper.value.kind === "account") {
    if (customer) return refused(accountCheckoutWithCustomer());
    const contact = person(isRecord(data.contact) ? data.contact : {}, "data.contact", missing);
    if (!contact.ok) return contact;
    const { accountId, accountMemberId } = shopper.value;
    return { ok: true, value: { contact: contact.value, accountId, accountMemberId } };
  }

  const customerId =
    typeof customer?.id === "string"
      ? customer.id
      : shopper.value.kind === "customer"
        ? shopper.value.customerId
        : undefined;
  if (customerId !== undefined) {
    if (shopper.value.kind === "customer" && shopper.value.customerId !== customerId) {
      return refused(checkoutForAnotherCustomer());
    }
    if (shopper.value.kind === "guest" && !trusted) {
      return refused(checkoutWithoutShopperToken("customer"));
    }
    const seeded = runtime.store.getCustomer(customerId);
    if (!seeded) return refused(unknownCustomer(customerId));
    const name = typeof customer?.name === "string" ? customer.name : seeded.name;
    const email = typeof customer?.email === "string" ? customer.email : seeded.email;
    return { ok: true, value: { customer: { id: customerId, name, email } } };
  }

  // A guest: the customer object is the order's only record of who bought.
  const guest = person(customer ?? {}, "data.customer", missing);
  if (!guest.ok) return guest;
  return { ok: true, value: { customer: guest.value } };
}

function person(
  value: Record<string, unknown>,
  path: string,
  missing: (field: string) => Checked<never>,
): Checked<{ name: string; email: string }> {
  const { email, name } = value;
  if (typeof email !== "string" || !EMAIL.test(email)) return missing(`${path}.email`);
  if (typeof name !== "string" || name.trim() === "") return missing(`${path}.name`);
  return { ok: true, value: { name, email } };
}

function address(
  data: Record<string, unknown>,
  key: "billing_address" | "shipping_address",
  missing: (field: string) => Checked<never>,
): Checked<StoredAddress> {
  const value = data[key];
  if (!isRecord(value)) return missing(`data.${key}`);
  const result: StoredAddress = {};
  for (const field of ADDRESS_REQUIRED) {
    const text = value[field];
    if (typeof text !== "string" || text.trim() === "") return missing(`data.${key}.${field}`);
    result[field] = text;
  }
  for (const field of ADDRESS_OPTIONAL) {
    const text = value[field];
    if (text === undefined) continue;
    if (typeof text !== "string")
      return refused(badRequest(`data.${key}.${field} must be a string.`));
    result[field] = text;
  }
  // AddressWithRegion or AddressWithCounty: one of the two, at least.
  if (!result.region && !result.county) return missing(`data.${key}.region`);
  return { ok: true, value: result };
}

function orderReferences(
  data: Record<string, unknown>,
): Checked<Pick<NewOrder, "orderNumber" | "externalRef">> {
  const { order_number: orderNumber, external_ref: externalRef } = data;
  if (orderNumber !== undefined && typeof orderNumber !== "string") {
    return refused(badRequest("data.order_number must be a string."));
  }
  if (
    externalRef !== undefined &&
    (typeof externalRef !== "string" || externalRef.length > EXTERNAL_REF_MAX_LENGTH)
  ) {
    return refused(
      badRequest(
        `data.external_ref must be a string of at most ${EXTERNAL_REF_MAX_LENGTH} characters.`,
      ),
    );
  }
  return {
    ok: true,
    value: {
      ...(orderNumber !== undefined && { orderNumber }),
      ...(externalRef !== undefined && { externalRef }),
    },
  };
}
