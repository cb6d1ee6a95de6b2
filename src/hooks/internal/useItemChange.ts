import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import type { CartContents } from "../../core/carts/cartEntry";
import { changeQuantity, refused } from "../../core/cart/cartChanges";
import { checkRemoval, checkUpdate } from "../../core/cart/cartItems";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor, retryTransientFailures } from "../../core/errors/retryPolicy";
import { CART_CHANGE } from "../../core/keys";
import { callOf } from "../../core/session/call";
import { useShopperCartMutation } from "./useShopperCartMutation";

/**
 * A quantity change or a removal of one item: both set a state, shown at once, collapsed per
 * item, retried like reads, and put back when refused for good.
 */
export function useItemChange<Variables extends { itemId: string }>(
  hookName: string,
  options: Omit<
    UseMutationOptions<CartContents, ElasticPathError, Variables>,
    "mutationFn" | "mutationKey"
  >,
  remove: boolean,
): UseMutationResult<CartContents, ElasticPathError, Variables> {
  return useShopperCartMutation(
    hookName,
    (scope) => ({
      retry: retryTransientFailures,
      retryDelay: retryDelayFor,
      ...options,
      mutationFn: async (variables) => {
        const { itemId, quantity } = remove
          ? { ...checkRemoval(variables), quantity: 0 }
          : checkUpdate(variables);
        return changeQuantity(scope, callOf(variables), variables, itemId, quantity, remove);
      },
      onError: async (error, variables, ...rest) => {
        refused(scope, variables);
        await options.onError?.(error, variables, ...rest);
      },
    }),
    CART_CHANGE,
  );
}
