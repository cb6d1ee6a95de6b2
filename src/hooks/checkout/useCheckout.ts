"use client";
import type { OrderResponse } from "@epcc-sdk/sdks-shopper";
import type { UseMutationOptions, UseMutationResult } from "@tanstack/react-query";
import { retryRateLimitedOnly } from "../../core/carts/myCarts";
import { checkout } from "../../core/checkout/checkout";
import type { CheckoutInput } from "../../core/checkout/checkoutInput";
import type { ElasticPathError } from "../../core/errors/ElasticPathError";
import { retryDelayFor } from "../../core/errors/retryPolicy";
import { callOf } from "../../core/session/call";
import { useShopperCartMutation } from "../internal/useShopperCartMutation";

export type { CheckoutAddress, CheckoutInput } from "../../core/checkout/checkoutInput";

export type UseCheckoutOptions = Omit<
  UseMutationOptions<OrderResponse, ElasticPathError, CheckoutInput>,
  "mutationFn" | "mutationKey"
>;
export type UseCheckoutResult = UseMutationResult<OrderResponse, ElasticPathError, CheckoutInput>;

/**
 * Checks out the current cart (`POST /v2/carts/:id/checkout`): the order, or an
 * `ElasticPathError`. The body follows who is signed in — a guest's `customer: { email, name }`,
 * a customer's `customer: { id }` with their token, an account member's `contact` with the
 * Account Management token — and addresses are checked before any request.
 *
 * - **One order per checkout.** Calls while one is in the air (double clicks, several
 *   buttons) share it. An answer lost to the network or a 5xx is not sent again blindly: a
 *   signed-in shopper's orders are read, and the order carrying this attempt's
 *   `external_ref` is the result; a guest gets an error saying the outcome is unknown. A 429
 *   is sent again after `Retry-After`.
 * - Once the order exists the cart stops being current (provider `cartAfterCheckout`,
 *   default `"new"`), and the shopper's cart lists and orders are read again.
 *
 * @example
 * ```tsx
 * const checkout = useCheckout();
 * checkout.mutate(
 *   { email, name, billingAddress: address, shippingAddress: address },
 *   { onSuccess: (order) => router.push(`/orders/${order.id}`) },
 * );
 * ```
 */
export function useCheckout(options: UseCheckoutOptions = {}): UseCheckoutResult {
  return useShopperCartMutation("useCheckout", (scope) => ({
    retry: retryRateLimitedOnly,
    retryDelay: retryDelayFor,
    ...options,
    mutationFn: (input) => checkout(scope, callOf(input), input),
  }));
}
