// Saves the cells of a notebook (order, kind, source) against the version the browser based them on.
import "server-only";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";
import type { SaveNotebookInput } from "@/server/contracts/notebook";

export async function saveNotebook(db: Db, args: { userId: string } & SaveNotebookInput) {
  const ids = new Set(args.cells.map((c) => c.id));
  if (ids.size !== args.cells.length) throw new NotebookError("INVALID", "Two cells share one id.");
  return db.$transaction(async (tx) => {
    const bumped = await tx.notebook.updateMany({
      where: { id: args.id, ownerId: args.userId, version: args.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) {
      const exists = await tx.notebook.findFirst({ where: { id: args.id, ownerId: args.userId }, select: { version: true } });
      if (!exists) throw new NotebookError("NOT_FOUND", "Notebook not found.");
      throw new NotebookError(
        "VERSION_CONFLICT",
        "This notebook was changed elsewhere (another tab or window). Reload to get the latest version; your unsaved edits are kept on this page.",
      );
    }
    const existing = await tx.cell.findMany({ where: { notebookId: args.id }, select: { id: true, rank: true, kind: true, source: true } });
    const byId = new Map(existing.map((c) => [c.id, c]));
    const removed = existing.filter((c) => !ids.has(c.id)).map((c) => c.id);
    if (removed.length) await tx.cell.deleteMany({ where: { notebookId: args.id, id: { in: removed } } });
    for (const [rank, cell] of args.cells.entries()) {
      const old = byId.get(cell.id);
      if (old && old.rank === rank && old.kind === cell.kind && old.source === cell.source) continue;
      if (old) await tx.cell.update({ where: { id: cell.id }, data: { rank, kind: cell.kind, source: cell.source } });
      else await createCell(tx, { notebookId: args.id, rank, ...cell });
    }
    const saved = await tx.notebook.findUniqueOrThrow({ where: { id: args.id }, select: { version: true, updatedAt: true } });
    return saved;
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function createCell(tx: Tx, cell: { notebookId: string; id: string; rank: number; kind: string; source: string }) {
  const taken = await tx.cell.findUnique({ where: { id: cell.id }, select: { notebookId: true } });
  if (taken) throw new NotebookError("INVALID", "A cell id is already in use.");
  await tx.cell.create({ data: cell });
}
