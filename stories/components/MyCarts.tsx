import type { CartResponse } from "@epcc-sdk/sdks-shopper";
import { useState, type FormEvent } from "react";
import {
  useCartId,
  useCreateCart,
  useCustomerSession,
  useDeleteCart,
  useDisassociateCartFromCustomer,
  useInfiniteCustomerCarts,
  useUpdateCart,
  type ElasticPathError,
  type SignedInSession,
} from "../../src";

export interface MyCartsProps {
  /** Carts per page. */
  limit?: number;
  /** Passed to the remove, rename and delete hooks (stories about behaviour, not backoff). */
  retryDelay?: number;
}

/** Elastic Path's refusal to delete a customer's last cart. */
const isLastCart = (error: ElasticPathError | null) =>
  error?.status === 400 && error.errors[0]?.title === "Last cart";

/** "My carts": the signed-in customer's carts, page after page: create, rename, delete, switch. */
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

function CartList({ session, limit = 5, retryDelay }: MyCartsProps & { session: SignedInSession }) {
  const carts = useInfiniteCustomerCarts({ limit });
  const retry = retryDelay === undefined ? {} : { retryDelay };
  const remove = useDisassociateCartFromCustomer(retry);
  const create = useCreateCart();
  const update = useUpdateCart(retry);
  const deletion = useDeleteCart(retry);
  const [currentCartId, setCurrentCartId] = useCartId();
  const [renaming, setRenaming] = useState<string>();

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
  const refusedCartId = isLastCart(deletion.error) ? deletion.variables?.cartId : undefined;

  const createCart = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      { name: String(data.get("name")), makeCurrent: data.get("makeCurrent") === "on" },
      { onSuccess: () => form.reset() },
    );
  };

  return (
    <>
      <form className="new-cart" onSubmit={createCart} aria-label="New cart">
        <label>
          New cart name <input name="name" required maxLength={255} />
        </label>
        <label>
          <input type="checkbox" name="makeCurrent" defaultChecked /> Shop in it now
        </label>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create cart"}
        </button>
      </form>
      {create.isError && (
        <p role="alert" className="notice notice-error">
          The cart could not be created. {create.error.message}
        </p>
      )}

      {all.length === 0 ? (
        <p>No carts are saved to your account yet.</p>
      ) : (
        <>
          <p className="muted">
            Showing {all.length} of {total} {total === 1 ? "cart" : "carts"}.
          </p>
          <ul className="cart-list">
            {all.map((cart) => {
              const cartId = cart.id!;
              const current = cartId === currentCartId;
              return (
                <li key={cartId} aria-current={current ? "true" : undefined}>
                  <span className="cart-name">
                    {cart.name}
                    {current && <span className="tag">this device&apos;s cart</span>}
                  </span>
                  <span className="muted">{describeCart(cart)}</span>
                  {renaming === cartId ? (
                    <RenameForm
                      cart={cart}
                      onSave={(name) => {
                        update.mutate({ cartId, name });
                        setRenaming(undefined);
                      }}
                      onCancel={() => setRenaming(undefined)}
                    />
                  ) : (
                    <span className="actions">
                      {!current && (
                        <button type="button" onClick={() => setCurrentCartId(cartId)}>
                          Shop<span className="visually-hidden"> in {cart.name}</span>
                        </button>
                      )}
                      <button type="button" onClick={() => setRenaming(cartId)}>
                        Rename<span className="visually-hidden"> {cart.name}</span>
                      </button>
                      <button type="button" onClick={() => removeCart(cartId)}>
                        Remove<span className="visually-hidden"> {cart.name}</span>
                      </button>
                      <button type="button" onClick={() => deletion.mutate({ cartId })}>
                        Delete<span className="visually-hidden"> {cart.name}</span>
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {remove.isError && (
        <p role="alert" className="notice notice-error">
          The cart could not be removed, so it is back in the list. {remove.error.message}
        </p>
      )}
      {update.isError && (
        <p role="alert" className="notice notice-error">
          The cart could not be renamed, so it has its old name again. {update.error.message}
        </p>
      )}
      {refusedCartId ? (
        <div role="alert" className="notice notice-error">
          <p>
            This is your only cart, and Elastic Path keeps one for every customer. Delete it anyway?
            It is taken off your account first, then deleted.
          </p>
          <button
            type="button"
            onClick={() => deletion.mutate({ cartId: refusedCartId, disassociateFirst: true })}
          >
            Delete it anyway
          </button>
        </div>
      ) : (
        deletion.isError && (
          <p role="alert" className="notice notice-error">
            The cart could not be deleted. {deletion.error.message}
          </p>
        )
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

function RenameForm({
  cart,
  onSave,
  onCancel,
}: {
  cart: CartResponse;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="actions"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(String(new FormData(event.currentTarget).get("name")));
      }}
    >
      <label>
        <span className="visually-hidden">New name for {cart.name}</span>
        <input name="name" defaultValue={cart.name} required maxLength={255} autoFocus />
      </label>
      <button type="submit">Save</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
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
