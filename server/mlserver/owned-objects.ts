// Who made which ML Server snapshot or web service, kept by Kernelbook: on a shared service login
// the server's lists hold every user's objects, and a user may see and touch only their own.
import "server-only";
import type { Db } from "@/server/db";
import { KernelError } from "@/server/errors";

export type RemoteKind = "snapshot" | "service";

export async function recordObject(db: Db, args: { userId: string; kind: RemoteKind; ref: string; label?: string }): Promise<void> {
  await db.remoteObject.upsert({
    where: { provider_kind_ref: { provider: "mlserver", kind: args.kind, ref: args.ref } },
    create: { userId: args.userId, provider: "mlserver", kind: args.kind, ref: args.ref, label: args.label },
    update: { userId: args.userId, label: args.label },
  });
}

export async function ownedRefs(db: Db, args: { userId: string; kind: RemoteKind }): Promise<Set<string>> {
  const rows = await db.remoteObject.findMany({ where: { userId: args.userId, provider: "mlserver", kind: args.kind }, select: { ref: true } });
  return new Set(rows.map((r) => r.ref));
}

/** On a shared login, refuses (as not found) an object the user did not make. */
export async function assertOwned(db: Db, args: { userId: string; kind: RemoteKind; ref: string; shared: boolean }): Promise<void> {
  if (!args.shared) return;
  const row = await db.remoteObject.findFirst({ where: { userId: args.userId, provider: "mlserver", kind: args.kind, ref: args.ref } });
  if (!row) throw new KernelError("NOT_FOUND", args.kind === "snapshot" ? "There is no such snapshot." : "There is no such web service.");
}

export async function forgetObject(db: Db, args: { kind: RemoteKind; ref: string }): Promise<void> {
  await db.remoteObject.deleteMany({ where: { provider: "mlserver", kind: args.kind, ref: args.ref } });
}

export function serviceRef(name: string, version: string): string {
  return `${name}/${version}`;
}
