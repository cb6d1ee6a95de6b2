/**
 * Input checks for the public controls: a mistake in a test's setup should fail at the
 * call, in one sentence, not as a puzzling answer later.
 */
import { ElasticPathError } from "../core/errors/ElasticPathError";
import { SAFE_ID } from "./errors";
import type {
  FakeElasticPathOptions,
  FakeEndpoint,
  FakeFault,
  FakeLatency,
  SeedAccountInput,
  SeedAccountMemberInput,
  SeedCartInput,
  SeedCustomerInput,
  SeedCustomItem,
  SeedProductInput,
  SeedPromotionInput,
} from "./types";

/** Every endpoint the fake answers, e.g. for a fault-injection control. */
export const fakeEndpoints: readonly FakeEndpoint[] = [
  "access-token",
  "customer-token",
  "create-cart",
  "list-carts",
  "get-cart",
  "update-cart",
  "delete-cart",
  "add-items",
  "update-item",
  "delete-item",
  "clear-items",
  "delete-discount",
  "checkout",
  "list-orders",
  "get-order",
  "get-order-items",
  "associate",
  "disassociate",
  "account-member-token",
  "associate-account",
  "disassociate-account",
];

const FAULT_STATUSES = [429, 500, 502, 503, 504];

/** Elastic Path's currency codes are ISO 4217's: three capital letters. */
const ISO_4217 = /^[A-Z]{3}$/;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

export function checkOptions(options: FakeElasticPathOptions): void {
  if (options.baseUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(options.baseUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash) {
      throw new ElasticPathError(
        `createFakeElasticPath: baseUrl must be an absolute http(s) URL without query or hash, got "${options.baseUrl}".`,
      );
    }
  }
  if (options.clientId !== undefined && !isNonEmptyString(options.clientId)) {
    throw new ElasticPathError("createFakeElasticPath: clientId must be a non-empty string.");
  }
  if (options.clientSecret !== undefined && !isNonEmptyString(options.clientSecret)) {
    throw new ElasticPathError("createFakeElasticPath: clientSecret must be a non-empty string.");
  }
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new ElasticPathError(
      "createFakeElasticPath: now must be a function returning epoch milliseconds.",
    );
  }
  checkLatency(options.latencyMs, "createFakeElasticPath: latencyMs");
  if (options.passwordProfileId !== undefined && !isNonEmptyString(options.passwordProfileId)) {
    throw new ElasticPathError(
      "createFakeElasticPath: passwordProfileId must be a non-empty string.",
    );
  }
  for (const flag of [
    "selfSignup",
    "autoCreateAccountForAccountMembers",
    "separateItemsByLocation",
  ] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== "boolean") {
      throw new ElasticPathError(`createFakeElasticPath: ${flag} must be true or false.`);
    }
  }
  const validation = options.checkoutValidationStatus;
  if (validation !== undefined && validation !== 400 && validation !== 422) {
    throw new ElasticPathError(
      `createFakeElasticPath: checkoutValidationStatus must be 400 or 422, got ${JSON.stringify(validation)}.`,
    );
  }
  const expires = options.accountTokenExpires;
  if (expires !== undefined && expires !== "date-time" && expires !== "epoch-seconds") {
    throw new ElasticPathError(
      `createFakeElasticPath: accountTokenExpires must be "date-time" or "epoch-seconds", got ${JSON.stringify(expires)}.`,
    );
  }
}

export function checkLatency(latency: FakeLatency | undefined, name: string): void {
  if (latency === undefined || typeof latency === "function") return;
  if (typeof latency !== "number" || !Number.isFinite(latency) || latency < 0) {
    throw new ElasticPathError(
      `${name} must be a number of milliseconds >= 0 or a function, got ${String(latency)}.`,
    );
  }
}

export function checkCustomerInput(input: SeedCustomerInput): void {
  if (!isNonEmptyString(input?.email) || !input.email.includes("@")) {
    throw new ElasticPathError("seedCustomer needs an email address.");
  }
  if (!isNonEmptyString(input.password))
    throw new ElasticPathError("seedCustomer needs a non-empty password.");
  if (input.id !== undefined && !isNonEmptyString(input.id)) {
    throw new ElasticPathError("seedCustomer: id must be a non-empty string when given.");
  }
  if (input.name !== undefined && typeof input.name !== "string") {
    throw new ElasticPathError("seedCustomer: name must be a string when given.");
  }
}

export function checkAccountInput(input: SeedAccountInput): void {
  if (!isNonEmptyString(input?.name)) {
    throw new ElasticPathError("seedAccount needs a non-empty name.");
  }
  if (input.id !== undefined && !isNonEmptyString(input.id)) {
    throw new ElasticPathError("seedAccount: id must be a non-empty string when given.");
  }
}

