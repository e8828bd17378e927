// The only module that imports kernel providers: maps a provider id to its (process-wide) instance.
import "server-only";
import { env } from "@/server/env";
import { KernelError } from "@/server/errors";
import type { KernelProvider, ProviderId } from "./types";
import { createJupyterEndpoints } from "./providers/jupyter/endpoints";
import { createWebRProvider } from "./providers/webr";

declare global {
  var __kbProviders: Map<ProviderId, KernelProvider> | undefined;
}

const providers: Map<ProviderId, KernelProvider> = (globalThis.__kbProviders ??= new Map());

const factories: Partial<Record<ProviderId, () => KernelProvider>> = {
  webr: () => createWebRProvider(),
  ...jupyterFactory(),
};

/** The jupyter provider is offered when JUPYTER_URL names one server or more. */
function jupyterFactory(): Partial<Record<ProviderId, () => KernelProvider>> {
  const endpoints = env.jupyterEndpoints;
  return endpoints.length > 0 ? { jupyter: () => createJupyterEndpoints(endpoints) } : {};
}

export function getProvider(id: ProviderId): KernelProvider {
  const existing = providers.get(id);
  if (existing) return existing;
  const factory = factories[id];
  if (!factory) throw new KernelError("UNAVAILABLE", `The ${id} kernel provider is not configured on this server.`);
  const provider = factory();
  providers.set(id, provider);
  return provider;
}

export function configuredProviderIds(): ProviderId[] {
  return Object.keys(factories) as ProviderId[];
}
