/**
 * Guest carts the way a storefront makes them: through the SDK (`createACart`, then
 * `manageCarts` with custom items, so no catalog is needed), on the fake or a real store.
 */
import { createACart, manageCarts, type Client } from "@epcc-sdk/sdks-shopper";

export interface CustomItem {
  name: string;
  sku?: string;
  quantity: number;
  /** Unit price in the currency's minor unit (cents). */
  amount: number;
}

/** Guest carts made so far by each story's client: "Guest cart 1", "Guest cart 2", ... */
const guestCartsMade = new WeakMap<Client, number>();

/** The next guest cart's name: distinct within a story, so "My carts" tells them apart. */
function nextGuestCartName(client: Client): string {
  const count = (guestCartsMade.get(client) ?? 0) + 1;
  guestCartsMade.set(client, count);
  return `Guest cart ${count}`;
}

export async function createGuestCart(
  client: Client,
  { contactEmail }: { contactEmail?: string } = {},
): Promise<string> {
  const name = nextGuestCartName(client);
  const { data, response } = await createACart({
    client,
    body: {
      data: { name, ...(contactEmail && { contact: { email: contactEmail } }) },
    },
  });
  const cartId = data?.data?.id;
  if (!cartId) throw new Error(`Creating a cart failed with HTTP ${response.status}.`);
  return cartId;
}

export async function addCustomItem(client: Client, cartId: string, item: CustomItem) {
  const { response } = await manageCarts({
    client,
    path: { cartID: cartId },
    body: {
      data: {
        type: "custom_item",
        name: item.name,
        sku: item.sku,
        quantity: item.quantity,
        price: { amount: item.amount },
      },
    },
  });
  if (!response.ok) throw new Error(`Adding ${item.name} failed with HTTP ${response.status}.`);
}

/** A guest cart holding `items`, created through the SDK; resolves to its id. */
export async function fillGuestCart(
  client: Client,
  items: CustomItem[],
  options?: { contactEmail?: string },
): Promise<string> {
  const cartId = await createGuestCart(client, options);
  // One at a time, as a shopper adds them (and so the request log reads in order).
  for (const item of items) await addCustomItem(client, cartId, item);
  return cartId;
}
