// The user's notebooks, most recently changed first.
import "server-only";
import type { Db } from "@/server/db";

export async function listNotebooks(db: Db, args: { userId: string }) {
  const rows = await db.notebook.findMany({
    where: { ownerId: args.userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, title: true, provider: true, createdAt: true, updatedAt: true, _count: { select: { cells: true } } },
  });
  return rows.map(({ _count, ...n }) => ({ ...n, cellCount: _count.cells }));
}
