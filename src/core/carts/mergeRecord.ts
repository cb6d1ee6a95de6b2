import { localStorageAdapter } from "../session/storage";

/** Merges remembered; a guest cart that old is long gone from every tab. */
const MAX_MERGES = 20;

/** What this page claimed, counted even where storage refuses writes (quota exceeded). */
const claimedHere = new Set<string>();

/** This page's merges in the air, by id: settled (either way) when their answer came. */
const inFlight = new Map<string, Promise<void>>();

// The guest-cart merges sent (hashes only), where the sessions' records are kept in memory.
const stored = localStorageAdapter("_epcc_merged_carts");

/** Reads what storage holds, which anyone can edit: anything but strings is left out. */
function read(): string[] {
  try {
    const ids: unknown = JSON.parse(stored.get() ?? "[]");
    return Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : [];
  } catch {
    // Corrupt entry: start over rather than fail the storefront.
    return [];
  }
}

const write = (ids: string[]) =>
  stored.set(ids.length > 0 ? JSON.stringify(ids.slice(0, MAX_MERGES)) : undefined);

/**
 * The guest-cart merges sent and not proven refused, per (guest cart, shopper), by their
 * hash — kept across sessions in `localStorage["_epcc_merged_carts"]`, whatever storage the
 * app chose for sessions: the same merge sent again would add every quantity twice, and a
 * hash names nobody. Read by every tab under the automatic call's Web Lock.
 */
export const mergeRecord = {
  /**
   * Records the merge unless it is recorded already — checked and written in one step, so
   * that of two tabs (without Web Locks) only one may send it. Whether it was free to send.
   */
  claim(mergeId: string): boolean {
    const ids = read();
    if (claimedHere.has(mergeId) || ids.includes(mergeId)) return false;
    claimedHere.add(mergeId);
    write([mergeId, ...ids]);
    return true;
  },
  /**
   * Until the merge of the same pair that this page has in the air settles (an ended
   * session's, when the shopper signed in again meanwhile): only then does the record say
   * whether it may be sent.
   */
  settled: (mergeId: string): Promise<void> => inFlight.get(mergeId) ?? Promise.resolve(),
  /** Notes the merge as in the air until `request` settles. */
  track(mergeId: string, request: Promise<unknown>): void {
    const settled = request.then(
      () => {},
      () => {},
    );
    inFlight.set(mergeId, settled);
    void settled.then(() => {
      if (inFlight.get(mergeId) === settled) inFlight.delete(mergeId);
    });
  },
  /** A merge not sent after all, or refused (a 4xx): nothing was copied, it may be sent later. */
  release(mergeId: string): void {
    claimedHere.delete(mergeId);
    write(read().filter((id) => id !== mergeId));
  },
};
