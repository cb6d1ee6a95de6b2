/**
 * Args and controls for latency and fault injection, applied to the story's fake. Stories
 * about a failure set them as their args; a developer can change them in the Controls panel.
 */
import { useLayoutEffect } from "react";
import {
  fakeEndpoints,
  type FakeElasticPath,
  type FakeEndpoint,
  type FakeFault,
} from "../../src/testing";

/** Fault injection choices for the `fault` control. */
export const FAULTS = {
  none: undefined,
  "network error": { network: true },
  "429 with Retry-After: 1": { status: 429, retryAfter: 1 },
  "500": { status: 500 },
  "503": { status: 503 },
} satisfies Record<string, FakeFault | undefined>;

export interface DemoArgs {
  /** Milliseconds the fake waits before each answer. */
  latencyMs: number;
  /** What the next `faultCount` requests to `faultEndpoint` get instead of an answer. */
  fault: keyof typeof FAULTS;
  faultEndpoint: FakeEndpoint;
  faultCount: number;
}

/** Enough latency to see pending states, little enough to keep the test run short. */
export const demoArgs: DemoArgs = {
  latencyMs: 120,
  fault: "none",
  faultEndpoint: "associate",
  faultCount: 1,
};

export const demoArgTypes = {
  latencyMs: {
    name: "Latency (ms)",
    description: "How long the fake Elastic Path waits before each answer (fake only).",
    control: { type: "range", min: 0, max: 3000, step: 50 },
  },
  fault: {
    name: "Fault",
    description:
      "Injects a failure into the next requests to the chosen endpoint (fake only). Changing it queues more.",
    control: { type: "select" },
    options: Object.keys(FAULTS),
  },
  faultEndpoint: {
    name: "Fault endpoint",
    control: { type: "select" },
    options: fakeEndpoints,
  },
  faultCount: {
    name: "Fault count",
    description: "How many requests in a row get the fault.",
    control: { type: "number", min: 1, max: 5, step: 1 },
  },
} as const;

/**
 * Latency and faults from the args, set in layout effects: before any passive effect of the
 * story's components, which is where the hooks start their requests.
 */
export function useFakeControls(fake: FakeElasticPath | undefined, args: DemoArgs) {
  const { latencyMs, fault, faultEndpoint, faultCount } = args;
  useLayoutEffect(() => {
    fake?.setLatency(latencyMs);
  }, [fake, latencyMs]);
  useLayoutEffect(() => {
    const injected = FAULTS[fault];
    if (fake && injected) fake.failNext(faultEndpoint, faultCount, injected);
  }, [fake, fault, faultEndpoint, faultCount]);
}
