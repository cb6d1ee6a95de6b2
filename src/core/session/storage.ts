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
