// Reads where datasets are stored (an Azure Storage account, or the Azurite that `npm start` and the
// tests run) and the per-user quota, so that a half-configured account stops the server clearly.
import { z } from "zod";

const optional = () => z.string().optional().transform((v) => (v && v.trim() ? v.trim() : undefined));

export const STORAGE_SETTINGS = {
  /** The account's connection string (Azure portal → Access keys), or Azurite's. */
  AZURE_STORAGE_CONNECTION_STRING: optional(),
  /** Instead of a connection string: the account's blob URL and its key. */
  AZURE_STORAGE_ACCOUNT_URL: optional(),
  AZURE_STORAGE_ACCOUNT_KEY: optional(),
  /** The container holding every user's datasets (blob names are generated per user). */
  AZURE_STORAGE_CONTAINER: z.string().regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, "must be a valid container name (3-63 lowercase letters, digits and single dashes)").default("kernelbook-datasets"),
  /** Bytes each user may store in datasets (uploads in progress count). */
  DATASET_QUOTA_BYTES: z.coerce.number().int().positive().default(50 * 1024 ** 3),
};

const ZStorageSettings = z.object(STORAGE_SETTINGS);
type StorageSettings = z.output<typeof ZStorageSettings>;

export type StorageConfig =
  | { kind: "connection-string"; connectionString: string; container: string }
  | { kind: "account-key"; accountUrl: string; accountName: string; accountKey: string; container: string };

/** The storage account to use, or null when none is configured (datasets are then unavailable). */
export function storageConfig(s: StorageSettings, ctx: z.RefinementCtx): StorageConfig | null {
  const container = s.AZURE_STORAGE_CONTAINER;
  if (s.AZURE_STORAGE_CONNECTION_STRING) {
    if (!/AccountKey=/i.test(s.AZURE_STORAGE_CONNECTION_STRING)) {
      ctx.addIssue({ code: "custom", path: ["AZURE_STORAGE_CONNECTION_STRING"], message: "must include AccountKey= (the server signs short-lived SAS URLs with it)" });
    }
    return { kind: "connection-string", connectionString: s.AZURE_STORAGE_CONNECTION_STRING, container };
  }
  if (!s.AZURE_STORAGE_ACCOUNT_URL && !s.AZURE_STORAGE_ACCOUNT_KEY) return null;
  if (!s.AZURE_STORAGE_ACCOUNT_URL || !s.AZURE_STORAGE_ACCOUNT_KEY) {
    ctx.addIssue({ code: "custom", path: [s.AZURE_STORAGE_ACCOUNT_URL ? "AZURE_STORAGE_ACCOUNT_KEY" : "AZURE_STORAGE_ACCOUNT_URL"], message: "set both AZURE_STORAGE_ACCOUNT_URL and AZURE_STORAGE_ACCOUNT_KEY" });
    return null;
  }
  const accountName = accountNameOf(s.AZURE_STORAGE_ACCOUNT_URL);
  if (!accountName) {
    ctx.addIssue({ code: "custom", path: ["AZURE_STORAGE_ACCOUNT_URL"], message: "must be https://<account>.blob.core.windows.net or an emulator URL ending in /<account>" });
    return null;
  }
  return { kind: "account-key", accountUrl: s.AZURE_STORAGE_ACCOUNT_URL.replace(/\/+$/, ""), accountName, accountKey: s.AZURE_STORAGE_ACCOUNT_KEY, container };
}

/** `https://acct.blob.core.windows.net` → acct; `http://127.0.0.1:10000/devstoreaccount1` → devstoreaccount1. */
export function accountNameOf(url: string): string | null {
  try {
    const u = new URL(url);
    const host = /^([a-z0-9]{3,24})\.blob\./.exec(u.hostname)?.[1];
    return host ?? (u.pathname.split("/").filter(Boolean)[0] || null);
  } catch {
    return null;
  }
}
