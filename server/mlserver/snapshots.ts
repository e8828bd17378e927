// ML Server snapshots from a notebook: save the notebook's session (workspace and files), list
// the user's snapshots, delete one, and start the notebook's kernel afresh from one.
import "server-only";
import type { Db } from "@/server/db";
import { KernelError } from "@/server/errors";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { liveKernels } from "@/server/kernels/live-kernels";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";
import { ensureKernel, kernelChoice } from "@/server/kernels/start-kernel";
import { mlServerFor } from "./ml-server-for";
import { assertOwned, forgetObject, ownedRefs, recordObject } from "./owned-objects";

export type SnapshotSummary = { id: string; name: string; createdAt: string | null; sizeBytes: number | null };

export async function saveSnapshot(db: Db, args: { userId: string; notebookId: string; name: string }): Promise<SnapshotSummary> {
  const notebook = await findOwnedNotebook(db, args);
  const kernel = liveKernels.get(notebook.id);
  if (notebook.provider !== "mlserver" || !kernel || kernel.ownerId !== args.userId || kernel.provider.id !== "mlserver") {
    throw new KernelError("NOT_FOUND", "Run a cell on an ML Server kernel first: a snapshot saves that session's workspace and files.");
  }
  const remoteId = await kernel.ready;
  const { snapshots } = await mlServerFor(db, args.userId);
  const id = await snapshots.create(remoteId, { name: args.name, signal: AbortSignal.timeout(300_000) });
  await recordObject(db, { userId: args.userId, kind: "snapshot", ref: id, label: args.name });
  return { id, name: args.name, createdAt: new Date().toISOString(), sizeBytes: null };
}

export async function listSnapshots(db: Db, args: { userId: string }): Promise<SnapshotSummary[]> {
  const { snapshots, shared } = await mlServerFor(db, args.userId);
  const all = await snapshots.list({ signal: AbortSignal.timeout(30_000) });
  const mine = shared ? await ownedRefs(db, { userId: args.userId, kind: "snapshot" }) : null;
  return all.filter((s) => !mine || mine.has(s.id)).map(({ id, name, createdAt, sizeBytes }) => ({ id, name, createdAt, sizeBytes }));
}

export async function deleteSnapshot(db: Db, args: { userId: string; snapshotId: string }): Promise<void> {
  const { snapshots, shared } = await mlServerFor(db, args.userId);
  await assertOwned(db, { userId: args.userId, kind: "snapshot", ref: args.snapshotId, shared });
  await snapshots.delete(args.snapshotId, { signal: AbortSignal.timeout(30_000) });
  await forgetObject(db, { kind: "snapshot", ref: args.snapshotId });
}

/** Replaces the notebook's kernel with a new ML Server session holding the snapshot. */
export async function startFromSnapshot(db: Db, args: { userId: string; notebookId: string; snapshotId: string }): Promise<void> {
  const notebook = await findOwnedNotebook(db, args);
  if (notebook.provider !== "mlserver") throw new KernelError("UNAVAILABLE", "Choose an ML Server kernel for this notebook first.");
  const { shared } = await mlServerFor(db, args.userId);
  await assertOwned(db, { userId: args.userId, kind: "snapshot", ref: args.snapshotId, shared });
  await shutdownKernel(db, { userId: args.userId, notebookId: notebook.id, reason: "Replaced by a session started from a snapshot." });
  const kernel = await ensureKernel(db, { userId: args.userId, notebookId: notebook.id, ...kernelChoice(notebook), snapshotId: args.snapshotId });
  await kernel.ready;
}
