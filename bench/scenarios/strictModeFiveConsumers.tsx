/**
 * 2. strict-mode-five-consumers: scenario 1 under `<StrictMode>`, with five components
 * using the association hook and two "My carts".
 */
import type { Scenario } from "../support/results";
import { runLoginWithGuestCart } from "./loginWithGuestCart";

export const strictModeFiveConsumers: Scenario = {
  name: "strict-mode-five-consumers",
  run: (implementation) =>
    runLoginWithGuestCart("strict-mode-five-consumers", implementation, {
      strict: true,
      associationConsumers: 5,
      listConsumers: 2,
    }),
};
