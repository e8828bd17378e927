// Reads the remote kernel providers' settings (Backend.AI, ML Server) and the key that encrypts
// users' own credentials for them, so that a half-configured provider stops the server clearly.
import { z } from "zod";

/** Unset and empty ("BACKEND_ENDPOINT=" in an .env file) both mean "not set". */
const optional = () => z.string().optional().transform((v) => (v && v.trim() ? v.trim() : undefined));

export const REMOTE_SETTINGS = {
  /** The Backend.AI manager, e.g. https://api.backend.ai; unset: the provider is not offered. */
  BACKEND_ENDPOINT: optional(),
  /** The service keypair used for users who stored none (both or neither). */
  BACKEND_ACCESS_KEY: optional(),
  BACKEND_SECRET_KEY: optional(),
  /** Pin the API version sent in X-BackendAI-Version (default: negotiated from GET /). */
  BACKEND_API_VERSION: optional(),
  /** The ML Server web node, e.g. http://mlserver:12800; unset: the provider is not offered. */
  MLSERVER_URL: optional(),
  MLSERVER_USERNAME: optional(),
  MLSERVER_PASSWORD: optional(),
  /** 32 bytes, base64 or hex: encrypts users' stored keypairs and passwords (AES-256-GCM). */
  CREDENTIALS_KEY: optional(),
};

const ZRemoteSettings = z.object(REMOTE_SETTINGS);
type RemoteSettings = z.output<typeof ZRemoteSettings>;

export type BackendAIConfig = { endpoint: string; apiVersion?: string; service: { accessKey: string; secretKey: string } | null };
export type MlServerConfig = { url: string; service: { username: string; password: string } | null };
export type RemoteConfig = { backendai: BackendAIConfig | null; mlserver: MlServerConfig | null; credentialsKey: Buffer | null };

/** Turns the settings into provider configurations, reporting each mistake on its variable. */
export function remoteConfig(s: RemoteSettings, ctx: z.RefinementCtx): RemoteConfig {
  const fail = (variable: keyof RemoteSettings, message: string) => ctx.addIssue({ code: "custom", path: [variable], message });
  const url = (variable: "BACKEND_ENDPOINT" | "MLSERVER_URL") => {
    const value = s[variable];
    if (value && !z.string().url().safeParse(value).success) fail(variable, "must be an http(s) URL");
    return value?.replace(/\/+$/, "");
  };
  const pair = <K extends keyof RemoteSettings>(a: K, b: K) => {
    if (Boolean(s[a]) !== Boolean(s[b])) fail(s[a] ? b : a, `set both ${a} and ${b}, or neither`);
    return s[a] && s[b] ? [s[a] as string, s[b] as string] : null;
  };
  const backendKeys = pair("BACKEND_ACCESS_KEY", "BACKEND_SECRET_KEY");
  const mlCredentials = pair("MLSERVER_USERNAME", "MLSERVER_PASSWORD");
  const backendEndpoint = url("BACKEND_ENDPOINT");
  const mlUrl = url("MLSERVER_URL");
  return {
    backendai: backendEndpoint
      ? { endpoint: backendEndpoint, apiVersion: s.BACKEND_API_VERSION, service: backendKeys && { accessKey: backendKeys[0], secretKey: backendKeys[1] } }
      : null,
    mlserver: mlUrl ? { url: mlUrl, service: mlCredentials && { username: mlCredentials[0], password: mlCredentials[1] } } : null,
    credentialsKey: credentialsKey(s.CREDENTIALS_KEY, (m) => fail("CREDENTIALS_KEY", m)),
  };
}

function credentialsKey(value: string | undefined, fail: (message: string) => void): Buffer | null {
  if (!value) return null;
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) {
    fail("must be 32 bytes, written as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)");
    return null;
  }
  return key;
}
