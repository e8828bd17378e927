// Reads the Jupyter endpoints out of JUPYTER_URL / JUPYTER_TOKEN / JUPYTER_NAMES (comma-separated,
// positional), so that a miscounted or malformed list stops the server with a clear message.
import { z } from "zod";

/** One Jupyter Server / Kernel Gateway / Enterprise Gateway the kernel picker offers. */
export type JupyterEndpointConfig = {
  /** Shown in the kernel picker: a JUPYTER_NAMES entry, else the URL's host:port (and path). */
  name: string;
  baseUrl: string;
  /** "" for a server without a token. */
  token: string;
};

/** The raw variables, as fields of the environment schema. */
export const JUPYTER_SETTINGS = {
  /** One URL, or several separated by commas; unset or empty: no Jupyter provider. */
  JUPYTER_URL: z.string().optional(),
  /** One token for all URLs, or one per URL in the same order (an empty entry: no token). */
  JUPYTER_TOKEN: z.string().optional(),
  /** One label per URL in the same order (an empty entry: the default label). */
  JUPYTER_NAMES: z.string().optional(),
};

const ZJupyterSettings = z.object(JUPYTER_SETTINGS);
export type JupyterSettings = z.infer<typeof ZJupyterSettings>;

/** Turns the settings into endpoints, reporting each mistake as an issue on its variable. */
export function jupyterEndpoints(settings: JupyterSettings, ctx: z.RefinementCtx): JupyterEndpointConfig[] {
  const fail = (variable: keyof JupyterSettings, message: string): [] => {
    ctx.addIssue({ code: "custom", path: [variable], message });
    return [];
  };
  if (!settings.JUPYTER_URL?.trim()) return [];
  const urls = splitList(settings.JUPYTER_URL);
  const baseUrls: string[] = [];
  for (const [i, entry] of urls.entries()) {
    const baseUrl = toBaseUrl(entry);
    if (!baseUrl) return fail("JUPYTER_URL", `entry ${i + 1} (${JSON.stringify(entry)}) is not an http(s) URL.`);
    if (baseUrls.includes(baseUrl)) return fail("JUPYTER_URL", `lists ${baseUrl} twice.`);
    baseUrls.push(baseUrl);
  }
  const tokens = splitList(settings.JUPYTER_TOKEN ?? "");
  if (tokens.length !== 1 && tokens.length !== urls.length) {
    return fail("JUPYTER_TOKEN", `lists ${count(tokens.length, "token")} for ${count(urls.length, "URL")}: give one token for all of them, or one per URL in the same order.`);
  }
  const names = settings.JUPYTER_NAMES?.trim() ? splitList(settings.JUPYTER_NAMES) : [];
  if (names.length > 0 && names.length !== urls.length) {
    return fail("JUPYTER_NAMES", `lists ${count(names.length, "name")} for ${count(urls.length, "URL")}: give one per URL, in the same order.`);
  }
  const endpoints = baseUrls.map((baseUrl, i) => ({
    name: names[i] || defaultName(baseUrl),
    baseUrl,
    token: tokens.length === 1 ? tokens[0]! : tokens[i]!,
  }));
  const duplicate = endpoints.find((e, i) => endpoints.findIndex((o) => o.name === e.name) !== i);
  if (duplicate) return fail("JUPYTER_NAMES", `names two endpoints "${duplicate.name}": each needs its own name.`);
  return endpoints;
}

/** The same, as a schema of its own (for tests and tools that read only these variables). */
export const ZJupyterEndpoints = ZJupyterSettings.transform(jupyterEndpoints);

function splitList(value: string): string[] {
  return value.split(",").map((entry) => entry.trim());
}

/** The URL as the provider uses it (no credentials, query or trailing slash); undefined if not http(s). */
function toBaseUrl(entry: string): string | undefined {
  if (!URL.canParse(entry)) return undefined;
  const url = new URL(entry);
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.host) return undefined;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

function defaultName(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
