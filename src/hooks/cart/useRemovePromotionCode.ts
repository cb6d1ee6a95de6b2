"use client";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import { thenReadAgain } from "../../core/cart/cartChanges";
import {
  checkCode,
  removePromotionCode,
  type PromotionCodeVariables,
} from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { CART_CHANGE } from "../../core/keys";
import { callOf } from "../../core/session/call";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type UseRemovePromotionCodeOptions = Omit<
  UseMutationOptions<CartContents, ElasticPathError, PromotionCodeVariables>,
  "mutationFn" | "mutationKey"
>;
export type UseRemovePromotionCodeResult = UseMutationResult<
  CartContents,
  ElasticPathError,
  PromotionCodeVariables
>;

/**
 * Takes a promotion code off the current cart (`DELETE /v2/carts/:id/discounts/:code`).
 * Elastic Path answers 204, so the cart is then read once. Retried like a read.
 *
 * @example
 * ```tsx
 * const remove = useRemovePromotionCode();
 * <button onClick={() => remove.mutate({ code: "SUMMER10" })}>Remove SUMMER10</button>
 * ```
 */
export function useRemovePromotionCode(
  options: UseRemovePromotionCodeOptions = {},
): UseRemovePromotionCodeResult {
  return useShopperCartMutation(
    "useRemovePromotionCode",
    (scope) => ({
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...options,
      mutationFn: (variables) => {
        const { code } = checkCode(variables);
        return thenReadAgain(scope, callOf(variables), (on) => removePromotionCode(on, code));
      },
    }),
    CART_CHANGE,
  );
}
