import type { QueryClient } from "@tanstack/react-query";
import type { CartContents } from "../carts/cartEntry";
import { ElasticPathError } from "../errors/ElasticPathError";
import { cartKeys } from "../keys";

/**
 * Quantity changes shown before Elastic Path answers, and sent so that ten quick "+" clicks
 * are two requests. Per item there is a line: the shopper's latest wish (shown over Elastic
 * Path's last answer at once), at most one request in the air, and the latest wish that
 * came meanwhile, sent when it lands. Totals are never guessed: they are Elastic Path's.
 */

interface Pending {
  /** The number of the latest wish it carries. */
  wish: number;
  /** Sends the wish and shows Elastic Path's answer. */
  send: () => Promise<CartContents>;
  waiters: Array<{ resolve: (contents: CartContents) => void; reject: (error: unknown) => void }>;
}

interface ItemLine {
  /** The quantity shown over Elastic Path's answers, and the wish it comes from. */
  shown?: { quantity: number; wish: number };
  /** The number of the latest wish made for the item, shown or already answered. */
  latest: number;
  /** The latest wish not yet sent. */
  next?: Pending;
  /** The request in the air, if any. */
  inFlight?: Pending;
}

interface CartState {
  /** Elastic Path's last word on the cart: what a refused wish falls back to. */
  server?: CartContents;
  lines: Map<string, ItemLine>;
  /** The last request about the cart's items: the next one is sent once it has settled. */
  queue: Promise<unknown>;
}

const states = new WeakMap<QueryClient, Map<string, CartState>>();
let wishes = 0;

function stateOf(queryClient: QueryClient, cartId: string): CartState {
  const carts = states.get(queryClient) ?? new Map<string, CartState>();
  states.set(queryClient, carts);
  const state = carts.get(cartId) ?? { lines: new Map(), queue: Promise.resolve() };
  carts.set(cartId, state);
  return state;
}

const lineOf = (state: CartState, itemId: string): ItemLine => {
  const line = state.lines.get(itemId) ?? { latest: 0 };
  state.lines.set(itemId, line);
  return line;
};

/** The items as shown: each wished quantity over Elastic Path's, an item wished to 0 left out. */
function overlay(state: CartState, contents: CartContents): CartContents {
  const shown = (id: string | undefined) => (id ? state.lines.get(id)?.shown : undefined);
  if (![...state.lines.values()].some((line) => line.shown)) return contents;
  return {
    ...contents,
    items: contents.items.flatMap((item) => {
      const wish = shown(item.id);
      if (!wish) return [item];
      return wish.quantity === 0 ? [] : [{ ...item, quantity: wish.quantity }];
    }),
  };
}

/** Keeps Elastic Path's answer as the cart's truth, and returns it with the wishes shown over it. */
export function withWishes(
  queryClient: QueryClient,
  cartId: string,
  contents: CartContents,
): CartContents {
  const state = stateOf(queryClient, cartId);
  state.server = contents;
  return overlay(state, contents);
}

/** `withWishes`, written into the cart's entry (only where it is cached, unless `always`). */
export function showWithWishes(
  queryClient: QueryClient,
  cartId: string,
  contents: CartContents,
  always = true,
): CartContents {
  const shown = withWishes(queryClient, cartId, contents);
  queryClient.setQueryData<CartContents>(cartKeys.cart(cartId), (current) =>
    current || always ? shown : current,
  );
  return shown;
}

function showAgain(queryClient: QueryClient, cartId: string): CartContents | undefined {
  const state = stateOf(queryClient, cartId);
  const server = state.server ?? queryClient.getQueryData<CartContents>(cartKeys.cart(cartId));
  return server && showWithWishes(queryClient, cartId, server, false);
}

/** Shows `quantity` for the item at once; returns the wish's number, for `dropWish`. */
export function wishQuantity(
  queryClient: QueryClient,
  cartId: string,
  itemId: string,
  quantity: number,
): number {
  const state = stateOf(queryClient, cartId);
  state.server ??= queryClient.getQueryData<CartContents>(cartKeys.cart(cartId));
  const wish = ++wishes;
  const line = lineOf(state, itemId);
  line.shown = { quantity, wish };
  line.latest = wish;
  showAgain(queryClient, cartId);
  return wish;
}

/** A refused wish: Elastic Path's quantity shows again, unless a later wish replaced it. */
export function dropWish(queryClient: QueryClient, cartId: string, itemId: string, wish: number) {
  const line = stateOf(queryClient, cartId).lines.get(itemId);
  if (line?.shown?.wish !== wish) return;
  line.shown = undefined;
  showAgain(queryClient, cartId);
}

/**
 * Sends the wish `wish` for the item — or, if a request for it is in the air, waits and sends
 * only the latest wish then. Resolves with the answer to the request that carried this wish
 * or a later one; an answer older than the shown wish does not change the item on screen.
 * A wish already replaced (a retry of an older click) sends nothing.
 */
export function sendWish(
  queryClient: QueryClient,
  cartId: string,
  itemId: string,
  wish: number,
  send: () => Promise<CartContents>,
): Promise<CartContents> {
  const line = lineOf(stateOf(queryClient, cartId), itemId);
  return new Promise((resolve, reject) => {
    const waiter = { resolve, reject };
    if (wish < line.latest) {
      // Replaced by a later wish (this is a retry of an older click): it is sent no more,
      // and resolves with the answer the later wish gets.
      const later = line.next ?? line.inFlight;
      if (later) return later.waiters.push(waiter);
      const now = queryClient.getQueryData<CartContents>(cartKeys.cart(cartId));
      return now ? resolve(now) : reject(new ElasticPathError(REPLACED));
    }
    line.next = { wish, send, waiters: [...(line.next?.waiters ?? []), waiter] };
    if (!line.inFlight) void drain(queryClient, cartId, line);
  });
}

const REPLACED = "A later change to this item replaced this one before it was sent.";

async function drain(queryClient: QueryClient, cartId: string, line: ItemLine): Promise<void> {
  for (let pending = line.next; pending; pending = line.next) {
    line.next = undefined;
    line.inFlight = pending;
    try {
      let contents = await pending.send();
      // The answer to the shown wish: from now on, Elastic Path's quantity shows.
      if (!line.next && line.shown?.wish === pending.wish) {
        line.shown = undefined;
        contents = showAgain(queryClient, cartId) ?? contents;
      }
      pending.waiters.forEach(({ resolve }) => resolve(contents));
    } catch (error) {
      pending.waiters.forEach(({ reject }) => reject(error));
    }
  }
  line.inFlight = undefined;
}

/**
 * Requests about one cart's items go one at a time, in the order they were asked for. Each
 * answer is the whole cart, and two in the air at once (two items changed, an add beside an
 * update) may be applied in one order and answered in the other: then no answer could be
 * told to be the newest without reading the cart again. In order, the last answer is always
 * Elastic Path's latest word, and what it shows needs no read.
 */
export function inCartOrder<Result>(
  queryClient: QueryClient,
  cartId: string,
  request: () => Promise<Result>,
): Promise<Result> {
  const state = stateOf(queryClient, cartId);
  const turn = state.queue.then(request, request);
  state.queue = turn.catch(() => undefined);
  return turn;
}
