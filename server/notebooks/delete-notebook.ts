// Deletes a notebook the user owns, with its cells and history, after stopping its kernel. Its share
// links are revoked in the same transaction (audited with their count): a link never outlives its notebook.
import "server-only";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";

export async function deleteNotebook(db: Db, args: { userId: string; notebookId: string; ip?: string | null }) {
  const owned = await db.notebook.findFirst({ where: { id: args.notebookId, ownerId: args.userId }, select: { id: true } });
  if (!owned) throw new NotebookError("NOT_FOUND", "Notebook not found.");
  await shutdownKernel(db, { userId: args.userId, notebookId: args.notebookId, reason: "notebook deleted" });
  await db.$transaction(async (tx) => {
    const revoked = await tx.shareLink.updateMany({ where: { notebookId: owned.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count > 0) {
      await tx.auditEvent.create({
        data: { actorId: args.userId, action: "share.revoke_with_notebook", target: owned.id, ip: args.ip ?? null,
          detail: { notebookId: owned.id, count: revoked.count } },
      });
    }
    await tx.notebook.delete({ where: { id: owned.id } });
  });
  return { id: owned.id };
}
