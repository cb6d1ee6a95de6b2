import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import { useState, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import {
  ElasticPathProvider,
  useCustomerLogin,
  useCustomerSession,
  type CustomerSession,
} from "../../src";
import { createFakeElasticPath } from "../../src/testing";
import { createTestClient } from "../support/sdk";
import { server } from "../support/server";
import { SHOPPER } from "../support/harness";

/**
 * A storefront whose parent keeps the session: it first tells its own server (20 ms), then
 * passes the session down; with `showSaving`, it re-renders at once with the old session.
 */
function renderControlledLogin({ showSaving }: { showSaving: boolean }) {
  const fake = createFakeElasticPath();
  server.use(...fake.handlers);
  fake.seedCustomer(SHOPPER);
  const { client } = createTestClient(fake);
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  function Parent({ children }: { children: ReactNode }) {
    const [session, setSession] = useState<CustomerSession>({ status: "signed-out" });
    const [saving, setSaving] = useState(false);
    return (
      <QueryClientProvider client={queryClient}>
        <ElasticPathProvider
          client={client}
          session={session}
          onSessionChange={(next) => {
            if (showSaving) setSaving(true);
            setTimeout(() => {
              setSaving(false);
              setSession(next);
            }, 20);
          }}
        >
          {saving ? "Saving…" : null}
          {children}
        </ElasticPathProvider>
      </QueryClientProvider>
    );
  }
  return renderHook(() => ({ login: useCustomerLogin(), session: useCustomerSession() }), {
    wrapper: Parent,
  });
}

describe("controlled login whose parent stores the session asynchronously", () => {
  it("keeps the login's data once the parent passes the session down", async () => {
    const { result } = renderControlledLogin({ showSaving: false });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.session.status).toBe("signed-in"));
    expect(result.current.login.isSuccess).toBe(true);
  });

  it("keeps it while the parent re-renders with the old session, saving the new one", async () => {
    const { result } = renderControlledLogin({ showSaving: true });
    await act(() => result.current.login.mutateAsync(SHOPPER));
    await waitFor(() => expect(result.current.session.status).toBe("signed-in"));
    expect(result.current.login.isSuccess).toBe(true);
  });
});
