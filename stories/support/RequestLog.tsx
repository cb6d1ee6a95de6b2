/**
 * What crossed the wire: every request the story's fake Elastic Path answered, as it
 * happened, so a developer sees what the hooks do (and how often).
 */
import { useSyncExternalStore } from "react";
import type { FakeElasticPath, RecordedRequest } from "../../src/testing";

interface RequestStore {
  subscribe(onChange: () => void): () => void;
  getSnapshot(): readonly RecordedRequest[];
}

const NONE: readonly RecordedRequest[] = [];
const NO_REQUESTS: RequestStore = { subscribe: () => () => {}, getSnapshot: () => NONE };
const stores = new WeakMap<FakeElasticPath, RequestStore>();

/**
 * One store per fake, listening from the moment it is made, so no answer is missed between
 * a render and a subscription. `fake.requests` is a fresh copy on every read: the store
 * keeps one until the next answer, as `useSyncExternalStore` needs.
 */
function requestStoreOf(fake: FakeElasticPath): RequestStore {
  let store = stores.get(fake);
  if (!store) {
    let snapshot = fake.requests;
    const listeners = new Set<() => void>();
    fake.onRequest(() => {
      snapshot = fake.requests;
      listeners.forEach((listener) => listener());
    });
    store = {
      subscribe(onChange) {
        listeners.add(onChange);
        return () => listeners.delete(onChange);
      },
      getSnapshot: () => snapshot,
    };
    stores.set(fake, store);
  }
  return store;
}

/** The fake's requests so far, re-rendering as each one is answered. */
export function useRecordedRequests(fake: FakeElasticPath | undefined): readonly RecordedRequest[] {
  const store = fake ? requestStoreOf(fake) : NO_REQUESTS;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

function queryText(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text ? `?${decodeURIComponent(text)}` : "";
}

export function RequestLog({
  fake,
  startedAt,
}: {
  fake: FakeElasticPath | undefined;
  startedAt: number;
}) {
  const requests = useRecordedRequests(fake);
  return (
    <aside className="request-log" aria-labelledby="request-log-heading">
      <h2 id="request-log-heading">Requests to Elastic Path</h2>
      {!fake ? (
        <p>This story talks to a real store: see the browser&apos;s network panel.</p>
      ) : requests.length === 0 ? (
        <p>No requests yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">At (ms)</th>
              <th scope="col">Took (ms)</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id} data-endpoint={request.endpoint}>
                <td>{request.id}</td>
                <td>{request.method}</td>
                <td className="request-path">
                  {request.path}
                  {queryText(request.query)}
                </td>
                <td className={statusClass(request.status)}>{request.status}</td>
                <td>{request.startedAt - startedAt}</td>
                <td>{request.finishedAt - request.startedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

function statusClass(status: RecordedRequest["status"]): string {
  if (status === "network-error" || status >= 500) return "status status-failed";
  if (status >= 400) return "status status-refused";
  return "status status-ok";
}
