// "Share": freezes the notebook as it is now into a read-only link. The token is shown once (in the
// returned URL); only its hash is stored. Audited as share.create.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import type { CreatedShareLink, ShareExpiryDays } from "./contract";
import { buildSnapshot } from "./build-snapshot";
import { newShareToken } from "./share-token";
import { shareUrl } from "./share-url";

const DAY_MS = 24 * 60 * 60_000;

export type CreateShareLinkArgs = { userId: string; notebookId: string; expiresInDays?: ShareExpiryDays; ip?: string | null };

export async function createShareLink(db: Db, args: CreateShareLinkArgs): Promise<CreatedShareLink> {
  const now = new Date();
  const snapshot = await buildSnapshot(db, { userId: args.userId, notebookId: args.notebookId, now });
  const { token, tokenHash } = newShareToken();
  const expiresAt = args.expiresInDays ? new Date(now.getTime() + args.expiresInDays * DAY_MS) : null;
  const link = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: { ownerId: args.userId, notebookId: args.notebookId, tokenHash, title: snapshot.title, snapshot: snapshot as Prisma.InputJsonObject, createdAt: now, expiresAt },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { actorId: args.userId, action: "share.create", target: created.id, detail: { notebookId: args.notebookId, expiresAt: expiresAt?.toISOString() ?? null }, ip: args.ip ?? null },
    });
    return created;
  });
  return { id: link.id, url: shareUrl(token), expiresAt };
}
