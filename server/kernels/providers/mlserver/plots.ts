// Plots of a finished run (§3): image files listed in changedFiles are fetched from the working
// directory and shown; the runner's own files (kb-plot-<nonce>-NNN.png) are then deleted, files
// the code wrote itself are left where they are.
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { MlServerClient } from "./client";
import { plotFilePrefix } from "./runner.R";

const IMAGE_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  bmp: "image/bmp",
  svg: "image/svg+xml",
};

export type PlotOptions = {
  client: MlServerClient;
  sessionId: string;
  changedFiles: string[];
  /** The run's nonce; without one (Python) no file is the runner's. */
  nonce?: string;
  signal?: AbortSignal;
};

export function imageType(name: string): string | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext ? IMAGE_TYPES[ext] : undefined;
}

/** The runner's pages first, in page order, then other images in the server's order. */
function plotFiles(changedFiles: string[], nonce: string | undefined): { name: string; own: boolean }[] {
  const prefix = nonce ? plotFilePrefix(nonce) : undefined;
  const images = [...new Set(changedFiles)].filter((name) => imageType(name) !== undefined);
  const own = images.filter((name) => prefix !== undefined && name.startsWith(prefix)).sort();
  const others = images.filter((name) => !own.includes(name));
  return [...own.map((name) => ({ name, own: true })), ...others.map((name) => ({ name, own: false }))];
}

export async function fetchPlots(options: PlotOptions): Promise<ExecEvent[]> {
  const { client, sessionId, signal } = options;
  const events: ExecEvent[] = [];
  for (const file of plotFiles(options.changedFiles, options.nonce)) {
    const mime = imageType(file.name) ?? "image/png";
    let bytes: Uint8Array;
    try {
      bytes = await client.downloadFile(sessionId, file.name, { signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      // A file deleted again during the run was "changed" too; anything else is worth a word.
      if (error instanceof KernelError && error.code === "NOT_FOUND") continue;
      events.push({ type: "warning", text: `The plot ${file.name} could not be fetched from ML Server: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const content = mime === "image/svg+xml" ? new TextDecoder().decode(bytes) : Buffer.from(bytes).toString("base64");
    if (bytes.byteLength > 0) events.push({ type: "display_data", data: { [mime]: content } });
    if (file.own) await client.deleteFile(sessionId, file.name, { signal }).catch(() => undefined);
  }
  return events;
}
