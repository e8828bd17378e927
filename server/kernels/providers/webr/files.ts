// The webR kernel's working directory, for the files pane and attached datasets: R answers what is
// there (file.info), webR's file system API moves the bytes. Emscripten resolves relative paths
// against R's getwd(), and writes are appended in small pieces, so no large file crosses to the
// kernel process in one message.
import type { KernelProcess } from "./kernel-process";
import { KernelError } from "@/server/errors";
import { toRString } from "@/server/kernels/r-literal";
import type { KernelFile } from "../../types";

/** What file work needs of a running R session (RSession.fileAccess). */
export type FileAccess = { fs: KernelProcess["FS"]; evalStrings(code: string): Promise<string[]> };

export type StreamedFile = { path: string; size: number; chunks: AsyncIterable<Uint8Array>; signal?: AbortSignal };

/** webR copies every write through a plain JS array in its worker: pieces stay at 1 MiB. */
const PIECE_BYTES = 1024 * 1024;
/** One call to the worker (a piece written, a listing, a whole file read). */
const CALL_TIMEOUT_MS = 120_000;
/** Separates the fields of a listing row (file names cannot hold it in practice). */
const SEP = "\u001f";

export async function listIn(access: FileAccess, path: string, signal?: AbortSignal): Promise<KernelFile[]> {
  const dir = relativePath(path, { allowDot: true });
  const rows = await call(access.evalStrings(listCode(dir)), "list the directory", signal);
  if (rows[0] !== "ok") throw new KernelError("NOT_FOUND", `There is no directory "${dir}" in the kernel's working directory.`);
  return rows.slice(1).map((row) => {
    const [name = "", size = "0", isDir = "FALSE", mtime = "NA"] = row.split(SEP);
    const isDirectory = isDir === "TRUE";
    return { name, size: isDirectory ? 0 : Number(size), isDirectory, modifiedAt: mtime === "NA" ? null : mtime };
  });
}

export async function readIn(access: FileAccess, path: string, signal?: AbortSignal): Promise<Uint8Array> {
  const file = relativePath(path);
  const [kind] = await call(access.evalStrings(kindCode(file)), "look for the file", signal);
  if (kind !== "file") throw new KernelError("NOT_FOUND", `There is no file "${file}" in the kernel's working directory.`);
  return call(access.fs.readFile(file), `read "${file}"`, signal);
}

/** Replaces (or creates) the file, parents included, then appends each chunk as it arrives. */
export async function writeIn(access: FileAccess, file: StreamedFile): Promise<void> {
  const { signal } = file;
  const path = relativePath(file.path);
  const [answer] = await call(access.evalStrings(prepareCode(path)), "prepare the folder", signal);
  if (answer !== "ok") {
    const why = answer === "dir" ? "a folder has that name" : "its folder cannot be created";
    throw new KernelError("INVALID", `"${path}" cannot be written in the kernel's working directory: ${why}.`);
  }
  await call(access.fs.writeFile(path, new Uint8Array(0)), `create "${path}"`, signal);
  let written = 0;
  for await (const chunk of file.chunks) {
    for (let at = 0; at < chunk.byteLength; at += PIECE_BYTES) {
      signal?.throwIfAborted();
      const piece = chunk.subarray(at, Math.min(at + PIECE_BYTES, chunk.byteLength));
      await call(access.fs.writeFile(path, piece, "a"), `write "${path}"`, signal);
      written += piece.byteLength;
    }
  }
  if (written !== file.size) {
    throw new KernelError("INVALID", `"${path}" received ${written} bytes where ${file.size} were announced; the file is incomplete.`);
  }
}

/** "./data//in.csv" → "data/in.csv"; KernelError "INVALID" for absolute paths and "..". */
export function relativePath(path: string, options: { allowDot?: boolean } = {}): string {
  const parts = path.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  if (path.startsWith("/") || parts.includes("..") || path.includes("\u0000")) {
    throw new KernelError("INVALID", `"${path}" must be a path inside the kernel's working directory, relative to it.`);
  }
  if (parts.length === 0 && !options.allowDot) throw new KernelError("INVALID", "A file needs a name.");
  return parts.length ? parts.join("/") : ".";
}

function listCode(dir: string): string {
  return `local({
  p <- ${toRString(dir)}
  if (!dir.exists(p)) return("missing")
  names <- list.files(p, all.files = FALSE)
  info <- file.info(file.path(p, names))
  mtime <- format(info$mtime, "%Y-%m-%dT%H:%M:%SZ", tz = "UTC")
  c("ok", paste(names, sprintf("%.0f", info$size), info$isdir, mtime, sep = "\\037"))
})`;
}

function kindCode(path: string): string {
  return `local({ p <- ${toRString(path)}; if (dir.exists(p)) "dir" else if (file.exists(p)) "file" else "missing" })`;
}

function prepareCode(path: string): string {
  return `local({
  p <- ${toRString(path)}
  if (dir.exists(p)) return("dir")
  dir.create(dirname(p), recursive = TRUE, showWarnings = FALSE)
  if (dir.exists(dirname(p))) "ok" else "no-folder"
})`;
}

/** `work`, failing with KernelError "TIMEOUT" after CALL_TIMEOUT_MS, or with the signal's reason. */
async function call<T>(work: Promise<T>, what: string, signal?: AbortSignal): Promise<T> {
  work.catch(() => undefined); // its late failure has nobody left to tell
  signal?.throwIfAborted();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KernelError("TIMEOUT", `webR did not ${what} within ${CALL_TIMEOUT_MS / 1000} s.`)), CALL_TIMEOUT_MS);
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stop]);
  } catch (cause) {
    if (cause instanceof KernelError || signal?.aborted) throw cause;
    throw new KernelError("UNAVAILABLE", `webR could not ${what}.`, { cause });
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
