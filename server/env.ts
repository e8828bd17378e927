// The only reader of process.env: every setting is validated here once, with its default.
import "server-only";
import { z } from "zod";
import { isProxyEntry } from "./auth/client-address";
import { JUPYTER_SETTINGS, jupyterEndpoints } from "./env-jupyter";
import { REMOTE_SETTINGS, remoteConfig } from "./env-remote";
import { STORAGE_SETTINGS, storageConfig } from "./env-storage";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url(),
  NEXTAUTH_SECRET: z.string().min(16),
  NEXTAUTH_URL: z.string().url().optional(),
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean)),
  ALLOW_SIGNUP: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  /** Addresses or CIDR ranges of the reverse proxies in front of the app; only their X-Forwarded-For is read. */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((e) => e.trim()).filter(Boolean))
    .refine((list) => list.every(isProxyEntry), "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges (e.g. 10.0.0.0/8)"),
  KERNEL_IDLE_TIMEOUT_MINUTES: z.coerce.number().positive().default(60),
  /** Resident memory (MB) above which an embedded webR kernel's process is stopped. */
  KERNEL_MEMORY_MB: z.coerce.number().int().min(256).default(2048),
  MAX_CODE_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  MAX_OUTPUT_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  KB_INSTANCE_ID: z.string().optional(),
  /** Jupyter Servers / Kernel Gateways / Enterprise Gateways to offer as the `jupyter` provider. */
  ...JUPYTER_SETTINGS,
  /** Backend.AI, ML Server and the key for users' own credentials to them. */
  ...REMOTE_SETTINGS,
  /** Azure Blob Storage (or Azurite) for datasets, and the per-user quota. */
  ...STORAGE_SETTINGS,
}).transform((all, ctx) => {
  const { JUPYTER_URL, JUPYTER_TOKEN, JUPYTER_NAMES, BACKEND_ENDPOINT, BACKEND_ACCESS_KEY, BACKEND_SECRET_KEY, BACKEND_API_VERSION,
    MLSERVER_URL, MLSERVER_USERNAME, MLSERVER_PASSWORD, CREDENTIALS_KEY,
    AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT_URL, AZURE_STORAGE_ACCOUNT_KEY, AZURE_STORAGE_CONTAINER, ...rest } = all;
  return {
    ...rest,
    storage: storageConfig({ AZURE_STORAGE_CONNECTION_STRING, AZURE_STORAGE_ACCOUNT_URL, AZURE_STORAGE_ACCOUNT_KEY, AZURE_STORAGE_CONTAINER, DATASET_QUOTA_BYTES: rest.DATASET_QUOTA_BYTES }, ctx),
    // The Jupyter variables become one list of endpoints (empty: the provider is not offered).
    jupyterEndpoints: jupyterEndpoints({ JUPYTER_URL, JUPYTER_TOKEN, JUPYTER_NAMES }, ctx),
    ...remoteConfig({ BACKEND_ENDPOINT, BACKEND_ACCESS_KEY, BACKEND_SECRET_KEY, BACKEND_API_VERSION, MLSERVER_URL, MLSERVER_USERNAME, MLSERVER_PASSWORD, CREDENTIALS_KEY }, ctx),
  };
});

export type Env = z.infer<typeof ZEnv>;

// `next build` imports server modules to collect page data; nothing connects then, so a build
// needs no database or secret (they are read again when the server starts).
const BUILD_PLACEHOLDERS =
  process.env.NEXT_PHASE === "phase-production-build"
    ? { DATABASE_URL: "postgresql://build@127.0.0.1:1/build", NEXTAUTH_SECRET: "build-time-placeholder-secret" }
    : {};

function readEnv(): Env {
  const parsed = ZEnv.safeParse({ ...BUILD_PLACEHOLDERS, ...process.env });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${issues}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();
