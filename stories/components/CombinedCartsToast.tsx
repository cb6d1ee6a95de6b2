import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { cartQueries, useAssociateCartWithCustomer, useElasticPath } from "../../src";

/**
 * The toast a storefront shows when, under `guestCartOnLogin="merge"`, the login put the
 * guest cart's items into the shopper's newest cart: what `useAssociateCartWithCustomer`'s
 * automatic call settled with, `{ status: "merged", cartId, guestCartId, itemErrors }`.
 */
export function CombinedCartsToast() {
  const { data } = useAssociateCartWithCustomer();
  const [dismissed, setDismissed] = useState<string>();
  const merged = data?.status === "merged" && data.guestCartId !== dismissed ? data : undefined;
  // Always rendered: screen readers announce what appears in a live region already there.
  return (
    <div role="status" aria-label="Notifications" className={merged ? "toast" : undefined}>
      {merged && (
        <>
          <p>
            <strong>We combined your carts.</strong> <CombinedInto cartId={merged.cartId} /> now
            holds your guest cart&apos;s items too.
          </p>
          {merged.itemErrors.length > 0 && (
            <>
              <p>
                {merged.itemErrors.length}{" "}
                {merged.itemErrors.length === 1 ? "item was" : "items were"} left out:
              </p>
              <ul>
                {merged.itemErrors.map((entry, index) => (
                  <li key={index}>{entry.detail ?? entry.title}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" onClick={() => setDismissed(merged.guestCartId)}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}

/** The receiving cart's name, from the query the cart badge and "My carts" share. */
function CombinedInto({ cartId }: { cartId: string }) {
  const { client } = useElasticPath();
  const cart = useQuery(cartQueries.cart({ client }, cartId));
  return <>{cart.data?.cart.name ? `“${cart.data.cart.name}”` : "Your cart"}</>;
}