export function checkAccountMemberInput(input: SeedAccountMemberInput): void {
  if (!isNonEmptyString(input?.username)) {
    throw new ElasticPathError("seedAccountMember needs a non-empty username.");
  }
  if (!isNonEmptyString(input.password)) {
    throw new ElasticPathError("seedAccountMember needs a non-empty password.");
  }
  if (input.id !== undefined && !isNonEmptyString(input.id)) {
    throw new ElasticPathError("seedAccountMember: id must be a non-empty string when given.");
  }
  if (input.name !== undefined && typeof input.name !== "string") {
    throw new ElasticPathError("seedAccountMember: name must be a string when given.");
  }
  if (
    input.email !== undefined &&
    (typeof input.email !== "string" || !input.email.includes("@"))
  ) {
    throw new ElasticPathError("seedAccountMember: email must be an email address when given.");
  }
  checkIdList(input.accountIds, "seedAccountMember: accountIds", { required: true });
}

/** An array of distinct id strings (whether each names something seeded is the caller's check). */
export function checkIdList(
  ids: unknown,
  name: string,
  { required = false }: { required?: boolean } = {},
): void {
  if (ids === undefined && !required) return;
  if (!Array.isArray(ids)) {
    throw new ElasticPathError(
      `${name} must be an array of seeded account ids (empty for none), got ${JSON.stringify(ids)}.`,
    );
  }
  const seen = new Set<unknown>();
  for (const id of ids) {
    if (seen.has(id)) throw new ElasticPathError(`${name} lists "${String(id)}" twice.`);
    seen.add(id);
  }
}

export function checkOidcCodeInput(
  input: { redirectUri: string; codeVerifier: string },
  name: string,
): void {
  if (!isNonEmptyString(input?.redirectUri)) {
    throw new ElasticPathError(`${name} needs a redirectUri.`);
  }
  if (!isNonEmptyString(input.codeVerifier)) {
    throw new ElasticPathError(`${name} needs a codeVerifier.`);
  }
}

export function checkCartInput(input: SeedCartInput, name: string): void {
  if (typeof input !== "object" || input === null) {
    throw new ElasticPathError(`${name} takes an object of cart fields.`);
  }
  if (input.id !== undefined && (typeof input.id !== "string" || !SAFE_ID.test(input.id))) {
    throw new ElasticPathError(
      `${name}: id may only contain letters, digits, "-" and "_", got "${String(input.id)}".`,
    );
  }
  if (input.name !== undefined && (typeof input.name !== "string" || input.name === "")) {
    throw new ElasticPathError(`${name}: name must be a non-empty string when given.`);
  }
  if (
    input.currency !== undefined &&
    (typeof input.currency !== "string" || !ISO_4217.test(input.currency))
  ) {
    throw new ElasticPathError(
      `${name}: currency must be a three-letter ISO 4217 code such as "EUR", got ${JSON.stringify(input.currency)}.`,
    );
  }
  if (input.updatedAt !== undefined && !Number.isFinite(input.updatedAt)) {
    throw new ElasticPathError(`${name}: updatedAt must be epoch milliseconds.`);
  }
  if (input.contactEmail !== undefined && input.customerIds?.length) {
    throw new ElasticPathError(
      `${name}: a cart with a contactEmail cannot have customers, as in Elastic Path.`,
    );
  }
  checkIdList(input.accountIds, `${name}: accountIds`);
  if (input.contactEmail !== undefined && input.accountIds?.length) {
    throw new ElasticPathError(
      `${name}: a cart with a contactEmail cannot have accounts, as in Elastic Path.`,
    );
  }
  input.items?.forEach((item, index) => checkItem(item, `${name}: items[${index}]`));
}

function checkItem(item: SeedCustomItem, name: string): void {
  if (!isNonEmptyString(item?.name)) throw new ElasticPathError(`${name} needs a name.`);
  if (!isPositiveInteger(item.quantity)) {
    throw new ElasticPathError(
      `${name}: quantity must be a positive integer, got ${String(item.quantity)}.`,
    );
  }
  if (typeof item.amount !== "number" || !Number.isInteger(item.amount) || item.amount < 0) {
    throw new ElasticPathError(
      `${name}: amount must be an integer >= 0 in minor units, got ${String(item.amount)}.`,
    );
  }
}

export function checkCount(count: number, name: string): void {
  if (!isPositiveInteger(count)) {
    throw new ElasticPathError(`${name}: count must be a positive integer, got ${String(count)}.`);
  }
}

