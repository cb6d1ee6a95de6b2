import type { ProfilerOnRenderCallback } from "react";

/** One React commit of a "My carts" component, with the cart ids it showed. */
export interface ListCommit {
  /** Which "My carts" component (`Profiler` id): "0", "1"... */
  listId: string;
  /** `performance.now()` when React committed it. */
  at: number;
  cartIds: string[];
}

/** One React commit of the cart page's summary, with the total and quantities it showed. */
export interface CartCommit {
  /** `performance.now()` when React committed it. */
  at: number;
  /** `Date.now()` at the same moment: the fake's request log is in wall-clock time. */
  wallAt: number;
  /** The total with tax, in minor units; undefined while no cart shows. */
  total: number | undefined;
  /** Quantity shown per line, by SKU. */
  quantities: Record<string, number>;
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
  readonly cartCommits: CartCommit[] = [];
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

  /** The cart page's `Profiler`: what its summary shows, once committed. */
  readonly onCartRender: ProfilerOnRenderCallback = () => {
    const section = document.querySelector("[data-cart-page]");
    const total = section?.getAttribute("data-cart-total");
    const quantities: Record<string, number> = {};
    for (const line of section?.querySelectorAll("[data-line-sku]") ?? []) {
      quantities[line.getAttribute("data-line-sku") ?? ""] = Number(
        line.getAttribute("data-quantity"),
      );
    }
    this.cartCommits.push({
      at: performance.now(),
      wallAt: Date.now(),
      total: total ? Number(total) : undefined,
      quantities,
    });
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
