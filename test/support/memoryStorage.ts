/**
 * A two-method token storage for `createShopperClient({...}, { storage })`: keeps the
 * SDK's implicit token out of `localStorage`, so clients never share one by accident.
 * (The SDK's own `memoryAdapter` is not exported from its root.)
 */
export interface MemoryStorage {
  get(): string | undefined;
  set(value?: string): void;
}

export function memoryStorage(initial?: string): MemoryStorage {
  let value = initial;
  return {
    get: () => value,
    set: (next) => {
      value = next;
    },
  };
}
