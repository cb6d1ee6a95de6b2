import type { QueryClient, QueryFilters, QueryKey } from "@tanstack/react-query";

/** What cached entries held before an optimistic edit, to put back if it is refused. */
export type ListSnapshot = Array<[QueryKey, unknown]>;

/**
 * The first half of an optimistic edit: fetches under way on the entries are cancelled (one
 * finishing now would undo the edit on screen), what they hold is kept, then `edit` runs.
 * The mutation then either `restore`s the snapshot (refused) or keeps the edit, and the
 * entries are reconciled with the server (`invalidateQueries`) either way.
 */
export async function editOptimistically(
  queryClient: QueryClient,
  entries: QueryFilters[],
  edit: () => void,
): Promise<ListSnapshot> {
  await Promise.all(entries.map((filters) => queryClient.cancelQueries(filters)));
  const snapshot = entries.flatMap((filters) => queryClient.getQueriesData(filters));
  edit();
  return snapshot;
}

/** Puts back what an optimistic edit changed. */
export function restore(queryClient: QueryClient, snapshot: ListSnapshot): void {
  snapshot.forEach(([queryKey, data]) => queryClient.setQueryData(queryKey, data));
}
