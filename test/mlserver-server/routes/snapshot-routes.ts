// Why: §2.9 snapshots (create, load, list, download as zip, delete) and §2.10 GET /status.
import { z } from "zod";
import { bytes, empty, json, str } from "../http";
import { parseJson, type Handler } from "./context";

const ZCreateSnapshot = z.object({ name: z.string().nullish() });

export const snapshotRoutes: Record<string, Handler> = {
  CreateSnapshot: async (ctx, deps) => {
    const session = deps.sessions.get(ctx.user, ctx.params.id);
    const body = parseJson(ZCreateSnapshot, ctx.json);
    const snap = await deps.snapshots.create(session, body.name ?? undefined);
    return json(201, { snapshotId: snap.id });
  },
  LoadSnapshot: async (ctx, deps) => {
    const session = deps.sessions.get(ctx.user, ctx.params.id);
    await deps.snapshots.loadInto(session.kernel, deps.snapshots.get(ctx.user, ctx.params.snapshotId));
    return empty(200);
  },
  ListSnapshots: async (ctx, deps) =>
    json(200, deps.snapshots.list(ctx.user).map((s) => ({ id: s.id, name: s.name, owner: s.owner, creationTime: s.creationTime, contentSize: s.contentSize }))),
  GetSnapshotContent: async (ctx, deps) => bytes(deps.snapshots.zipOf(deps.snapshots.get(ctx.user, ctx.params.id)), "application/zip"),
  DeleteSnapshot: async (ctx, deps) => {
    deps.snapshots.delete(ctx.user, ctx.params.id);
    return str(200, "OK");
  },
  // The shape of the spec's example (leaf components null, numbers and strings in details, §2.10).
  status: async (_ctx, deps) => {
    const shells = deps.sessions.count;
    const node = {
      statusCode: "pass", components: null,
      details: {
        rMaxPoolSize: deps.faults.maxSessions, rActiveShellCount: shells, rCurrentPoolSize: shells, rCanOpenShell: !deps.faults.busy503 && shells < deps.faults.maxSessions ? "True" : "False",
        pythonMaxPoolSize: deps.faults.maxSessions, pythonActiveShellCount: 0, pythonCurrentPoolSize: 0, pythonCanOpenShell: "True", apiVersion: "1.0", logPath: "/tmp",
      },
    };
    return json(200, {
      statusCode: deps.faults.busy503 ? "warn" : "pass",
      components: {
        backends: { statusCode: "pass", components: { [`${deps.url()}/`]: node }, details: {} },
        database: { statusCode: "pass", components: null, details: { type: "memory", name: "main", state: "Open" } },
      },
      details: { logPath: "/tmp" },
    });
  },
};
