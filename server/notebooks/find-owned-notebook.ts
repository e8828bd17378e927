// The one way to load a notebook for a user: scoped by owner, so another user's id is simply "not found".
import "server-only";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";

export async function findOwnedNotebook(db: Db, args: { userId: string; notebookId: string }) {
  const notebook = await db.notebook.findFirst({ where: { id: args.notebookId, ownerId: args.userId } });
  if (!notebook) throw new NotebookError("NOT_FOUND", "Notebook not found.");
  return notebook;
}
