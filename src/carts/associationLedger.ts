import {
  localStorageAdapter,
  ASSOCIATION_LEDGER_STORAGE_KEY,
  type StorageAdapter,
} from "../provider/storage";

/**
 * The (cart, customer) pairs whose automatic association has settled — sent and answered
 * 200/204, or refused for good — in one session. Kept in `localStorage` so neither a
 * reload nor another tab sends them again; holds ids only, never a token.
 */
export interface AssociationLedger {
  has(sessionId: string, cartId: string): boolean;
  add(sessionId: string, cartId: string): void;
  clear(): void;
}

interface LedgerRecord {
  session: string;
  cartIds: string[];
}

function parse(raw: string | undefined): LedgerRecord | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === "object" &&
      value !== null &&
      "session" in value &&
      "cartIds" in value &&
      typeof value.session === "string" &&
      Array.isArray(value.cartIds)
    ) {
      return {
        session: value.session,
        cartIds: value.cartIds.filter((id): id is string => typeof id === "string"),
      };
    }
  } catch {
    // Corrupt entry: start over rather than fail the storefront.
  }
  return undefined;
}

export function createAssociationLedger(
  storage: StorageAdapter = localStorageAdapter(ASSOCIATION_LEDGER_STORAGE_KEY),
): AssociationLedger {
  // Mirrors storage so the ledger also works where storage writes go nowhere (no window).
  let memory: LedgerRecord | undefined;
  const read = () => parse(storage.get()) ?? memory;
  return {
    has(sessionId, cartId) {
      const record = read();
      return record?.session === sessionId && record.cartIds.includes(cartId);
    },
    add(sessionId, cartId) {
      const record = read();
      const cartIds = record?.session === sessionId ? record.cartIds : [];
      if (cartIds.includes(cartId)) return;
      memory = { session: sessionId, cartIds: [...cartIds, cartId] };
      storage.set(JSON.stringify(memory));
    },
    clear() {
      memory = undefined;
      storage.set(undefined);
    },
  };
}
