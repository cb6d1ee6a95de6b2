import { useEffect } from "react";
import type { SessionStore } from "../../core/session/sessionStore";

/**
 * Resets a hook's own mutation when the shopper's session ends or changes hands: its
 * variables and data were theirs (a cart id, a customer id, a new cart).
 */
export function useResetWithTheShopper(store: SessionStore, reset: () => void): void {
  useEffect(() => store.onShopperChange((previous) => previous && reset()), [store, reset]);
}
