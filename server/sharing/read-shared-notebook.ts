// The public side of a shared link, for app/share (not tRPC): finds a link only by its token's hash,
// and only while it is neither revoked nor expired, its notebook still exists and its owner is enabled
// (a disabled owner's links are suspended, not revoked: they open again once re-enabled). Returns the snapshot and the link's dates —
// nothing about the owner beyond the snapshot's author line, no ids, no other notebooks.
import "server-only";
import type { Db } from "@/server/db";
import { ZShareSnapshot, type SharedNotebook } from "./contract";
import { hashShareToken, parseShareToken } from "./share-token";

function liveLinkWhere(token: string, now: Date) {
  return {
    tokenHash: hashShareToken(token), revokedAt: null, notebookId: { not: null }, owner: { disabled: false },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  };
}

export async function readSharedNotebook(db: Db, args: { token: string }): Promise<SharedNotebook | null> {
  const token = parseShareToken(args.token);
  if (!token) return null;
  const row = await db.shareLink.findFirst({
    where: liveLinkWhere(token, new Date()),
    select: { title: true, createdAt: true, expiresAt: true, snapshot: true },
  });
  if (!row) return null;
  const snapshot = ZShareSnapshot.safeParse(row.snapshot);
  if (!snapshot.success) return null;
  return { title: row.title, createdAt: row.createdAt, expiresAt: row.expiresAt, snapshot: snapshot.data };
}

/**
 * Counts one view of a live link, unless the viewer is its owner (their own checks are not readers).
 * One conditional update by token hash: a revoked or expired link is not counted.
 */
export async function countShareView(db: Db, args: { token: string; viewerId: string | null }): Promise<void> {
  const token = parseShareToken(args.token);
  if (!token) return;
  const now = new Date();
  await db.shareLink.updateMany({
    where: { ...liveLinkWhere(token, now), ...(args.viewerId ? { ownerId: { not: args.viewerId } } : {}) },
    data: { views: { increment: 1 }, lastViewedAt: now },
  });
}
