import {
  useAssociateCartWithCustomer,
  type UseAssociateCartWithCustomerOptions,
  type UseAssociateCartWithCustomerResult,
} from "../../src";

/** What the shopper reads about saving their cart to their account, from the hook's state. */
export function associationMessage(association: UseAssociateCartWithCustomerResult): string {
  const { status, data, error, failureCount, failureReason } = association;
  if (status === "pending") {
    if (failureCount === 0) return "Saving your cart to your account…";
    const wait =
      failureReason?.retryAfterMs !== undefined
        ? ` Elastic Path asked us to wait ${failureReason.retryAfterMs / 1000} s.`
        : "";
    return `Still saving your cart: attempt ${failureCount} failed (${failureReason?.message ?? "unknown error"}), retrying.${wait}`;
  }
  if (status === "success") {
    if (data.status === "merged") {
      return "Your guest cart's items were added to the cart you used last, which is now this device's cart.";
    }
    return data.status === "associated"
      ? "Your cart was saved to your account."
      : "This cart was already yours.";
  }
  if (status === "error") {
    if (error.status === 422) {
      return "Your cart could not be saved to your account: a cart with a contact email cannot be tied to an account (HTTP 422).";
    }
    return `Your cart could not be saved to your account: ${error.message}`;
  }
  return "";
}

/**
 * The banner a storefront shows after login. It mounts `useAssociateCartWithCustomer`,
 * which associates the guest cart with the customer by itself (`associateOnLogin`).
 */
export function AssociationStatus({ options }: { options?: UseAssociateCartWithCustomerOptions }) {
  const association = useAssociateCartWithCustomer(options);
  const message = associationMessage(association);
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
