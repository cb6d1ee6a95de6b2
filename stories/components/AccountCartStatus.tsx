import {
  useAccountSession,
  useAssociateCartWithAccount,
  type UseAssociateCartWithAccountResult,
} from "../../src";

/** What the buyer reads about saving this device's cart to the account, from the hook's state. */
export function accountCartMessage(
  association: UseAssociateCartWithAccountResult,
  accountName: (accountId: string | undefined) => string,
): string {
  const { status, data, error, variables, failureCount, failureReason } = association;
  if (status === "pending") {
    const account = accountName(variables?.accountId);
    if (failureCount === 0) return `Saving your cart to ${account}…`;
    return `Still saving your cart to ${account}: attempt ${failureCount} failed (${failureReason?.message ?? "unknown error"}), retrying.`;
  }
  if (status === "success") {
    return data.status === "associated"
      ? `Your cart was saved to ${accountName(data.accountId)}.`
      : `This cart already belonged to ${accountName(data.accountId)}.`;
  }
  if (status === "error") {
    if (error.status === 422) {
      return "Your cart could not be saved to the account: a cart with a contact email cannot be tied to an account (HTTP 422).";
    }
    return `Your cart could not be saved to the account: ${error.message}`;
  }
  return "";
}

/**
 * The banner after sign-in. It mounts `useAssociateCartWithAccount`, which saves this
 * device's cart to the selected account by itself, once (`associateOnLogin`).
 */
export function AccountCartStatus() {
  const association = useAssociateCartWithAccount();
  const session = useAccountSession();
  const accountName = (accountId: string | undefined) =>
    (session.status === "signed-in" &&
      session.accounts.find((account) => account.accountId === accountId)?.accountName) ||
    "the account";
  const message = accountCartMessage(association, accountName);
  return (
    <>
      <div role="status" className={message && !association.isError ? "notice" : undefined}>
        {association.isError ? "" : message}
      </div>
      {association.isError && (
        <p role="alert" className="notice notice-error">
          {message}
        </p>
      )}
    </>
  );
}
