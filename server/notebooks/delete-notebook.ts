// Deletes a notebook the user owns, with its cells and history, after stopping its kernel.
import "server-only";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";

export async function deleteNotebook(db: Db, args: { userId: string; notebookId: string }) {
  const owned = await db.notebook.findFirst({ where: { id: args.notebookId, ownerId: args.userId }, select: { id: true } });
  if (!owned) throw new NotebookError("NOT_FOUND", "Notebook not found.");
  await shutdownKernel(db, { userId: args.userId, notebookId: args.notebookId, reason: "notebook deleted" });
  await db.notebook.delete({ where: { id: owned.id } });
  return { id: owned.id };
}
