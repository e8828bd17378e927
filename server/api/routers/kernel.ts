// Kernel procedures for a notebook: state, start, interrupt, restart, shut down.
import { db } from "@/server/db";
import { ZNotebookRef } from "@/server/contracts/execution";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { getKernelState } from "@/server/kernels/get-kernel-state";
import { interruptKernel } from "@/server/kernels/interrupt-kernel";
import { restartKernel } from "@/server/kernels/restart-kernel";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";
import { ensureKernel } from "@/server/kernels/start-kernel";
import { createRouter, protectedProcedure } from "../trpc";

const ownedNotebook = protectedProcedure.input(ZNotebookRef).use(async ({ ctx, input, next }) => {
  const notebook = await findOwnedNotebook(db, { userId: ctx.user.id, notebookId: input.notebookId });
  return next({ ctx: { notebook } });
});

export const kernelRouter = createRouter({
  get: ownedNotebook.query(({ ctx }) => getKernelState(db, { userId: ctx.user.id, notebookId: ctx.notebook.id })),
  start: ownedNotebook.mutation(async ({ ctx }) => {
    await ensureKernel(db, { userId: ctx.user.id, notebookId: ctx.notebook.id, provider: ctx.notebook.provider });
    return getKernelState(db, { userId: ctx.user.id, notebookId: ctx.notebook.id });
  }),
  interrupt: ownedNotebook.mutation(({ ctx }) => interruptKernel(db, { userId: ctx.user.id, notebookId: ctx.notebook.id })),
  restart: ownedNotebook.mutation(async ({ ctx }) => {
    await restartKernel(db, { userId: ctx.user.id, notebookId: ctx.notebook.id, provider: ctx.notebook.provider });
    return getKernelState(db, { userId: ctx.user.id, notebookId: ctx.notebook.id });
  }),
  shutdown: ownedNotebook.mutation(async ({ ctx }) => {
    await shutdownKernel(db, { userId: ctx.user.id, notebookId: ctx.notebook.id, reason: "Shut down by you." });
    return getKernelState(db, { userId: ctx.user.id, notebookId: ctx.notebook.id });
  }),
});
