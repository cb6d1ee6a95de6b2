"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import { retryRateLimitedOnly } from "../../core/carts/myCarts";
import { applyCode } from "../../core/cart/cartChanges";
import type { PromotionCodeVariables } from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor } from "../../core/errors/retryPolicy";
import { CART_CHANGE } from "../../core/keys";
import { callOf } from "../../core/session/call";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { PromotionCodeVariables } from "../../core/cart/cartItems";

export type UseApplyPromotionCodeOptions = Omit<
  UseMutationOptions<CartContents, ElasticPathError, PromotionCodeVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseApplyPromotionCodeResult = UseMutationResult<
  CartContents,
  ElasticPathError,
  PromotionCodeVariables
>;

/**
 * Applies a promotion code to the current cart (`POST /v2/carts/:id/items`, a
 * `promotion_item`): the promotion's items and the new totals come back in `useCart`. A code
 * Elastic Path does not accept is an `ElasticPathError` whose message names it; the cart is
 * unchanged. Sent again only after a 429, like an add.
 *
 * @example
 * ```tsx
 * const apply = useApplyPromotionCode();
 * <form onSubmit={(event) => { event.preventDefault(); apply.mutate({ code }); }}>…</form>
 * ```
 */
export function useApplyPromotionCode(
  options: UseApplyPromotionCodeOptions = {},
): UseApplyPromotionCodeResult {
  return useShopperCartMutation(
    "useApplyPromotionCode",
    (scope) => ({
      retry: retryRateLimitedOnly,
      retryDelay: retryDelayFor,
      ...options,
      mutationFn: (variables) => applyCode(scope, callOf(variables), variables),
    }),
    CART_CHANGE,
  );
}
