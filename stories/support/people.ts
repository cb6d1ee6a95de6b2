/**
 * Who shops in the demos. These accounts exist only inside the fake Elastic Path that each
 * story creates in the browser: they are shown on screen so anyone can log in.
 */
export interface DemoPerson {
  name: string;
  email: string;
  password: string;
}

export const DEMO_SHOPPER: DemoPerson = {
  name: "Ada Lovelace",
  email: "ada@example.com",
  password: "analytical-engine",
};

export const OTHER_SHOPPER: DemoPerson = {
  name: "Grace Hopper",
  email: "grace@example.com",
  password: "compiler-1952",
};

/** What a guest put in their cart before the story starts. Amounts are cents (USD on the fake). */
export const GUEST_ITEMS = [
  { name: "Wool socks", sku: "socks", quantity: 2, amount: 1200 },
  { name: "Canvas tote bag", sku: "tote", quantity: 1, amount: 2500 },
];
