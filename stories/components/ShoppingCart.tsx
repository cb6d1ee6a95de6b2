import { useCart, useRemoveCartItem, useUpdateCartItem, type CartItem } from "../../src";
import { PromotionCodeForm } from "./PromotionCodeForm";

/**
 * The cart page's cart: `useCart`'s items with quick +/- and Remove (both optimistic), the
 * promotion codes, and totals that say when Elastic Path is recalculating them.
 */
export function ShoppingCart() {
  const { data, isPending, isError, error, isRecalculating } = useCart();
  const update = useUpdateCartItem();
  const remove = useRemoveCartItem();

  let body;
  if (!data && isPending) {
    // Disabled (no cart id yet) is pending too: no cart is an empty cart to a shopper.
    body = <p>Your cart is empty.</p>;
  } else if (isError) {
    body = <p role="alert">{error.message}</p>;
  } else {
    const products = data.items.filter((item) => !isPromotion(item));
    const display = data.cart.meta?.display_price;
    body = (
      <>
        {products.length === 0 ? (
          <p>Your cart is empty.</p>
        ) : (
          <ul className="cart-list" aria-label="Cart items">
            {products.map((item) => (
              <CartLine
                key={item.id}
                item={item}
                onQuantity={(quantity) => update.mutate({ itemId: item.id!, quantity })}
                onRemove={() => remove.mutate({ itemId: item.id! })}
              />
            ))}
          </ul>
        )}
        {/* Totals are Elastic Path's last answer: while a change is in flight they are about to change. */}
        <dl className="cart-totals" aria-busy={isRecalculating}>
          {display?.discount?.amount ? (
            <>
              <dt>Discount</dt>
              <dd>{display.discount.formatted}</dd>
            </>
          ) : null}
          <dt>Total</dt>
          <dd data-testid="cart-total">{display?.with_tax?.formatted}</dd>
        </dl>
        <p className="muted" role="status">
          {isRecalculating ? "Recalculating totals…" : ""}
        </p>
        <PromotionCodeForm promotions={data.items.filter(isPromotion)} />
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby="cart-heading">
      <h2 id="cart-heading">Your cart</h2>
      {body}
      {update.isError && (
        <p role="alert" className="notice notice-error">
          The quantity was not changed: {update.error.message}
        </p>
      )}
      {remove.isError && (
        <p role="alert" className="notice notice-error">
          The item was not removed: {remove.error.message}
        </p>
      )}
    </section>
  );
}

/** A promotion code's line: the cart lists it among the items, but it has no quantity to change. */
export const isPromotion = (item: CartItem): boolean => item.type === "promotion_item";

function CartLine({
  item,
  onQuantity,
  onRemove,
}: {
  item: CartItem;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  // The wished quantity shows at once; the line's price is Elastic Path's, like the totals.
  const quantity = item.quantity ?? 0;
  return (
    <li>
      <span className="cart-name">{item.name}</span>
      <span className="actions">
        <button
          type="button"
          aria-label={`One less ${item.name}`}
          disabled={quantity <= 1}
          onClick={() => onQuantity(quantity - 1)}
        >
          −
        </button>
        <output aria-label={`Quantity of ${item.name}`}>{quantity}</output>
        <button
          type="button"
          aria-label={`One more ${item.name}`}
          onClick={() => onQuantity(quantity + 1)}
        >
          +
        </button>
        <span className="muted">{item.meta?.display_price?.with_tax?.value?.formatted}</span>
        <button type="button" onClick={onRemove}>
          Remove<span className="visually-hidden"> {item.name}</span>
        </button>
      </span>
    </li>
  );
}
