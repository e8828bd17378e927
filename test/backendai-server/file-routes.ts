// Why: session scratch files (spec §7.1): upload (multipart `src` parts), download (tar archives in
// multipart/mixed), download_single and list, confined to the session's /home/work. Agent-side
// refusals are 500 kernel-execution-failed with agent-details, as the manager relays them.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, posix, resolve, sep } from "node:path";
import { z } from "zod";
import type { Faults } from "./faults";
import type { Ctx, Reply } from "./http-types";
import { parseFormData, writeMixed, writeTar, type TarEntry } from "./multipart";
import { checkParams, jsonBody, rawParams } from "./params";
import { agentFailure, ProblemError } from "./problems";
import type { Session, SessionStore } from "./sessions";

export type FileDeps = { store: SessionStore; faults: Faults };

const HOME = "/home/work";
const MAX_FILES = 20;
const MAX_BYTES = 1024 * 1024;

/** The host path for a container path under /home/work; PermissionError (as the agent raises) outside it. */
function hostPath(workDir: string, containerPath: string, verb: string): string {
  const abs = posix.resolve(HOME, containerPath);
  const rel = posix.relative(HOME, abs);
  if (rel.startsWith("..") || posix.isAbsolute(rel)) throw agentFailure("PermissionError", `You cannot ${verb} files outside ${HOME}`);
  const host = resolve(workDir, ...rel.split("/").filter(Boolean));
  if (host !== workDir && !host.startsWith(workDir + sep)) throw agentFailure("PermissionError", `You cannot ${verb} files outside ${HOME}`);
  return host;
}

function running(ctx: Ctx, deps: FileDeps): { s: Session; workDir: string } {
  const s = deps.store.find(ctx.params.id, ctx.keypair.accessKey);
  if (s.status !== "RUNNING" || !s.kernel) throw agentFailure("RuntimeError", `The session is ${s.status}; its container is not running.`);
  return { s, workDir: deps.store.workDir(s) };
}

/**
 * POST /session/{id}/upload: ≤ 20 parts, each < 1 MiB, 204. Agents 24.09 up to 25.8 accept only
 * absolute /home/work/... names (BA24 agent accept_file); 23.09 and 25.8+ accept relative ones too.
 */
export async function uploadFiles(ctx: Ctx, deps: FileDeps): Promise<Reply> {
  const { workDir } = running(ctx, deps);
  const parts = parseFormData(String(ctx.headers["content-type"] ?? ""), ctx.body);
  if (!parts) throw new ProblemError("invalid-api-params", { msg: "Malformed body" });
  if (parts.length > MAX_FILES) throw new ProblemError("invalid-api-params", { msg: "Too many files" });
  if (parts.some((p) => p.data.length >= MAX_BYTES)) throw new ProblemError("invalid-api-params", { msg: "Too large file" });
  const writes = parts.map((part) => {
    const name = part.filename ?? part.name;
    if (deps.faults.agentVersion === "24.09" && !name.startsWith(`${HOME}/`)) {
      throw agentFailure("PermissionError", `Not allowed to upload files outside ${HOME}`);
    }
    return { path: hostPath(workDir, name, "upload"), data: part.data };
  });
  for (const w of writes) {
    mkdirSync(dirname(w.path), { recursive: true });
    writeFileSync(w.path, w.data);
  }
  return { status: 204 };
}

/** What Docker's get_archive gives for a path: the basename, and a directory's contents under it. */
function archiveEntries(host: string, name: string): TarEntry[] {
  const st = statSync(host);
  if (!st.isDirectory()) return [{ name, data: readFileSync(host), mode: st.mode, mtime: st.mtime }];
  const entries: TarEntry[] = [{ name, data: null, mode: st.mode, mtime: st.mtime }];
  for (const child of readdirSync(host).sort()) entries.push(...archiveEntries(join(host, child), `${name}/${child}`));
  return entries;
}

function archive(workDir: string, file: string): Buffer {
  const host = hostPath(workDir, file, "download");
  if (!existsSync(host)) throw agentFailure("FileNotFoundError", `Could not found the file: ${posix.resolve(HOME, file)}`);
  const tar = writeTar(archiveEntries(host, posix.basename(posix.resolve(HOME, file)) || "work"));
  if (tar.length > MAX_BYTES) throw agentFailure("ValueError", "too large file");
  return tar;
}

