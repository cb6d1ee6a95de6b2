/**
 * What crossed the wire: every request the story's fake Elastic Path answered, as it
 * happened, so a developer sees what the hooks do (and how often).
 */
import { Fragment, useSyncExternalStore } from "react";
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

/**
 * The requests that stand out in the log, and the word that says why: what the package is
 * about. To highlight another endpoint, add it here.
 */
export const HIGHLIGHTED_ENDPOINTS: Partial<Record<RecordedRequest["endpoint"], string>> = {
  associate: "association",
  disassociate: "removal",
  "associate-account": "association",
  "disassociate-account": "removal",
  // Something the story's storefront asked for that the fake does not serve.
  "not-implemented": "not implemented",
};

/** `POST /v2/carts/:id/items` adds items; with `cart_items` it merges a cart into another. */
export const isMergeRequest = (request: RecordedRequest) => {
  const data = (request.body as { data?: unknown } | undefined)?.data;
  const entries: unknown[] = Array.isArray(data) ? data : [data];
  return (
    request.endpoint === "add-items" &&
    entries.some((entry) => (entry as { type?: unknown } | undefined)?.type === "cart_items")
  );
};

/** The word a request stands out with in the log, if it does. */
export function highlightOf(request: RecordedRequest): string | undefined {
  return isMergeRequest(request) ? "merge" : HIGHLIGHTED_ENDPOINTS[request.endpoint];
}

/** Ids in paths (UUIDs, long tokens) take the room: their first 8 characters tell them apart. */
const LONG_ID = /^(?=.*\d)[A-Za-z0-9_-]{17,}$/;
const SHORT_ID_LENGTH = 8;

function shortenIds(path: string): string {
  return path
    .split("/")
    .map((segment) => (LONG_ID.test(segment) ? `${segment.slice(0, SHORT_ID_LENGTH)}…` : segment))
    .join("/");
}

function queryText(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text ? `?${decodeURIComponent(text)}` : "";
}

/** The path with a line-break opportunity after each `/` and before each `&`, never mid-word. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=\/)|(?=&)/);
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function statusText(status: RecordedRequest["status"]): string {
  return status === "network-error" ? "network error" : String(status);
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
          <caption>
            Every request the story&apos;s fake Elastic Path answered. Times are milliseconds from
            the start of the story; long ids are shortened (hover a path for all of it).
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">Sent at (ms from story start)</th>
              <th scope="col">Took (ms)</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => {
              const highlight = highlightOf(request);
              const fullPath = `${request.path}${queryText(request.query)}`;
              return (
                <tr
                  key={request.id}
                  data-endpoint={request.endpoint}
                  className={highlight ? "request-highlighted" : undefined}
                >
                  <td>{request.id}</td>
                  <td>{request.method}</td>
                  <td className="request-path" title={fullPath}>
                    <Breakable text={shortenIds(fullPath)} />
                    {highlight && <span className="request-tag">{highlight}</span>}
                  </td>
                  <td className={statusClass(request.status)}>{statusText(request.status)}</td>
                  <td>{request.startedAt - startedAt}</td>
                  <td>{request.finishedAt - request.startedAt}</td>
                </tr>
              );
            })}
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
