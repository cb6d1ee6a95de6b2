/**
 * What a route answers, before it becomes an msw `HttpResponse`. Errors stay abstract
 * here because their `status` field is a number on cart endpoints and a string on the
 * auth endpoints (see `errorStatusStyle` in errors.ts): the route layer renders them.
 */
export type FakeReply =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "empty"; status: 204 }
  | { kind: "error"; status: number; error: FakeErrorItem; headers?: Record<string, string> }
  | { kind: "network-error" };

/** One entry of Elastic Path's `errors` array, minus `status` (the reply carries it). */
export interface FakeErrorItem {
  title: string;
  detail?: string;
  meta?: Record<string, unknown>;
}

export function json(status: number, body: unknown): FakeReply {
  return { kind: "json", status, body };
}

export function noContent(): FakeReply {
  return { kind: "empty", status: 204 };
}

export function fail(
  status: number,
  title: string,
  detail?: string,
  meta?: Record<string, unknown>,
): FakeReply {
  const error: FakeErrorItem = { title };
  if (detail !== undefined) error.detail = detail;
  if (meta !== undefined) error.meta = meta;
  return { kind: "error", status, error };
}
