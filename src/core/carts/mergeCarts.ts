import type { CartResponse, Client } from "@epcc-sdk/sdks-shopper";
import * as sdk from "@epcc-sdk/sdks-shopper";
import type { CartItem } from "./cartEntry";
import { ElasticPathError, type ElasticPathErrorEntry } from "../errors/ElasticPathError";
import { answerOf, readErrorEntries } from "../errors/fromResponse";

/** Which cart's items go into which cart. */
export interface MergeCartsVariables {
  /** The cart that receives the items (the shopper's own). */
  targetCartId: string;
  /** The cart whose items are copied (a guest cart); Elastic Path leaves it as it was. */
  sourceCartId: string;
}

export interface MergeCartsResult {
  /** The cart that now holds the items: the target. */
  cartId: string;
  /**
   * Elastic Path's entries for the items it could not copy (say, the cart's 100-item limit);
   * the others were copied. Empty when everything was.
   */
  itemErrors: ElasticPathErrorEntry[];
}

/**
 * Whether Elastic Path refused a request with a 4xx (a 429 included): then it changed
 * nothing. After a 5xx, or with no answer at all, a merge's items may have been copied.
 */
export const isRefusal = (error: unknown): boolean =>
  error instanceof ElasticPathError &&
  error.status !== undefined &&
  error.status >= 400 &&
  error.status < 500;

/**
 * `POST /v2/carts/:targetCartId/items` with `{ data: { type: "cart_items", cart_id }, options:
 * { add_all_or_nothing: false } }` — Elastic Path's "Merge a guest cart into a shopper's cart"
 * (Carts API, Manage Carts): the source's items are copied into the target, quantities of the
 * same product added up, the source left as it was; items that cannot be copied are listed
 * in `errors` beside `data`.
 *
 * A merge is not idempotent: sent twice, it adds every quantity twice. So a failure whose
 * outcome is unknown (a 5xx, a network failure) is reported as final — never retried — and
 * says so; only a 4xx proves nothing changed, and only a 429 may be sent again.
 */
export async function mergeCarts(
  client: Client,
  variables: MergeCartsVariables,
  headers: Record<string, string> | undefined,
): Promise<MergeCartsResult> {
  return (await sendMerge(client, variables, headers)).result;
}

/**
 * What a merge's answer tells of the target cart as a list shows it: its totals and
 * timestamps (`meta`) and its items (`relationships.items`, from the items it lists).
 */
export type MergedCartChanges = Pick<CartResponse, "meta" | "relationships"> & {
  items: CartItem[];
};

/** `mergeCarts`, with what the answer tells of the target, for the caches. */
export async function sendMerge(
  client: Client,
  { targetCartId, sourceCartId }: MergeCartsVariables,
  headers: Record<string, string> | undefined,
): Promise<{ result: MergeCartsResult; changes: MergedCartChanges }> {
  try {
    const { data } = await answerOf(
      "Merging the carts",
      sdk.manageCarts({
        client,
        path: { cartID: targetCartId },
        body: {
          data: { type: "cart_items", cart_id: sourceCartId },
          options: { add_all_or_nothing: false },
        },
        headers,
      }),
    );
    return {
      result: { cartId: targetCartId, itemErrors: readErrorEntries(data) },
      changes: {
        meta: data?.meta as CartResponse["meta"],
        relationships: {
          items: { data: (data?.data ?? []).map(({ id, type }) => ({ id, type })) },
        },
        // Every item of the target, as `include=items` lists them: its cached contents need no read.
        items: data?.data ?? [],
      },
    };
  } catch (error) {
    if (isRefusal(error) || !(error instanceof ElasticPathError)) throw error;
    throw new ElasticPathError(
      `${error.message.replace(/\.$/, "")}, so whether the items were copied is unknown: the merge is not sent again, as a second one would add every quantity twice.`,
      { status: error.status, errors: error.errors, retryable: false, cause: error },
    );
  }
}
