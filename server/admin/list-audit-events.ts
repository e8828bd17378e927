// The admin dashboard's audit log: newest first, filtered by action, actor and date range, paged by cursor.
import "server-only";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";

export const ZListAuditEventsInput = z.object({
  action: z.string().trim().max(100).optional(),
  /** Part of the actor's email (or the target's: failed sign-ins have no actor, only the email tried). */
  actor: z.string().trim().max(200).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListAuditEventsInput = z.input<typeof ZListAuditEventsInput>;

export type AuditRow = {
  id: string;
  action: string;
  actorEmail: string | null;
  target: string | null;
  detail: unknown;
  ip: string | null;
  createdAt: Date;
};

export async function listAuditEvents(db: Db, input: ListAuditEventsInput = {}): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const { action, actor, from, to, cursor, limit } = ZListAuditEventsInput.parse(input);
  const where: Prisma.AuditEventWhereInput = {
    ...(action ? { action } : {}),
    ...(actor
      ? { OR: [{ actor: { email: { contains: actor, mode: "insensitive" } } }, { actorId: null, target: { contains: actor, mode: "insensitive" } }] }
      : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
  };
  const found = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: { actor: { select: { email: true } } },
  });
  const rows = found.slice(0, limit).map((e) => ({
    id: e.id, action: e.action, actorEmail: e.actor?.email ?? null, target: e.target, detail: e.detail, ip: e.ip, createdAt: e.createdAt,
  }));
  return { rows, nextCursor: found.length > limit ? found[limit - 1].id : null };
}

/** The actions present in the log, for the filter's choices. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const groups = await db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return groups.map((g) => g.action);
}
