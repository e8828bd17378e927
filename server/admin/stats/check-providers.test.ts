// Provider health without real servers: a reachable provider, one needing users' own logins,
// one that does not answer in time, and one that fails.
import { describe, expect, it, vi } from "vitest";
import type { KernelProvider, ProviderId } from "@/server/kernels/types";

const fakes: Partial<Record<ProviderId, Partial<KernelProvider>>> = {
  webr: { listSpecs: async () => [{ name: "r-4", displayName: "R 4.5 — embedded webR", language: "r" }] },
  jupyter: { listSpecs: async () => { throw new Error("connect ECONNREFUSED"); } },
  mlserver: { listSpecs: async () => [], checkLogin: () => new Promise<void>(() => {}) },
};

vi.mock("@/server/kernels/registry", () => ({
  configuredProviderIds: () => ["webr", "jupyter", "backendai", "mlserver"],
  remoteProviderSettings: () => [{ provider: "backendai", serviceLogin: false }, { provider: "mlserver", serviceLogin: true }],
  isRemoteProvider: (id: string) => id === "backendai" || id === "mlserver",
  remoteName: (id: string) => (id === "backendai" ? "Backend.AI" : "ML Server"),
  getProvider: (id: ProviderId) => fakes[id] ?? (() => { throw new Error(`unexpected provider ${id}`); })(),
}));

const { checkProviders } = await import("./check-providers");

describe("checkProviders", () => {
  it("reports each configured provider in the registry's order", async () => {
    const checks = await checkProviders({ timeoutMs: 100 });
    expect(checks.map((c) => [c.id, c.state])).toEqual([
      ["provider:webr", "reachable"], ["provider:jupyter", "unreachable"], ["provider:backendai", "needs-user-login"], ["provider:mlserver", "unreachable"],
    ]);
    const [webr, jupyter, backendai, mlserver] = checks;
    expect(webr).toMatchObject({ name: "webR", latencyMs: expect.any(Number), detail: "R 4.5 — embedded webR" });
    expect(jupyter).toMatchObject({ latencyMs: null, detail: "connect ECONNREFUSED" });
    expect(backendai).toMatchObject({ name: "Backend.AI", latencyMs: null, detail: expect.stringContaining("users' own logins") });
    expect(mlserver).toMatchObject({ name: "ML Server", detail: "It did not answer within 0.1 s." });
  });
});
