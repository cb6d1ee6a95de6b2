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
  /** Forgets the sessions' records; the merges are kept (see `merges`). */
  clear(): void;
  /**
   * The guest-cart merges sent and not proven refused, per (guest cart, shopper) — kept
   * across sessions, since the same merge sent again would add every quantity twice.
   */
  merges: {
    /**
     * Records the merge unless it is recorded already — checked and written in one step, so
     * that of two tabs only one may send it. Whether it was free to send.
     */
    claim(mergeId: string): boolean;
    /** A merge not sent after all, or refused (a 4xx): nothing was copied, it may be sent later. */
    release(mergeId: string): void;
  };
}

interface LedgerRecord {
  session: string;
  cartIds: string[];
}

interface LedgerState {
  sessions: LedgerRecord[];
  /** Hashes of (guest cart, shopper): what storage keeps after a logout names nobody. */
  merges: string[];
}

/**
 * Records of a few sessions, not just one: a call of an ended session can settle after the
 * next session has recorded its own (a slow answer across a logout and a login), and must
 * not erase it. The most recently written come first; older ones beyond this are dropped.
 */
const MAX_SESSIONS = 4;
/** Merges remembered; a guest cart that old is long gone from every tab. */
const MAX_MERGES = 20;

const isRecordOfSession = (record: LedgerRecord | undefined): record is LedgerRecord =>
  typeof record?.session === "string" &&
  Array.isArray(record.cartIds) &&
  record.cartIds.every((id: unknown) => typeof id === "string");

/**
 * Reads what storage holds, which anyone can edit: what is not a record is left out. An
 * array is what versions before merges wrote: the sessions' records alone.
 */
function parse(raw: string | undefined): LedgerState | undefined {
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as Partial<LedgerState> | LedgerRecord[] | null;
    const { sessions, merges } = Array.isArray(stored)
      ? { sessions: stored, merges: [] }
      : { ...stored };
    return {
      sessions: Array.isArray(sessions) ? sessions.filter(isRecordOfSession) : [],
      merges: Array.isArray(merges) ? merges.filter((id) => typeof id === "string") : [],
    };
  } catch {
    // Corrupt entry: start over rather than fail the storefront.
    return undefined;
  }
}

/**
 * The ledger over `storage`, with the merges in `mergeStorage` when that is another adapter:
 * a provider that keeps the sessions' records in memory (the app keeps its sessions in
 * storage of its own) still keeps the merges in `localStorage`, where a reload finds them —
 * hashes that name nobody.
 */
export function createAssociationLedger(
  storage: StorageAdapter,
  mergeStorage: StorageAdapter = storage,
): AssociationLedger {
  // Mirrors storage so the ledger also works where storage writes go nowhere (no window).
  let memory: LedgerState = { sessions: [], merges: [] };
  // The merges this page sent count even when storage did not take them (quota exceeded).
  const read = (): LedgerState => ({
    sessions: (parse(storage.get()) ?? memory).sessions,
    merges: [...new Set([...(parse(mergeStorage.get()) ?? memory).merges, ...memory.merges])],
  });
  const put = (adapter: StorageAdapter, state: LedgerState) =>
    adapter.set(
      state.sessions.length + state.merges.length > 0 ? JSON.stringify(state) : undefined,
    );
  const write = (state: LedgerState) => {
    memory = state;
    if (mergeStorage === storage) return put(storage, state);
    put(storage, { sessions: state.sessions, merges: [] });
    put(mergeStorage, { sessions: [], merges: state.merges });
  };
  return {
    has(sessionId, cartId) {
      return read().sessions.some(
        (record) => record.session === sessionId && record.cartIds.includes(cartId),
      );
    },
    add(sessionId, cartId) {
      const { sessions, merges } = read();
      const own = sessions.find((record) => record.session === sessionId);
      if (own?.cartIds.includes(cartId)) return;
      const others = sessions.filter((record) => record !== own);
      write({
        sessions: [
          { session: sessionId, cartIds: [...(own?.cartIds ?? []), cartId] },
          ...others,
        ].slice(0, MAX_SESSIONS),
        merges,
      });
    },
    clear() {
      write({ sessions: [], merges: read().merges });
    },
    merges: {
      claim(mergeId) {
        const state = read();
        if (state.merges.includes(mergeId)) return false;
        write({ ...state, merges: [mergeId, ...state.merges].slice(0, MAX_MERGES) });
        return true;
      },
      release(mergeId) {
        const state = read();
        write({ ...state, merges: state.merges.filter((id) => id !== mergeId) });
      },
    },
  };
}
