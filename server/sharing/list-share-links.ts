// The owner's shared links (all, or one notebook's), newest first, with their views and state.
import "server-only";
import type { Db } from "@/server/db";
import type { ShareLinkSummary } from "./contract";
import { shareLinkState } from "./share-link-state";

export async function listShareLinks(db: Db, args: { userId: string; notebookId?: string }): Promise<ShareLinkSummary[]> {
  const rows = await db.shareLink.findMany({
    where: { ownerId: args.userId, ...(args.notebookId ? { notebookId: args.notebookId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, notebookId: true, title: true, createdAt: true, expiresAt: true, revokedAt: true, views: true, lastViewedAt: true },
  });
  const now = new Date();
  return rows.map((row) => ({ ...row, state: shareLinkState(row, now) }));
}
