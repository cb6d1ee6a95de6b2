import { useState, type FormEvent } from "react";
import { useApplyPromotionCode, useRemovePromotionCode, type CartItem } from "../../src";

/** A promotion code field, and the codes applied to the cart, each with a Remove button. */
export function PromotionCodeForm({ promotions }: { promotions: CartItem[] }) {
  const [code, setCode] = useState("");
  const apply = useApplyPromotionCode();
  const unapply = useRemovePromotionCode();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply.mutate({ code: code.trim() }, { onSuccess: () => setCode("") });
  };

  return (
    <div className="promotion-codes">
      {promotions.length > 0 && (
        <ul className="cart-list" aria-label="Promotion codes">
          {promotions.map((promotion) => (
            <li key={promotion.id}>
              <span>
                <span className="cart-name">{promotion.sku}</span> {promotion.name}{" "}
                <span className="muted">
                  {promotion.meta?.display_price?.with_tax?.value?.formatted}
                </span>
              </span>
              <button
                type="button"
                disabled={unapply.isPending}
                onClick={() => unapply.mutate({ code: promotion.sku! })}
              >
                Remove code<span className="visually-hidden"> {promotion.sku}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <label>
          Promotion code <input value={code} onChange={(event) => setCode(event.target.value)} />
        </label>{" "}
        <button type="submit" disabled={apply.isPending || code.trim() === ""}>
          Apply
        </button>
      </form>
      {apply.isError && (
        <p role="alert" className="notice notice-error">
          {apply.error.message}
        </p>
      )}
      {unapply.isError && (
        <p role="alert" className="notice notice-error">
          {unapply.error.message}
        </p>
      )}
    </div>
  );
}
