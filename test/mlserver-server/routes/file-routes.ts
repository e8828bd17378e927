// Why: §2.7 working-directory files (multipart upload in the field "file") and §2.8 workspace
// objects (.RData / pickled bytes in and out, names listed, objects removed).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MlApiError, notFound } from "../errors";
import { bytes, empty, json, safeFileName } from "../http";
import { KernelError } from "../kernel";
import type { Session } from "../sessions";
import type { Ctx, Deps, Handler } from "./context";

function fileIn(session: Session, name: string): string {
  const safe = safeFileName(name);
  const path = safe && join(session.workDir, safe);
  if (!path || safe !== name || !existsSync(path) || !statSync(path).isFile()) throw notFound(`File '${name}'`);
  return path;
}

/** A workspace command whose R/Python failure means "no such object" (or, for uploads, bad bytes). */
async function objectCommand<T>(ctx: Ctx, run: () => Promise<T>, failure: "NOT_FOUND" | "BAD_REQUEST"): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (!(cause instanceof KernelError && cause.code === "COMMAND_FAILED")) throw cause;
    const message = failure === "NOT_FOUND" ? `Object '${ctx.params.objectName}' not found.` : `The object could not be read: ${cause.message}`;
    throw new MlApiError(failure, message, { cause });
  }
}

function scratch(deps: Deps): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(deps.root, "object-"));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export const fileRoutes: Record<string, Handler> = {
  listSessionFiles: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    return json(200, readdirSync(s.workDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort());
  },
  uploadSessionFile: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    const part = ctx.parts?.find((p) => p.name === "file");
    const name = safeFileName(part?.filename);
    if (!part || !name) throw new MlApiError("BAD_REQUEST", "A multipart form field 'file' with a file name is required.", { fields: "file" });
    writeFileSync(join(s.workDir, name), part.data);
    return empty(201);
  },
  getSessionFile: async (ctx, deps) => bytes(readFileSync(fileIn(deps.sessions.get(ctx.user, ctx.params.id), ctx.params.fileName))),
  deleteSessionFile: async (ctx, deps) => {
    rmSync(fileIn(deps.sessions.get(ctx.user, ctx.params.id), ctx.params.fileName));
    return empty(200);
  },
  listWorkspaceObjects: async (ctx, deps) => json(200, await deps.sessions.get(ctx.user, ctx.params.id, { goneStatus: "GONE" }).kernel.list()),
  getWorkspaceObject: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    const tmp = scratch(deps);
    try {
      const file = join(tmp.dir, "object");
      await objectCommand(ctx, () => s.kernel.control("SAVE", ctx.params.objectName, file), "NOT_FOUND");
      return bytes(readFileSync(file));
    } finally {
      tmp.done();
    }
  },
  setWorkspaceObject: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    const tmp = scratch(deps);
    try {
      const file = join(tmp.dir, "object");
      writeFileSync(file, ctx.raw);
      await objectCommand(ctx, () => s.kernel.control("LOAD", ctx.params.objectName, file), "BAD_REQUEST");
      return empty(200);
    } finally {
      tmp.done();
    }
  },
  deleteWorkspaceObject: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    await objectCommand(ctx, () => s.kernel.control("RM", ctx.params.objectName), "NOT_FOUND");
    return empty(200);
  },
};
