/**
 * 2. strict-mode-five-consumers: scenario 1 under `<StrictMode>`, with five components
 * using the association hook and two "My carts", in each storefront shape.
 */
import { inEveryShape, type Scenario } from "../support/results";
import { runLoginWithGuestCart } from "./loginWithGuestCart";

export const strictModeFiveConsumers: Scenario[] = inEveryShape(
  "strict-mode-five-consumers",
  (implementation, shape) =>
    runLoginWithGuestCart(shape, implementation, {
      strict: true,
      associationConsumers: 5,
      listConsumers: 2,
    }),
);
