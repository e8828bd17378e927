// Health of datasets' Blob storage: the store (created once per process) and the latency of a
// container properties call.
import "server-only";
import { env } from "@/server/env";
import { blobStore } from "@/server/storage/blob-store";
import { elapsedMs, timedCheck, type HealthCheck } from "./health-check";

export async function checkBlobStorage(options: { timeoutMs?: number } = {}): Promise<HealthCheck> {
  const base = { id: "blob-storage", kind: "storage" as const, name: "Blob storage" };
  const config = env.storage;
  if (!config) {
    return { ...base, state: "not-configured", latencyMs: null, version: null, detail: "No storage account is configured: datasets are off." };
  }
  return timedCheck(base, async (signal) => {
    const store = await blobStore(); // the first call creates the container: not part of the latency
    const started = performance.now();
    const properties = await store.container.getProperties({ abortSignal: signal });
    return { latencyMs: elapsedMs(started), version: properties.version ? `API ${properties.version}` : null, detail: `Container "${config.container}"` };
  }, options);
}
