import type { RecordedRequest } from "./types";

type Listener = (request: RecordedRequest) => void;

/** Answered requests in arrival order, and the listeners told about each one. */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private readonly listeners = new Set<Listener>();
  private lastId = 0;

  /** Ids follow arrival; a request is only logged once answered (it needs its status). */
  nextId(): number {
    return ++this.lastId;
  }

  add(request: RecordedRequest): void {
    const entry = Object.freeze(request);
    // Latency can make a later request finish first: keep the log in arrival order.
    const at = this.entries.findIndex((other) => other.id > entry.id);
    if (at === -1) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
    for (const listener of [...this.listeners]) {
      try {
        listener(entry);
      } catch (error) {
        // A broken listener (say, a demo's log panel) must not turn answers into failures.
        console.error("A fake Elastic Path onRequest listener threw:", error);
      }
    }
  }

  all(): RecordedRequest[] {
    return [...this.entries];
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Forgets requests and restarts ids at 1; listeners stay subscribed. */
  clear(): void {
    this.entries = [];
    this.lastId = 0;
  }
}
