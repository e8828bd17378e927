// Gives a notebook its kernel: the live one if this process holds it, else a new session of the
// notebook's chosen provider and spec that starts in the background (executions queue behind it).
import "server-only";
import type { Db } from "@/server/db";
import { PROVIDER_IDS, type ProviderId, type StartOptions } from "./types";
import { providerForUser } from "./provider-for-user";
import { instanceId } from "./instance";
import { liveKernels, type LiveKernel } from "./live-kernels";

export type EnsureKernelArgs = {
  userId: string;
  notebookId: string;
  provider: string;
  /** The kernel spec to start (Notebook.runtime); the provider's default when absent. */
  spec?: string | null;
  /** Chosen resources (Notebook.kernelResources), for providers that offer a choice. */
  resources?: Record<string, string> | null;
  /** Start from this snapshot (ML Server). */
  snapshotId?: string;
};

export type StoredKernelChoice = { provider: string; spec: string | null; resources: Record<string, string> | null; language: string };

/** A notebook's stored kernel choice, as ensureKernel takes it. */
export function kernelChoice(notebook: { provider: string; runtime: string | null; kernelResources: unknown; language: string }): StoredKernelChoice {
  const r = notebook.kernelResources;
  const resources = r && typeof r === "object" && !Array.isArray(r)
    ? Object.fromEntries(Object.entries(r).filter((e): e is [string, string] => typeof e[1] === "string"))
    : null;
  return { provider: notebook.provider, spec: notebook.runtime, resources, language: notebook.language };
}

declare global {
  var __kbKernelsOpening: Map<string, Promise<LiveKernel>> | undefined;
}

/** Kernels being set up, by notebook: concurrent runs of one notebook share one new kernel. */
const opening: Map<string, Promise<LiveKernel>> = (globalThis.__kbKernelsOpening ??= new Map());

export async function ensureKernel(db: Db, args: EnsureKernelArgs): Promise<LiveKernel> {
  const live = liveKernels.get(args.notebookId);
  if (live) return live;
  const pending = opening.get(args.notebookId);
  if (pending) return pending;
  const created = openKernel(db, args).finally(() => opening.delete(args.notebookId));
  opening.set(args.notebookId, created);
  return created;
}

async function openKernel(db: Db, args: EnsureKernelArgs): Promise<LiveKernel> {
  const providerId = toProviderId(args.provider);
  // A spec belongs to its provider: none is passed when an unknown provider fell back to webR.
  const spec = providerId === args.provider ? (args.spec ?? undefined) : undefined;
  const resources = providerId === args.provider ? (args.resources ?? undefined) : undefined;
  const provider = await providerForUser(db, { userId: args.userId, provider: providerId });
  const previous = await db.kernelSession.findFirst({
    where: { notebookId: args.notebookId }, orderBy: { startedAt: "desc" }, select: { endReason: true, endCause: true },
  });
  await db.kernelSession.updateMany({
    where: { notebookId: args.notebookId, endedAt: null },
    data: { status: "dead", endedAt: new Date(), endReason: "Replaced: the server that held this kernel restarted." },
  });
  const session = await db.kernelSession.create({
    data: { notebookId: args.notebookId, ownerId: args.userId, provider: providerId, instanceId, status: "starting" },
  });
  const kernel: LiveKernel = {
    sessionId: session.id, notebookId: args.notebookId, ownerId: args.userId, provider,
    ready: Promise.resolve(""), remoteId: null, queue: [], executionCount: 0, running: null,
    interruptRequested: false, stopping: false, draining: false,
    startNotice: previous ? newKernelNotice(previous) : undefined,
  };
  kernel.ready = startInBackground(db, kernel, { spec, resources, snapshotId: args.snapshotId });
  kernel.ready.catch(() => {}); // observed by the queue; avoid an unhandled rejection meanwhile
  liveKernels.set(args.notebookId, kernel);
  return kernel;
}

async function startInBackground(db: Db, kernel: LiveKernel, choice: Pick<StartOptions, "spec" | "resources" | "snapshotId">): Promise<string> {
  try {
    const started = await kernel.provider.start({ ...choice, onPhase: (phase) => void (kernel.phase = phase) });
    kernel.phase = undefined;
    kernel.remoteId = started.remoteId;
    await db.kernelSession.update({
      where: { id: kernel.sessionId },
      data: { remoteId: started.remoteId, runtime: started.runtime, status: "idle", lastActivityAt: new Date() },
    });
    return started.remoteId;
  } catch (e) {
    if (liveKernels.get(kernel.notebookId) === kernel) liveKernels.delete(kernel.notebookId);
    const reason = `The kernel could not start: ${e instanceof Error ? e.message : String(e)}`;
    await db.kernelSession.update({ where: { id: kernel.sessionId }, data: { status: "dead", endedAt: new Date(), endReason: reason } });
    throw e;
  }
}

function toProviderId(value: string): ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value) ? (value as ProviderId) : "webr";
}

/** What the first cell on a kernel that replaced an earlier one says (variables do not carry over). */
function newKernelNotice(previous: { endReason: string | null; endCause: string | null }): string {
  const gone = "Variables from earlier runs are gone; run the cells that define them again.";
  if (previous.endCause === "idle_timeout") return `Started a new kernel: the previous one stopped after being idle. ${gone}`;
  const why = previous.endReason ? ` (${previous.endReason.replace(/\.$/, "")})` : "";
  return `Started a new kernel: the previous one ended${why}. ${gone}`;
}