const ZDownload = z.object({ files: z.union([z.array(z.string()), z.string().transform((f) => [f])]) });

/**
 * POST /session/{id}/download: up to 5 paths, one tar part each, in request order. From the query
 * string only the first `files` value counts (the parameter helper makes it a plain dict).
 */
export async function downloadFiles(ctx: Ctx, deps: FileDeps): Promise<Reply> {
  const raw = ctx.body.length ? rawParams(ctx) : { files: ctx.query.get("files") ?? undefined };
  const { files } = checkParams(ZDownload, raw);
  const { workDir } = running(ctx, deps);
  if (files.length > 5) throw new ProblemError("invalid-api-params", { msg: "Too many files" });
  const mixed = writeMixed(files.map((f) => archive(workDir, f)));
  return { status: 200, raw: mixed };
}

/** GET /session/{id}/download: a deprecated stub since 23.09 (spec §7.1). */
export async function downloadDeprecated(): Promise<Reply> {
  throw new ProblemError("deprecated", { msg: "Use POST to download files." });
}

/** POST /session/{id}/download_single: the raw bytes of one file of at most 1 MiB. */
export async function downloadSingle(ctx: Ctx, deps: FileDeps): Promise<Reply> {
  const { file } = checkParams(z.object({ file: z.string() }), rawParams(ctx));
  const { workDir } = running(ctx, deps);
  const host = hostPath(workDir, file, "download");
  if (!existsSync(host)) throw agentFailure("FileNotFoundError", `Could not found the file: ${posix.resolve(HOME, file)}`);
  if (statSync(host).isDirectory()) throw agentFailure("ValueError", "Expected a single file but got a directory");
  const data = readFileSync(host);
  if (data.length > MAX_BYTES) throw agentFailure("ValueError", "too large file");
  return { status: 200, raw: { contentType: "application/octet-stream", data } };
}

/** Python's stat.filemode for the two kinds the listing meets. */
function filemode(mode: number, isDir: boolean): string {
  const bits = ["r", "w", "x", "r", "w", "x", "r", "w", "x"].map((c, i) => ((mode >> (8 - i)) & 1 ? c : "-")).join("");
  return `${isDir ? "d" : "-"}${bits}`;
}

/** json.dumps of the listing (Python spacing), as the agent's helper script prints it. */
function pyDumps(rows: Record<string, string | number>[]): string {
  const value = (v: string | number) => (typeof v === "string" ? JSON.stringify(v) : String(v));
  return `[${rows.map((r) => `{${Object.entries(r).map(([k, v]) => `"${k}": ${value(v)}`).join(", ")}}`).join(", ")}]`;
}

/** GET /session/{id}/files with a JSON body {"path"}: `files` is JSON *text* (BA24 agent list_files). */
export async function listFiles(ctx: Ctx, deps: FileDeps): Promise<Reply> {
  const body = ctx.body.length ? jsonBody(ctx) : null;
  if (!body) throw new ProblemError("invalid-api-params", { msg: "Expecting value: line 1 column 1 (char 0)" });
  const path = typeof body.path === "string" ? body.path : ".";
  const { workDir } = running(ctx, deps);
  const host = hostPath(workDir, path, "list");
  if (!existsSync(host) || !statSync(host).isDirectory()) {
    const kind = existsSync(host) ? "NotADirectoryError: [Errno 20] Not a directory" : "FileNotFoundError: [Errno 2] No such file or directory";
    const errors = `Traceback (most recent call last):\n  File "<string>", line 8, in <module>\n${kind}: ${JSON.stringify(path).replace(/"/g, "'")}\n`;
    return { status: 200, body: { files: "", errors, abspath: path } };
  }
  const rows = readdirSync(host).sort().map((filename) => {
    const st = statSync(join(host, filename));
    return { mode: filemode(st.mode, st.isDirectory()), size: st.size, ctime: st.ctimeMs / 1000, mtime: st.mtimeMs / 1000, atime: st.atimeMs / 1000, filename };
  });
  return { status: 200, body: { files: `${pyDumps(rows)}\n`, errors: "", abspath: path } };
}
