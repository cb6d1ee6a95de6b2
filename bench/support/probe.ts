import type { ProfilerOnRenderCallback } from "react";

/** One React commit of a "My carts" component, with the cart ids it showed. */
export interface ListCommit {
  /** Which "My carts" component (`Profiler` id): "0", "1"... */
  listId: string;
  /** `performance.now()` when React committed it. */
  at: number;
  cartIds: string[];
}

/** What a scenario can do to a storefront from outside, as the shopper would. */
export interface StorefrontControls {
  /** The shopper starts another cart (e.g. adds a product while signed out). */
  setCartId(cartId: string | undefined): void;
}

/**
 * The bench's instrument, handed to both storefronts alike: React commits of "My carts"
 * (through `<Profiler>`), with what they showed, and the moments logins resolved.
 */
export class Probe {
  readonly commits: ListCommit[] = [];
  readonly loginsResolvedAt: number[] = [];
  #controls: StorefrontControls | undefined;

  /**
   * `Profiler` calls this in React's commit phase, after the DOM was updated: what the
   * section shows now is what the shopper sees.
   */
  readonly onRender: ProfilerOnRenderCallback = (listId) => {
    const section = document.querySelector(`[data-my-carts="${listId}"]`);
    const cartIds = [...(section?.querySelectorAll("[data-cart-id]") ?? [])].map(
      (item) => item.getAttribute("data-cart-id") ?? "",
    );
    this.commits.push({ listId, at: performance.now(), cartIds });
  };

  /** Called first thing in the login mutation's `onSuccess`: the customer token has arrived. */
  readonly loginResolved = () => {
    this.loginsResolvedAt.push(performance.now());
  };

  readonly register = (controls: StorefrontControls) => {
    this.#controls = controls;
  };

  get controls(): StorefrontControls {
    if (!this.#controls) throw new Error("The storefront has not registered its controls yet.");
    return this.#controls;
  }
}
