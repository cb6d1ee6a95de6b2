import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useCustomerSession, type CustomerSession } from "../../src";
import { createHarness } from "../support/harness";

describe("controlled session that expires", () => {
  it("signs out once, without recursing, when the controlled session is already expired", () => {
    const onSessionChange = vi.fn();
    const session: CustomerSession = {
      status: "signed-in",
      customerId: "c-1",
      token: "t",
      expiresAt: Date.now() - 1,
    };
    const { wrapper } = createHarness({ provider: { session, onSessionChange } });
    const { result } = renderHook(() => useCustomerSession(), { wrapper });
    expect(result.current).toEqual({ status: "signed-out" });
    expect(onSessionChange).toHaveBeenCalledTimes(1);
  });

  it("signs out once when the controlled session's time is up", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const onSessionChange = vi.fn();
      const session: CustomerSession = {
        status: "signed-in",
        customerId: "c-1",
        token: "t",
        expiresAt: Date.now() + 5_000,
      };
      const { wrapper } = createHarness({ provider: { session, onSessionChange } });
      const { result } = renderHook(() => useCustomerSession(), { wrapper });
      expect(result.current.status).toBe("signed-in");
      await act(() => vi.advanceTimersByTimeAsync(5_001));
      expect(result.current).toEqual({ status: "signed-out" });
      expect(onSessionChange).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
