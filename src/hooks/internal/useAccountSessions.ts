import { useLayoutEffect } from "react";
import { useElasticPathContext } from "./context";
import { registerAccountSessions } from "../../core/session/AccountSession";

/**
 * Every account hook's first call: lets the session store read account sessions (only apps
 * that use an account hook carry that code), then, once mounted, has the store report the
 * account shopper it may only now have read from storage — so that a later logout or
 * switch knows whose data to forget, even when the account page is loaded lazily.
 */
export function useAccountSessions(hookName: string): void {
  registerAccountSessions();
  const { store } = useElasticPathContext(hookName);
  useLayoutEffect(() => store.commit(), [store]);
}
