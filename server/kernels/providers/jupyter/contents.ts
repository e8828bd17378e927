// A kernel's working directory through the Jupyter Server contents API (/api/contents), for the
// files pane and attached datasets: kernels this provider starts run in the server's root, where
// contents paths start (rest.ts). Large files go up in chunks (PUT with chunk = 1, 2, …, -1 and
// base64 content, which Jupyter Server's LargeFileManager appends), one chunk in memory at a time.
import { KernelError } from "@/server/errors";
import type { KernelFile } from "../../types";
import type { JupyterRest } from "./rest";
import { ZBase64FileModel, ZDirectoryModel } from "./schemas";

export type StreamedFile = { path: string; size: number; chunks: AsyncIterable<Uint8Array>; signal?: AbortSignal };
/** How long one transfer request (a listing, a whole file, one chunk) may take. */
export type TransferOptions = { timeoutMs: number; signal?: AbortSignal };

export async function listContents(rest: JupyterRest, path: string, options: TransferOptions): Promise<KernelFile[]> {
  const dir = relativePath(path, { allowDot: true });
  const model = await rest.call(`${contentsUrl(dir)}?type=directory&content=1`, {
    schema: ZDirectoryModel, signal: options.signal, timeoutMs: options.timeoutMs,
    notFound: `There is no directory "${dir}" in the kernel's working directory (or the server has no contents API).`,
  });
  return model.content.map((entry) => ({
    name: entry.name,
    size: entry.type === "directory" ? 0 : (entry.size ?? 0),
    isDirectory: entry.type === "directory",
    modifiedAt: entry.last_modified ?? null,
  }));
}

export async function readContents(rest: JupyterRest, path: string, options: TransferOptions): Promise<Uint8Array> {
  const file = relativePath(path);
  const model = await rest.call(`${contentsUrl(file)}?type=file&format=base64&content=1`, {
    schema: ZBase64FileModel, signal: options.signal, timeoutMs: options.timeoutMs,
    notFound: `There is no file "${file}" in the kernel's working directory.`,
  });
  return new Uint8Array(Buffer.from(model.content, "base64"));
}

/**
 * Creates the file's folders, then sends it: in one PUT when it is one chunk (or empty), else
 * chunk by chunk, holding back one chunk to know which is the last (-1). The bytes must add up to
 * `size` (KernelError "INVALID" before the last chunk is sent otherwise).
 */
export async function writeContents(rest: JupyterRest, file: StreamedFile, options: TransferOptions): Promise<void> {
  const path = relativePath(file.path);
  const transfer = { ...options, signal: file.signal ?? options.signal };
  await makeFolders(rest, path, transfer);
  const put = (bytes: Uint8Array, chunk: number | undefined) => putFile(rest, path, { bytes, chunk }, transfer);
  let held: Uint8Array | undefined;
  let sent = 0;
  let total = 0;
  for await (const chunk of file.chunks) {
    if (chunk.byteLength === 0) continue;
    if (held) await put(held, ++sent);
    held = chunk;
    total += chunk.byteLength;
  }
  if (total !== file.size) {
    throw new KernelError("INVALID", `"${path}" received ${total} bytes where ${file.size} were announced; the file is incomplete.`);
  }
  await put(held ?? new Uint8Array(0), sent === 0 ? undefined : -1);
}

async function putFile(rest: JupyterRest, path: string, part: { bytes: Uint8Array; chunk: number | undefined }, options: TransferOptions): Promise<void> {
  const content = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.byteLength).toString("base64");
  const body = { type: "file", format: "base64", content, ...(part.chunk === undefined ? {} : { chunk: part.chunk }) };
  await rest.call(contentsUrl(path), {
    method: "PUT", body, signal: options.signal, timeoutMs: options.timeoutMs,
    notFound: `The Jupyter server at ${rest.where} offers no contents API, so files cannot be written there.`,
  });
}

/** PUT each missing ancestor folder as a directory model (the server leaves existing ones alone). */
async function makeFolders(rest: JupyterRest, path: string, options: TransferOptions): Promise<void> {
  const parts = path.split("/").slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    await rest.call(contentsUrl(parts.slice(0, i).join("/")), {
      method: "PUT", body: { type: "directory" }, signal: options.signal, timeoutMs: options.timeoutMs,
      notFound: `The Jupyter server at ${rest.where} offers no contents API, so folders cannot be made there.`,
    });
  }
}

function contentsUrl(path: string): string {
  return path === "." ? "api/contents" : `api/contents/${path.split("/").map(encodeURIComponent).join("/")}`;
}

/** "./data//in.csv" → "data/in.csv"; KernelError "INVALID" for absolute paths and "..". */
function relativePath(path: string, options: { allowDot?: boolean } = {}): string {
  const parts = path.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  if (path.startsWith("/") || parts.includes("..") || /[\u0000-\u001f]/.test(path)) {
    throw new KernelError("INVALID", `"${path}" must be a path inside the kernel's working directory, relative to it.`);
  }
  if (parts.length === 0 && !options.allowDot) throw new KernelError("INVALID", "A file needs a name.");
  return parts.length ? parts.join("/") : ".";
}
