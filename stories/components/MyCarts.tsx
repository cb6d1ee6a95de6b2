import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import {
  useCartId,
  useCustomerSession,
  useDisassociateCartFromCustomer,
  useInfiniteCustomerCarts,
  type SignedInSession,
} from "../../src";

export interface MyCartsProps {
  /** Carts per page. */
  limit?: number;
  /** Passed to `useDisassociateCartFromCustomer` (stories about behaviour, not backoff). */
  removeRetryDelay?: number;
}

/** "My carts": the signed-in customer's carts, page after page, each removable. */
export function MyCarts(props: MyCartsProps) {
  const session = useCustomerSession();
  return (
    <section className="panel" aria-labelledby="my-carts-heading">
      <h2 id="my-carts-heading">My carts</h2>
      {session.status === "signed-in" ? (
        <CartList session={session} {...props} />
      ) : (
        <p>Log in to see the carts saved to your account.</p>
      )}
    </section>
  );
}

function CartList({
  session,
  limit = 5,
  removeRetryDelay,
}: MyCartsProps & { session: SignedInSession }) {
  const carts = useInfiniteCustomerCarts({ limit });
  const remove = useDisassociateCartFromCustomer(
    removeRetryDelay === undefined ? {} : { retryDelay: removeRetryDelay },
  );
  const [currentCartId] = useCartId();

  if (carts.isPending) return <p role="status">Loading your carts…</p>;
  if (carts.isError && !carts.data) {
    return (
      <div role="alert" className="notice notice-error">
        <p>Your carts could not be loaded. {carts.error.message}</p>
        <button type="button" onClick={() => carts.refetch()} disabled={carts.isFetching}>
          Try again
        </button>
      </div>
    );
  }

  const all = carts.data.pages.flatMap((page) => page.data);
  const total = carts.data.pages[0]?.meta?.results?.total ?? all.length;
  const removeCart = (cartId: string) =>
    remove.mutate({ cartId, customerId: session.customerId, customerToken: session.token });

  return (
    <>
      {all.length === 0 ? (
        <p>No carts are saved to your account yet.</p>
      ) : (
        <>
          <p className="muted">
            Showing {all.length} of {total} {total === 1 ? "cart" : "carts"}.
          </p>
          <ul className="cart-list">
            {all.map((cart) => (
              <li key={cart.id}>
                <span className="cart-name">
                  {cart.name}
                  {cart.id === currentCartId && (
                    <span className="tag">this device&apos;s cart</span>
                  )}
                </span>
                <span className="muted">{describeCart(cart)}</span>
                <button type="button" onClick={() => cart.id && removeCart(cart.id)}>
                  Remove<span className="visually-hidden"> {cart.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {remove.isError && (
        <p role="alert" className="notice notice-error">
          The cart could not be removed, so it is back in the list. {remove.error.message}
        </p>
      )}
      {carts.isFetchNextPageError && (
        <p role="alert" className="notice notice-error">
          More carts could not be loaded. {carts.error?.message}
        </p>
      )}
      <div className="actions">
        {carts.hasNextPage && (
          <button
            type="button"
            onClick={() => carts.fetchNextPage()}
            disabled={carts.isFetchingNextPage}
          >
            {carts.isFetchingNextPage ? "Loading more…" : "Load more"}
          </button>
        )}
        <button type="button" onClick={() => carts.refetch()} disabled={carts.isFetching}>
          Refresh
        </button>
      </div>
    </>
  );
}

function describeCart(cart: CartResponse): string {
  const products = cart.relationships?.items?.data?.length ?? 0;
  const total = cart.meta?.display_price?.with_tax?.formatted;
  const updated = cart.meta?.timestamps?.updated_at;
  return [
    `${products} ${products === 1 ? "product" : "products"}`,
    total,
    updated && `updated ${new Date(updated).toLocaleString("en-US")}`,
  ]
    .filter(Boolean)
    .join(" · ");
}
