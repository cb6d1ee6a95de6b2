import type { StorageAdapter } from "../session/storage";

/**
 * The (cart, shopper) pairs whose automatic association has settled — sent and answered
 * 200/204, or refused for good — per session. Kept where the provider says (by default
 * `localStorage`, so neither a reload nor another tab sends them again); holds ids and a
 * hash of the session only, never a token.
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

/**
 * Records of a few sessions, not just one: a call of an ended session can settle after the
 * next session has recorded its own (a slow answer across a logout and a login), and must
 * not erase it. The most recently written come first; older ones beyond this are dropped.
 */
const MAX_SESSIONS = 4;

/** Reads what storage holds, which anyone can edit: what is not a record is left out. */
function parse(raw: string | undefined): LedgerRecord[] | undefined {
  if (!raw) return undefined;
  try {
    const records: unknown = JSON.parse(raw);
    if (!Array.isArray(records)) return undefined;
    return records.filter(
      (record): record is LedgerRecord =>
        typeof record?.session === "string" &&
        Array.isArray(record.cartIds) &&
        record.cartIds.every((id: unknown) => typeof id === "string"),
    );
  } catch {
    // Corrupt entry: start over rather than fail the storefront.
    return undefined;
  }
}

export function createAssociationLedger(storage: StorageAdapter): AssociationLedger {
  // Mirrors storage so the ledger also works where storage writes go nowhere (no window).
  let memory: LedgerRecord[] = [];
  const read = () => parse(storage.get()) ?? memory;
  return {
    has(sessionId, cartId) {
      return read().some(
        (record) => record.session === sessionId && record.cartIds.includes(cartId),
      );
    },
    add(sessionId, cartId) {
      const records = read();
      const own = records.find((record) => record.session === sessionId);
      if (own?.cartIds.includes(cartId)) return;
      const others = records.filter((record) => record !== own);
      memory = [
        { session: sessionId, cartIds: [...(own?.cartIds ?? []), cartId] },
        ...others,
      ].slice(0, MAX_SESSIONS);
      storage.set(JSON.stringify(memory));
    },
    clear() {
      memory = [];
      storage.set(undefined);
    },
  };
}
