import { useAccountSession, useSelectAccount } from "../../src";

/**
 * "Buying for": the accounts the signed-in member may act for (`useSelectAccount`).
 * Switching sends nothing by itself: every account's token came with the sign-in.
 */
export function AccountSwitcher() {
  const session = useAccountSession();
  const selectAccount = useSelectAccount();
  if (session.status !== "signed-in") return null;
  return (
    <label className="account-switcher">
      Buying for{" "}
      <select value={session.accountId} onChange={(event) => selectAccount(event.target.value)}>
        {session.accounts.map((account) => (
          <option key={account.accountId} value={account.accountId}>
            {account.accountName}
          </option>
        ))}
      </select>
    </label>
  );
}
