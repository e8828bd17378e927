// Health of each configured kernel provider through its shared instance (webR, Jupyter, or a remote
// provider's service login): a listSpecs call (plus a sign-in where listSpecs asks nothing). A
// remote provider with no service login is reported as needing users' own logins, not as failing.
import "server-only";
import { configuredProviderIds, getProvider, isRemoteProvider, remoteName, remoteProviderSettings } from "@/server/kernels/registry";
import type { KernelSpec, ProviderId } from "@/server/kernels/types";
import { timedCheck, type HealthCheck, type Probe } from "./health-check";

const NAMES: Record<ProviderId, string> = { webr: "webR", jupyter: "Jupyter", backendai: remoteName("backendai"), mlserver: remoteName("mlserver") };

export async function checkProviders(options: { timeoutMs?: number } = {}): Promise<HealthCheck[]> {
  const serviceLogins = new Map(remoteProviderSettings().map((s) => [s.provider, s.serviceLogin]));
  return Promise.all(configuredProviderIds().map((id) => {
    const base = { id: `provider:${id}`, kind: "provider" as const, name: NAMES[id] };
    if (isRemoteProvider(id) && !serviceLogins.get(id)) {
      return { ...base, state: "needs-user-login" as const, latencyMs: null, version: null,
        detail: "No service login is configured: it needs users' own logins, so it is not checked here." };
    }
    return timedCheck(base, (signal) => probe(id, signal), options);
  }));
}

async function probe(id: ProviderId, signal: AbortSignal): Promise<Probe> {
  const provider = getProvider(id);
  const specs = await provider.listSpecs({ signal });
  await provider.checkLogin?.({ signal });
  return { version: null, detail: describeSpecs(specs) };
}

/** What listSpecs says, e.g. "R 4.5.1 — embedded webR" (the providers expose no server version). */
function describeSpecs(specs: KernelSpec[]): string {
  if (specs.length === 0) return "No kernel specs offered.";
  const names = specs.slice(0, 6).map((s) => s.displayName);
  return specs.length > 6 ? `${names.join(", ")} and ${specs.length - 6} more` : names.join(", ");
}
