/**
 * Who buys in the B2B demo: one account member acting for two accounts (Elastic Path's
 * Account Management). Like the shoppers in people.ts, they exist only inside the fake
 * Elastic Path of each story, and are shown on screen so anyone can sign in.
 */
import type { FakeElasticPath } from "../../src/testing";

export interface DemoAccount {
  id: string;
  name: string;
}

export interface DemoAccountMember {
  id: string;
  name: string;
  username: string;
  password: string;
}

/** Fixed UUIDs, so a play function can name the accounts the way the seed made them. */
export const BUSINESS_ACCOUNT: DemoAccount = {
  id: "6f1c2a7e-3b1d-4c55-9a2e-0d4b8e6f7a11",
  name: "Analytical Engines Ltd",
};

export const FAMILY_ACCOUNT: DemoAccount = {
  id: "0b9d4e3c-8a72-4f1e-b6d5-2c7a9e1f4d22",
  name: "The Lovelaces",
};

/** A member of both accounts; the login answer lists the business first, as seeded. */
export const ACCOUNT_MEMBER: DemoAccountMember = {
  id: "c4e8a1b2-5d3f-4a6e-9b7c-1e2f3a4b5c33",
  name: "Ada Lovelace",
  username: "ada@example.org",
  password: "difference-engine",
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the business and the family saved before the story, on other devices. */
export const SAVED_CARTS = {
  [BUSINESS_ACCOUNT.id]: [
    { name: "Office supplies", items: [{ name: "Punched cards", quantity: 500, amount: 2 }] },
    { name: "Workshop parts", items: [{ name: "Brass gear", quantity: 12, amount: 450 }] },
  ],
  [FAMILY_ACCOUNT.id]: [
    { name: "Weekend groceries", items: [{ name: "Coffee beans", quantity: 1, amount: 1800 }] },
    { name: "Birthday presents", items: [{ name: "Kite", quantity: 1, amount: 3900 }] },
  ],
};

/** Seeds both accounts, the member and their saved carts straight into the fake (no requests). */
export function seedB2b(fake: FakeElasticPath): void {
  for (const account of [BUSINESS_ACCOUNT, FAMILY_ACCOUNT]) {
    fake.seedAccount(account);
    SAVED_CARTS[account.id]?.forEach((cart, index) =>
      fake.seedCart({
        ...cart,
        accountIds: [account.id],
        // Older than anything made during the story, newest first in the order listed.
        updatedAt: Date.now() - (index + 1) * DAY_MS,
      }),
    );
  }
  fake.seedAccountMember({
    ...ACCOUNT_MEMBER,
    accountIds: [BUSINESS_ACCOUNT.id, FAMILY_ACCOUNT.id],
  });
}
