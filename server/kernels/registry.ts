// The only module that imports kernel providers: maps a provider id to its instance, process-wide
// for the shared logins (webR, Jupyter, the Backend.AI / ML Server service accounts) and per user
// for users who stored their own Backend.AI keypair or ML Server login.
import "server-only";
import { env } from "@/server/env";
import { KernelError } from "@/server/errors";
import type { KernelProvider, ProviderId } from "./types";
import { createBackendAIProvider } from "./providers/backendai";
import { createJupyterEndpoints } from "./providers/jupyter/endpoints";
import { createMlServerProvider, type MlServerProvider } from "./providers/mlserver";
import { createWebRProvider } from "./providers/webr";

/** A login to a remote provider: access key + secret key, or user name + password. */
export type ProviderLogin = { identity: string; secret: string };
export type RemoteProviderId = "backendai" | "mlserver";

declare global {
  var __kbProviders: Map<string, KernelProvider> | undefined;
}

/** Instances by id ("webr") or, for a user's own login, by id, user and login version. */
const providers: Map<string, KernelProvider> = (globalThis.__kbProviders ??= new Map());

const remoteFactories: Partial<Record<RemoteProviderId, (login: ProviderLogin) => KernelProvider>> = {
  ...(env.backendai && {
    backendai: (login: ProviderLogin) =>
      createBackendAIProvider({ endpoint: env.backendai!.endpoint, apiVersion: env.backendai!.apiVersion, accessKey: login.identity, secretKey: login.secret }),
  }),
  ...(env.mlserver && {
    mlserver: (login: ProviderLogin) => createMlServerProvider({ url: env.mlserver!.url, username: login.identity, password: login.secret }),
  }),
};

const serviceLogins: Partial<Record<RemoteProviderId, ProviderLogin | null>> = {
  backendai: env.backendai?.service ? { identity: env.backendai.service.accessKey, secret: env.backendai.service.secretKey } : null,
  mlserver: env.mlserver?.service ? { identity: env.mlserver.service.username, secret: env.mlserver.service.password } : null,
};

const factories: Partial<Record<ProviderId, () => KernelProvider>> = {
  webr: () => createWebRProvider({ memoryLimitMb: env.KERNEL_MEMORY_MB }),
  ...(env.jupyterEndpoints.length > 0 && { jupyter: () => createJupyterEndpoints(env.jupyterEndpoints) }),
};

export function isRemoteProvider(id: ProviderId): id is RemoteProviderId {
  return id === "backendai" || id === "mlserver";
}

/** The shared instance: webR, Jupyter, or a remote provider's service login. */
export function getProvider(id: ProviderId): KernelProvider {
  const existing = providers.get(id);
  if (existing) return existing;
  const provider = isRemoteProvider(id) ? serviceProvider(id) : factories[id]?.();
  if (!provider) throw new KernelError("UNAVAILABLE", `The ${id} kernel provider is not configured on this server.`);
  providers.set(id, provider);
  return provider;
}

function serviceProvider(id: RemoteProviderId): KernelProvider | undefined {
  const factory = remoteFactories[id];
  if (!factory) return undefined;
  const login = serviceLogins[id];
  if (!login) throw new KernelError("UNAVAILABLE", `${remoteName(id)} needs your own login on this server: add it in Settings.`);
  return factory(login);
}

/** An instance signed in as one user; a changed login (new `version`) gets a new instance. */
export function getUserProvider(id: RemoteProviderId, user: { userId: string; version: number; login: ProviderLogin }): KernelProvider {
  const key = `${id}:${user.userId}:${user.version}`;
  const existing = providers.get(key);
  if (existing) return existing;
  const factory = remoteFactories[id];
  if (!factory) throw new KernelError("UNAVAILABLE", `The ${id} kernel provider is not configured on this server.`);
  for (const old of providers.keys()) if (old.startsWith(`${id}:${user.userId}:`)) providers.delete(old);
  const provider = factory(user.login);
  providers.set(key, provider);
  return provider;
}

/** A provider checked with a login before it is stored: not cached. */
export function probeProvider(id: RemoteProviderId, login: ProviderLogin): KernelProvider {
  const factory = remoteFactories[id];
  if (!factory) throw new KernelError("UNAVAILABLE", `The ${id} kernel provider is not configured on this server.`);
  return factory(login);
}

/** Forgets a user's own instance (their login was removed), ending its login. */
export async function dropUserProvider(id: RemoteProviderId, userId: string): Promise<void> {
  for (const [key, provider] of providers) {
    if (!key.startsWith(`${id}:${userId}:`)) continue;
    providers.delete(key);
    await provider.disconnect?.().catch(() => {});
  }
}

export function configuredProviderIds(): ProviderId[] {
  return [...(Object.keys(factories) as ProviderId[]), ...(Object.keys(remoteFactories) as ProviderId[])];
}

/** Which remote providers are configured, and whether a shared service login exists for each. */
export function remoteProviderSettings(): { provider: RemoteProviderId; serviceLogin: boolean }[] {
  return (Object.keys(remoteFactories) as RemoteProviderId[]).map((provider) => ({ provider, serviceLogin: Boolean(serviceLogins[provider]) }));
}

export function remoteName(id: RemoteProviderId): string {
  return id === "backendai" ? "Backend.AI" : "ML Server";
}

/** ML Server's snapshots and web services (outside the kernel contract), for an mlserver instance. */
export function mlServerTools(provider: KernelProvider): Pick<MlServerProvider, "snapshots" | "services"> {
  if (provider.id !== "mlserver") throw new KernelError("UNAVAILABLE", "Snapshots and web services are features of ML Server kernels.");
  const { snapshots, services } = provider as MlServerProvider;
  return { snapshots, services };
}

/** Whether a provider instance acts on a shared service login (its objects must be kept apart per user). */
export function isServiceInstance(id: RemoteProviderId, provider: KernelProvider): boolean {
  return providers.get(id) === provider;
}
