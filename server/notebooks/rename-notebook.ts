// Renames a notebook the user owns.
import "server-only";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";

export async function renameNotebook(db: Db, args: { userId: string; notebookId: string; title: string }) {
  const { count } = await db.notebook.updateMany({
    where: { id: args.notebookId, ownerId: args.userId },
    data: { title: args.title },
  });
  if (count === 0) throw new NotebookError("NOT_FOUND", "Notebook not found.");
  return { id: args.notebookId, title: args.title };
}
