/**
 * Where the provider keeps a string between page loads. The same shape as the SDK's own
 * storage adapters (which it does not export), so those can be passed as they are.
 *
 * @example
 * ```ts
 * const sessionStorageAdapter: StorageAdapter = {
 *   get: () => sessionStorage.getItem("my-session") ?? undefined,
 *   set: (value) =>
 *     value === undefined ? sessionStorage.removeItem("my-session") : sessionStorage.setItem("my-session", value),
 * };
 * ```
 */
export interface StorageAdapter {
  get(): string | undefined;
  set(value?: string): void;
  /** Called when the value changes elsewhere (another tab); returns an unsubscribe. */
  subscribe?(onChange: () => void): () => void;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    // Storage access throws in some privacy modes and sandboxed iframes.
    return undefined;
  }
}

// `storage` events only reach other tabs; adapters of one key in this page hear each other here.
const listenersInThisPage = new Map<string, Set<() => void>>();

/**
 * `localStorage[key]` with sync across tabs (`storage` events) and across providers in this
 * page. Without a `window` (server rendering, Node tests) it reads nothing and writes nowhere.
 */
export function localStorageAdapter(key: string): StorageAdapter {
  return {
    get: () => browserStorage()?.getItem(key) ?? undefined,
    set(value) {
      const storage = browserStorage();
      try {
        if (value === undefined) storage?.removeItem(key);
        else storage?.setItem(key, value);
      } catch {
        // Quota exceeded or storage disabled: the in-memory state still holds the value.
      }
      listenersInThisPage.get(key)?.forEach((listener) => listener());
    },
    subscribe(onChange) {
      if (typeof window === "undefined") return () => {};
      const onStorage = (event: StorageEvent) => {
        // `key === null` is `localStorage.clear()` in another tab.
        if (event.key === key || event.key === null) onChange();
      };
      const listeners = listenersInThisPage.get(key) ?? new Set();
      listenersInThisPage.set(key, listeners.add(onChange));
      window.addEventListener("storage", onStorage);
      return () => {
        window.removeEventListener("storage", onStorage);
        listeners.delete(onChange);
        if (listeners.size === 0) listenersInThisPage.delete(key);
      };
    },
  };
}

/** A value kept in memory only: gone on reload. */
export function memoryAdapter(): StorageAdapter {
  let value: string | undefined;
  return {
    get: () => value,
    set(next) {
      value = next;
    },
  };
}

/** The key the SDK's `initializeCart()` / `getCartId()` use, so existing storefronts keep their cart. */
export const CART_ID_STORAGE_KEY = "_store_ep_cart";
/** The customer session, as JSON without anything but the session itself. */
export const SESSION_STORAGE_KEY = "_epcc_customer_session";
/** (cart, customer) pairs settled in the current session, so a reload does not send them again. */
export const ASSOCIATION_LEDGER_STORAGE_KEY = "_epcc_associated_carts";
/** The guest-cart merges sent (hashes only), where the sessions' records are kept in memory. */
export const MERGE_LEDGER_STORAGE_KEY = "_epcc_merged_carts";
/** The account member's session (every account's token), as JSON without anything but the session itself. */
export const ACCOUNT_SESSION_STORAGE_KEY = "_epcc_account_session";
