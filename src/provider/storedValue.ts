import type { StorageAdapter } from "./storage";

/**
 * A string kept in a storage adapter, readable by `useSyncExternalStore`: writes in this
 * tab notify at once; writes in other tabs arrive through the adapter's `subscribe`.
 */
export interface StoredValue {
  get(): string | undefined;
  set(value: string | undefined): void;
  subscribe(onChange: () => void): () => void;
}

export function createStoredValue(adapter: StorageAdapter): StoredValue {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  return {
    get: () => adapter.get(),
    set(value) {
      adapter.set(value);
      notify();
    },
    subscribe(onChange) {
      listeners.add(onChange);
      const unsubscribeAdapter = adapter.subscribe?.(onChange);
      return () => {
        listeners.delete(onChange);
        unsubscribeAdapter?.();
      };
    },
  };
}
