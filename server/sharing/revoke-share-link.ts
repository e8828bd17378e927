// Revoke: the link stops opening at once (its page and preview image answer 404). Revoking twice
// is harmless; another user's link is "not found". Audited as share.revoke.
import "server-only";
import type { Db } from "@/server/db";
import { NotebookError } from "@/server/errors";

export async function revokeShareLink(db: Db, args: { userId: string; id: string; ip?: string | null }): Promise<{ id: string; revokedAt: Date }> {
  const link = await db.shareLink.findFirst({ where: { id: args.id, ownerId: args.userId }, select: { id: true, revokedAt: true } });
  // A share link belongs to a notebook's sharing: its absence reads as the notebook domain's "not found".
  if (!link) throw new NotebookError("NOT_FOUND", "Not found: no shared link of yours has this id.");
  if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt };
  const revokedAt = new Date();
  await db.$transaction([
    db.shareLink.update({ where: { id: link.id }, data: { revokedAt } }),
    db.auditEvent.create({ data: { actorId: args.userId, action: "share.revoke", target: link.id, ip: args.ip ?? null } }),
  ]);
  return { id: link.id, revokedAt };
}
