import type { BillingAddress, ShippingAddress } from "@epcc-sdk/sdks-shopper";
import { invalidInput } from "../errors/ElasticPathError";
import { requireEmail, requireObject, requireText } from "../errors/validate";

/**
 * What `useCheckout` takes: addresses in camelCase, mapped to Elastic Path's fields
 * (`first_name`, `line_1`, …). Required as in Elastic Path's schema: `firstName`, `lastName`,
 * `line1`, `postcode`, `country`, and `region` or `county`.
 */
export interface CheckoutAddress {
  firstName: string;
  lastName: string;
  companyName?: string;
  phoneNumber?: string;
  line1: string;
  line2?: string;
  city?: string;
  county?: string;
  region?: string;
  postcode: string;
  country: string;
  instructions?: string;
}

export interface CheckoutInput {
  /** The buyer's email: required for a guest and an account member, not sent for a customer. */
  email?: string;
  /** The buyer's name: required for a guest and an account member, not sent for a customer. */
  name?: string;
  billingAddress: CheckoutAddress;
  shippingAddress: CheckoutAddress;
  /** Your own order number, kept on the order. */
  orderNumber?: string;
}

const FIELDS = [
  ["firstName", "first_name", true],
  ["lastName", "last_name", true],
  ["companyName", "company_name", false],
  ["phoneNumber", "phone_number", false],
  ["line1", "line_1", true],
  ["line2", "line_2", false],
  ["city", "city", false],
  ["county", "county", false],
  ["region", "region", false],
  ["postcode", "postcode", true],
  ["country", "country", true],
  ["instructions", "instructions", false],
] as const;

/** One address in Elastic Path's fields; a missing required field is named in the sentence. */
function addressOf(field: string, value: unknown): BillingAddress & ShippingAddress {
  const input = requireObject(field, value);
  const address: Record<string, string> = {};
  for (const [name, wire, required] of FIELDS) {
    const given = input[name];
    if (given === undefined && !required) continue;
    if (given === undefined) throw invalidInput(`${field}.${name} is required.`);
    address[wire] = requireText(`${field}.${name}`, given, 1000);
  }
  if (address.region === undefined && address.county === undefined) {
    throw invalidInput(`${field} needs a region or a county.`);
  }
  return address as unknown as BillingAddress & ShippingAddress;
}

/** The input, checked before any request: what every form of the body shares, and the buyer. */
export function checkCheckout(value: unknown, needsBuyer: boolean) {
  const input = requireObject("input", value);
  const buyer = needsBuyer
    ? { email: requireEmail("email", input.email), name: requireText("name", input.name, 255) }
    : undefined;
  const { orderNumber } = input;
  if (orderNumber !== undefined) requireText("orderNumber", orderNumber, 64);
  return {
    buyer,
    shared: {
      billing_address: addressOf("billingAddress", input.billingAddress),
      shipping_address: addressOf("shippingAddress", input.shippingAddress),
      ...(orderNumber === undefined ? {} : { order_number: orderNumber as string }),
    },
  };
}