export function checkEndpoint(endpoint: FakeEndpoint, name: string): void {
  if (!fakeEndpoints.includes(endpoint)) {
    throw new ElasticPathError(
      `${name}: unknown endpoint "${String(endpoint)}"; use one of ${fakeEndpoints.join(", ")}.`,
    );
  }
}

export function checkFault(fault: FakeFault): void {
  if (typeof fault !== "object" || fault === null) {
    throw new ElasticPathError(
      "failNext: fault must be { status: 429 | 500 | 502 | 503 | 504 } or { network: true }.",
    );
  }
  if ("afterApplying" in fault && typeof fault.afterApplying !== "boolean") {
    throw new ElasticPathError(
      `failNext: afterApplying must be true or false, got ${JSON.stringify(fault.afterApplying)}.`,
    );
  }
  if ("network" in fault) {
    if (fault.network !== true)
      throw new ElasticPathError("failNext: a network fault is { network: true }.");
    return;
  }
  if (!FAULT_STATUSES.includes(fault.status)) {
    throw new ElasticPathError(
      `failNext: fault status must be 429, 500, 502, 503 or 504, got ${String(fault.status)}.`,
    );
  }
  if (fault.status === 429 && "afterApplying" in fault) {
    throw new ElasticPathError(
      "failNext: a 429 cannot have afterApplying: Elastic Path answers 429 to requests it did not serve.",
    );
  }
  if (fault.status === 429 && fault.retryAfter !== undefined) {
    const { retryAfter } = fault;
    const valid =
      typeof retryAfter === "number"
        ? Number.isFinite(retryAfter) && retryAfter >= 0
        : isNonEmptyString(retryAfter);
    if (!valid) {
      throw new ElasticPathError(
        "failNext: retryAfter must be seconds >= 0 or an HTTP date string.",
      );
    }
  }
}

function isMinorUnits(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function checkCurrencyCode(code: string, name: string): void {
  if (!ISO_4217.test(code)) {
    throw new ElasticPathError(
      `${name}: currencies are three-letter ISO 4217 codes such as "USD", got ${JSON.stringify(code)}.`,
    );
  }
}

export function checkProductInput(input: SeedProductInput): void {
  if (!isNonEmptyString(input?.sku)) throw new ElasticPathError("seedProduct needs a SKU.");
  if (!isNonEmptyString(input.name)) throw new ElasticPathError("seedProduct needs a name.");
  if (input.id !== undefined && !isNonEmptyString(input.id)) {
    throw new ElasticPathError("seedProduct: id must be a non-empty string when given.");
  }
  if (typeof input.prices !== "object" || input.prices === null) {
    throw new ElasticPathError("seedProduct needs prices, e.g. { USD: { amount: 450 } }.");
  }
  for (const [currency, price] of Object.entries(input.prices)) {
    checkCurrencyCode(currency, "seedProduct");
    if (!isMinorUnits(price?.amount)) {
      throw new ElasticPathError(
        `seedProduct: prices.${currency}.amount must be an integer >= 0 in minor units.`,
      );
    }
  }
  const { stock } = input;
  if (stock === undefined || isMinorUnits(stock)) return;
  if (typeof stock !== "object" || stock === null || Array.isArray(stock)) {
    throw new ElasticPathError(
      "seedProduct: stock must be a count >= 0 or counts per location, e.g. { warehouse: 3 }.",
    );
  }
  for (const [location, count] of Object.entries(stock)) {
    if (!isMinorUnits(count)) {
      throw new ElasticPathError(`seedProduct: stock.${location} must be an integer >= 0.`);
    }
  }
}

export function checkPromotionInput(input: SeedPromotionInput): void {
  if (!isNonEmptyString(input?.code)) throw new ElasticPathError("seedPromotion needs a code.");
  const { percentOff, amountOff } = input;
  if ((percentOff === undefined) === (amountOff === undefined)) {
    throw new ElasticPathError("seedPromotion needs exactly one of percentOff and amountOff.");
  }
  if (
    percentOff !== undefined &&
    (typeof percentOff !== "number" || !(percentOff > 0 && percentOff <= 100))
  ) {
    throw new ElasticPathError("seedPromotion: percentOff must be a number from 1 to 100.");
  }
  if (amountOff !== undefined) {
    if (typeof amountOff !== "object" || amountOff === null) {
      throw new ElasticPathError(
        "seedPromotion: amountOff is minor units by currency, e.g. { USD: 500 }.",
      );
    }
    for (const [currency, amount] of Object.entries(amountOff)) {
      checkCurrencyCode(currency, "seedPromotion");
      if (!isMinorUnits(amount)) {
        throw new ElasticPathError(`seedPromotion: amountOff.${currency} must be an integer >= 0.`);
      }
    }
  }
}
