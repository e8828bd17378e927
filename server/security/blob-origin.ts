// The origin of the Blob storage account, which the browser calls directly (dataset uploads and
// downloads with a SAS): the one remote origin the pages' connect-src allows.
import type { StorageConfig } from "@/server/env-storage";

function fromConnectionString(cs: string): string | null {
  const parts = new Map(cs.split(";").filter(Boolean).map((kv) => {
    const at = kv.indexOf("=");
    return [kv.slice(0, at).trim().toLowerCase(), kv.slice(at + 1).trim()] as const;
  }));
  const endpoint = parts.get("blobendpoint");
  if (endpoint) return endpoint;
  if (parts.get("usedevelopmentstorage") === "true") return "http://127.0.0.1:10000";
  const account = parts.get("accountname");
  if (!account) return null;
  return `${parts.get("defaultendpointsprotocol") ?? "https"}://${account}.blob.${parts.get("endpointsuffix") ?? "core.windows.net"}`;
}

/** `https://acct.blob.core.windows.net`, `http://127.0.0.1:10000`, or null (no storage, or unreadable). */
export function blobOrigin(config: StorageConfig | null): string | null {
  if (!config) return null;
  const url = config.kind === "connection-string" ? fromConnectionString(config.connectionString) : config.accountUrl;
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}
