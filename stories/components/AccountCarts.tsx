import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import {
  useAccountCarts,
  useAccountSession,
  useCartId,
  type SignedInAccountSession,
} from "../../src";

/** The selected account's carts (`useAccountCarts`), shared by every member of the account. */
export function AccountCarts() {
  const session = useAccountSession();
  return (
    <section className="panel" aria-labelledby="account-carts-heading">
      <h2 id="account-carts-heading">Account carts</h2>
      {session.status === "signed-in" ? (
        <CartList session={session} />
      ) : (
        <p>Sign in to see the carts saved to your accounts.</p>
      )}
    </section>
  );
}

function CartList({ session }: { session: SignedInAccountSession }) {
  const carts = useAccountCarts({ limit: 10 });
  const [currentCartId] = useCartId();
  const { accountName } = session;

  if (carts.isPending) return <p role="status">Loading the carts of {accountName}…</p>;
  if (carts.isError) {
    return (
      <div role="alert" className="notice notice-error">
        <p>
          The carts of {accountName} could not be loaded. {carts.error.message}
        </p>
        <button type="button" onClick={() => carts.refetch()} disabled={carts.isFetching}>
          Try again
        </button>
      </div>
    );
  }

  const list = carts.data.data;
  const total = carts.data.meta?.results?.total ?? list.length;
  return (
    <>
      <p className="muted">
        Saved to {accountName}: {total} {total === 1 ? "cart" : "carts"}, shared with its other
        members.
      </p>
      {list.length > 0 && (
        <ul className="cart-list" aria-label={`Carts of ${accountName}`}>
          {list.map((cart) => (
            <li key={cart.id}>
              <span className="cart-name">
                {cart.name}
                {cart.id === currentCartId && <span className="tag">this device&apos;s cart</span>}
              </span>
              <span className="muted">{describeCart(cart)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
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
  return [`${products} ${products === 1 ? "product" : "products"}`, total]
    .filter(Boolean)
    .join(" · ");
}
