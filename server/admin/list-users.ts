// The admin dashboard's user list: search by email or name, with role, status, last sign-in and notebook count.
import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db";

export const ZListUsersInput = z.object({
  query: z.string().trim().max(200).default(""),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ListUsersInput = z.input<typeof ZListUsersInput>;

export type AdminUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  notebooks: number;
};

export async function listUsers(db: Db, input: ListUsersInput = {}): Promise<AdminUserRow[]> {
  const { query, limit } = ZListUsersInput.parse(input);
  const where = query
    ? { OR: [{ email: { contains: query, mode: "insensitive" as const } }, { name: { contains: query, mode: "insensitive" as const } }] }
    : {};
  const users = await db.user.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, _count: { select: { notebooks: true } } },
  });
  const signIns = await db.signInAttempt.groupBy({
    by: ["email"],
    where: { ok: true, email: { in: users.map((u) => u.email) } },
    _max: { createdAt: true },
  });
  const last = new Map(signIns.map((s) => [s.email, s._max.createdAt]));
  return users.map(({ _count, ...u }) => ({ ...u, lastSignInAt: last.get(u.email) ?? null, notebooks: _count.notebooks }));
}
