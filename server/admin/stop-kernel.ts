// An administrator stops anyone's kernel: the owner's running cell ends saying so, queued cells are not run.
import "server-only";
import { z } from "zod";
import type { Db } from "@/server/db";
import { KernelError } from "@/server/errors";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";
import { recordAudit } from "./record-audit";

export const ZStopKernelInput = z.object({ sessionId: z.string().min(1) });
export type StopKernelInput = z.infer<typeof ZStopKernelInput>;

export const ADMIN_STOP_NOTICE = "Stopped by an administrator.";

export async function stopKernel(db: Db, args: StopKernelInput & { actorId: string; ip?: string | null }): Promise<void> {
  const session = await db.kernelSession.findFirst({
    where: { id: args.sessionId, endedAt: null },
    include: { owner: { select: { email: true } }, notebook: { select: { title: true } } },
  });
  if (!session) throw new KernelError("NOT_FOUND", "This kernel is not running any more.");
  await shutdownKernel(db, { userId: session.ownerId, notebookId: session.notebookId, reason: ADMIN_STOP_NOTICE, notice: ADMIN_STOP_NOTICE });
  await recordAudit(db, {
    actorId: args.actorId, action: "admin.kernel_stop", target: session.owner.email, ip: args.ip,
    detail: { sessionId: session.id, notebookId: session.notebookId, notebookTitle: session.notebook.title, provider: session.provider },
  });
}
