// Session scratch files on Backend.AI (spec §7.1): upload as multipart `src` parts (relative
// names, retried with /home/work/ for 24.x agents), download_single, and directory listings.
import { KernelError } from "@/server/errors";
import type { KernelFile } from "@/server/kernels/types";
import type { BackendAIClient } from "./client";
import { BackendAIHttpError } from "./errors";
import { ZFileRows, ZListFiles } from "./schemas";

export type UploadFile = { name: string; content: Uint8Array | string };

/** The manager's limits (spec §7.1): at most 20 parts, each under 1 MiB. */
export const MAX_UPLOAD_FILES = 20;
export const MAX_FILE_BYTES = 1024 * 1024;
const HOME = "/home/work/";

/** "./data//in.csv" → "data/in.csv"; refuses absolute paths and "..". "." stays "." (the directory itself). */
export function workPath(path: string): string {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (path.startsWith("/") || parts.includes("..")) {
    throw new KernelError("UNAVAILABLE", `"${path}" must be a path inside the session's working directory, relative to it (no leading "/" or "..").`);
  }
  return parts.length ? parts.join("/") : ".";
}

function checkUpload(files: UploadFile[]): void {
  if (files.length === 0 || files.length > MAX_UPLOAD_FILES) throw new KernelError("UNAVAILABLE", `Backend.AI accepts 1 to ${MAX_UPLOAD_FILES} files per upload.`);
  for (const file of files) {
    const size = typeof file.content === "string" ? Buffer.byteLength(file.content) : file.content.byteLength;
    if (size >= MAX_FILE_BYTES) {
      throw new KernelError("UNAVAILABLE", `"${file.name}" is ${size.toLocaleString("en-US")} bytes, but Backend.AI accepts only files under 1 MiB each (its per-file upload limit).`);
    }
    if (workPath(file.name) === ".") throw new KernelError("UNAVAILABLE", "A file to upload needs a name.");
  }
}

function uploadForm(files: UploadFile[], prefix: string): FormData {
  const form = new FormData();
  for (const file of files) {
    const bytes = typeof file.content === "string" ? new TextEncoder().encode(file.content) : new Uint8Array(file.content);
    form.append("src", new Blob([bytes], { type: "application/octet-stream" }), `${prefix}${workPath(file.name)}`);
  }
  return form;
}

const isAgentFailure = (error: unknown) => {
  const cause = error instanceof KernelError ? error.cause : undefined;
  return cause instanceof BackendAIHttpError && cause.status === 500 && cause.problemType === "kernel-execution-failed";
};

/**
 * Uploads files under /home/work with relative names; agents 24.09–25.7 only accept absolute
 * `/home/work/...` names and fail with 500, so that failure is retried once with them (§7.1).
 */
export async function uploadFiles(client: BackendAIClient, options: { sessionId: string; files: UploadFile[]; signal?: AbortSignal }): Promise<void> {
  checkUpload(options.files);
  const path = `${await client.sessionPath(options.sessionId, options.signal)}/upload`;
  const send = (prefix: string) =>
    client.transport.send({ method: "POST", path, form: uploadForm(options.files, prefix), what: "upload files", signal: options.signal });
  try {
    await send("");
  } catch (error) {
    if (!isAgentFailure(error)) throw error;
    await send(HOME);
  }
}

/** `POST …/download_single` (spec §7.1): the raw bytes of one file of at most 1 MiB. */
export async function downloadFile(client: BackendAIClient, options: { sessionId: string; path: string; signal?: AbortSignal }): Promise<Uint8Array> {
  const file = workPath(options.path);
  const { bytes } = await client.transport.sendRaw({
    method: "POST", path: `${await client.sessionPath(options.sessionId, options.signal)}/download_single`, json: { file }, what: `download "${file}"`, signal: options.signal,
  });
  return bytes;
}

/** `GET …/files` with a JSON body (spec §7.1); `files` arrives as JSON text. */
export async function listFiles(client: BackendAIClient, options: { sessionId: string; path: string; signal?: AbortSignal }): Promise<KernelFile[]> {
  const path = workPath(options.path);
  const what = `list "${path}"`;
  const answer = await client.transport.sendParsed({ method: "GET", path: `${await client.sessionPath(options.sessionId, options.signal)}/files`, json: { path }, what, signal: options.signal }, ZListFiles);
  if (!answer.files.trim()) {
    const errors = answer.errors ?? "";
    if (/FileNotFoundError|NotADirectoryError/.test(errors)) throw new KernelError("NOT_FOUND", `There is no directory "${path}" in the session's working directory.`);
    throw new KernelError("UNAVAILABLE", `Backend.AI could not ${what}.`, { cause: new Error(errors) });
  }
  let rows;
  try {
    rows = ZFileRows.parse(JSON.parse(answer.files));
  } catch (cause) {
    throw new KernelError("UNAVAILABLE", `Backend.AI gave an unexpected answer to the request to ${what}.`, { cause });
  }
  return rows.map((r) => ({
    name: r.filename, size: r.size, isDirectory: r.mode.startsWith("d"), modifiedAt: typeof r.mtime === "number" ? new Date(r.mtime * 1000).toISOString() : null,
  }));
}
