import { FAULT_TITLES } from "./inferred";
import { fail, type FakeReply } from "./reply";
import type { FakeEndpoint, FakeFault } from "./types";

/** Faults waiting for the next requests of each endpoint, first queued first served. */
export class FaultQueue {
  private readonly queues = new Map<FakeEndpoint, Array<{ fault: FakeFault; remaining: number }>>();

  add(endpoint: FakeEndpoint, count: number, fault: FakeFault): void {
    const queue = this.queues.get(endpoint) ?? [];
    queue.push({ fault, remaining: count });
    this.queues.set(endpoint, queue);
  }

  /** The fault for the request that just arrived, if one is queued. */
  take(endpoint: FakeEndpoint): FakeFault | undefined {
    const queue = this.queues.get(endpoint);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining === 0) queue.shift();
    return head.fault;
  }

  clear(): void {
    this.queues.clear();
  }
}

/** Whether the fault replaces the answer of a request that was served, rather than the request itself. */
export function landsAfterApplying(fault: FakeFault): boolean {
  return "afterApplying" in fault && fault.afterApplying === true;
}

export function faultReply(fault: FakeFault): FakeReply {
  if ("network" in fault) return { kind: "network-error" };
  const reply = fail(
    fault.status,
    FAULT_TITLES[fault.status],
    "Injected by the fake Elastic Path.",
  );
  if (fault.status === 429 && reply.kind === "error") {
    reply.headers = { "Retry-After": String(fault.retryAfter ?? "1") };
  }
  return reply;
}
