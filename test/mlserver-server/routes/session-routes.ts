// Why: §2.1–2.6 session lifecycle: create (optionally from a snapshot), list, close, force-close,
// cancel, the blocking execute, console output polled while it runs, and history.
import { z } from "zod";
import { MlApiError } from "../errors";
import { executeInSession, withLineEnding } from "../execute";
import { json, str } from "../http";
import { parseJson, type Handler } from "./context";

const ZCreateSession = z.object({
  name: z.string().nullish(),
  snapshotId: z.string().nullish(),
  runtimeType: z.enum(["R", "Python"]).nullish(),
});

const ZExecute = z.object({
  code: z.string(),
  inputParameters: z.array(z.object({ name: z.string(), value: z.unknown() })).nullish(),
  outputParameters: z.array(z.string()).nullish(),
});

export const sessionRoutes: Record<string, Handler> = {
  createSession: async (ctx, deps) => {
    const body = parseJson(ZCreateSession, ctx.json);
    // The spec's 404 for this operation can only mean an unknown snapshotId (§2.1).
    const snap = body.snapshotId ? deps.snapshots.get(ctx.user, body.snapshotId) : undefined;
    const runtime = body.runtimeType ?? snap?.runtime ?? "R";
    if (snap && snap.runtime !== runtime) throw new MlApiError("BAD_REQUEST", `A ${snap.runtime} snapshot cannot be loaded into a ${runtime} session.`);
    const session = await deps.sessions.create({ owner: ctx.user, name: body.name ?? undefined, runtime });
    if (snap) {
      try {
        await deps.snapshots.loadInto(session.kernel, snap);
      } catch (cause) {
        await deps.sessions.close(session.id);
        throw new MlApiError("INTERNAL", "The snapshot could not be loaded.", { cause });
      }
    }
    return json(201, { sessionId: session.id });
  },
  listSessions: async (ctx, deps) =>
    json(200, deps.sessions.list(ctx.user).map((s) => ({ id: s.id, name: s.name, owner: s.owner, runtimeType: s.runtime }))),
  closeSession: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    await deps.sessions.close(s.id);
    return str(200, "OK");
  },
  closeSessionByForce: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    await deps.sessions.close(s.id);
    return str(200, "OK");
  },
  cancelSession: async (ctx, deps) => {
    deps.sessions.get(ctx.user, ctx.params.id).kernel.interrupt();
    return str(200, "OK");
  },
  executeCode: async (ctx, deps) => {
    const session = deps.sessions.get(ctx.user, ctx.params.id);
    const body = parseJson(ZExecute, ctx.json);
    const request = { code: body.code, inputParameters: body.inputParameters ?? [], outputParameters: body.outputParameters ?? [] };
    const response = await executeInSession(session, request, deps.faults);
    return json(200, response);
  },
  getSessionConsoleOutput: async (ctx, deps) => {
    const s = deps.sessions.get(ctx.user, ctx.params.id);
    return json(200, { consoleOutput: withLineEnding(s.console, deps.faults.lineEnding) });
  },
  listSessionHistory: async (ctx, deps) => json(200, deps.sessions.get(ctx.user, ctx.params.id).history),
};
