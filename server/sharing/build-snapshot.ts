// Takes the snapshot a shared link shows: the notebook's cells in order, each code cell's latest
// run with its output events, and the provenance a reader needs to trust it (author, kernel and
// runtime, a hash of the code, the datasets it read).
import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/server/db";
import { readEventsOf } from "@/server/executions/read-events";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { attachedDatasets } from "./attached-datasets";
import { ZSnapshotEvent, type ShareSnapshot, type SnapshotCell } from "./contract";

type LatestRun = { id: string; cellId: string; source: string; status: string; executionCount: number | null; finishedAt: Date | null };

const PROVIDER_LABELS: Record<string, string> = {
  webr: "embedded webR",
  jupyter: "Jupyter",
  backendai: "Backend.AI",
  mlserver: "ML Server",
};

export async function buildSnapshot(db: Db, args: { userId: string; notebookId: string; now: Date }): Promise<ShareSnapshot> {
  const notebook = await findOwnedNotebook(db, args);
  const [author, session, cells, runs] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: args.userId }, select: { name: true, email: true } }),
    db.kernelSession.findFirst({
      where: { notebookId: notebook.id, ownerId: args.userId }, orderBy: { startedAt: "desc" }, select: { provider: true, runtime: true },
    }),
    db.cell.findMany({ where: { notebookId: notebook.id }, orderBy: { rank: "asc" }, select: { id: true, kind: true, source: true } }),
    db.$queryRaw<LatestRun[]>`
      SELECT DISTINCT ON ("cellId") "id", "cellId", "source", "status", "executionCount", "finishedAt"
      FROM "Execution" WHERE "notebookId" = ${notebook.id} AND "cellId" IS NOT NULL
      ORDER BY "cellId", "queuedAt" DESC`,
  ]);
  const runByCell = new Map(runs.map((r) => [r.cellId, r]));
  const events = await readEventsOf(db, runs.map((r) => r.id));
  const eventsByRun = new Map<string, typeof events>();
  for (const e of events) {
    const list = eventsByRun.get(e.executionId);
    if (list) list.push(e);
    else eventsByRun.set(e.executionId, [e]);
  }

  const snapshotCells: SnapshotCell[] = cells.map((cell) => {
    if (cell.kind === "markdown") return { kind: "markdown", source: cell.source };
    const run = runByCell.get(cell.id);
    const kept = (run ? eventsByRun.get(run.id) ?? [] : []).flatMap((e) => {
      const parsed = ZSnapshotEvent.safeParse(e.event);
      return parsed.success ? [parsed.data] : [];
    });
    return { kind: "code", source: cell.source, executionCount: run?.executionCount ?? null, status: run?.status ?? null, events: kept };
  });
  const code = snapshotCells.filter((c) => c.kind === "code").map((c) => c.source);
  const provider = session?.provider ?? notebook.provider;
  const finished = runs.flatMap((r) => (r.finishedAt ? [r.finishedAt.getTime()] : []));

  return {
    version: 1,
    title: notebook.title,
    language: notebook.language === "python" ? "python" : "r",
    author: author.name?.trim() || localPart(author.email),
    takenAt: args.now.toISOString(),
    lastRunAt: finished.length > 0 ? new Date(Math.max(...finished)).toISOString() : null,
    kernel: { provider, providerLabel: PROVIDER_LABELS[provider] ?? provider, runtime: session?.runtime ?? notebook.runtime },
    codeSha256: createHash("sha256").update(code.join("\n"), "utf8").digest("hex"),
    datasets: await attachedDatasets(db, { userId: args.userId, sources: [...code, ...runs.map((r) => r.source)] }),
    cells: snapshotCells,
  };
}

/** "ada.lovelace@example.org" → "ada.lovelace": who wrote it, without where they get their mail. */
function localPart(email: string): string {
  const at = email.lastIndexOf("@");
  return at > 0 ? email.slice(0, at) : "unknown";
}
