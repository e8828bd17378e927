// Kernel procedures for a notebook: state, start, interrupt, restart, shut down; the editor's
// questions (completion, help, variables); and the choice of kernel (specs, choose).
import { z } from "zod";
import { db } from "@/server/db";
import { ZNotebookRef } from "@/server/contracts/execution";
import { ZChooseKernelInput, ZCodePositionInput } from "@/server/contracts/kernel";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";
import { chooseKernel } from "@/server/kernels/choose-kernel";
import { completeCode } from "@/server/kernels/complete-code";
import { getKernelState } from "@/server/kernels/get-kernel-state";
import { inspectCode } from "@/server/kernels/inspect-code";
import { interruptKernel } from "@/server/kernels/interrupt-kernel";
import { listKernelSpecs } from "@/server/kernels/list-kernel-specs";
import { listKernelFiles } from "@/server/kernels/list-kernel-files";
import { listVariables } from "@/server/kernels/list-variables";
import { restartKernel } from "@/server/kernels/restart-kernel";
import { shutdownKernel } from "@/server/kernels/shutdown-kernel";
import { ensureKernel, kernelChoice } from "@/server/kernels/start-kernel";
import { createRouter, protectedProcedure } from "../trpc";

const ownedNotebook = protectedProcedure.input(ZNotebookRef).use(async ({ ctx, input, next }) => {
  const notebook = await findOwnedNotebook(db, { userId: ctx.user.id, notebookId: input.notebookId });
  return next({ ctx: { notebook } });
});

export const kernelRouter = createRouter({
  get: ownedNotebook.query(({ ctx }) => getKernelState(db, { userId: ctx.user.id, notebookId: ctx.notebook.id })),
  start: ownedNotebook.mutation(async ({ ctx }) => {
    const { notebook } = ctx;
    await ensureKernel(db, { userId: ctx.user.id, notebookId: notebook.id, ...kernelChoice(notebook) });
    return getKernelState(db, { userId: ctx.user.id, notebookId: notebook.id });
  }),
  interrupt: ownedNotebook.mutation(({ ctx }) => interruptKernel(db, { userId: ctx.user.id, notebookId: ctx.notebook.id })),
  restart: ownedNotebook.mutation(async ({ ctx }) => {
    const { notebook } = ctx;
    await restartKernel(db, { userId: ctx.user.id, notebookId: notebook.id, ...kernelChoice(notebook) });
    return getKernelState(db, { userId: ctx.user.id, notebookId: notebook.id });
  }),
  shutdown: ownedNotebook.mutation(async ({ ctx }) => {
    await shutdownKernel(db, { userId: ctx.user.id, notebookId: ctx.notebook.id, reason: "Shut down by you." });
    return getKernelState(db, { userId: ctx.user.id, notebookId: ctx.notebook.id });
  }),

  complete: ownedNotebook.input(ZCodePositionInput).query(({ ctx, input }) => completeCode({ userId: ctx.user.id, ...input })),
  inspect: ownedNotebook.input(ZCodePositionInput).query(({ ctx, input }) => inspectCode({ userId: ctx.user.id, ...input })),
  files: ownedNotebook.input(z.object({ path: z.string().max(1024).default(".") })).query(({ ctx, input }) =>
    listKernelFiles(db, { userId: ctx.user.id, notebookId: ctx.notebook.id, path: input.path })),
  variables: ownedNotebook.query(({ ctx }) => listVariables({ userId: ctx.user.id, notebookId: ctx.notebook.id })),

  specs: protectedProcedure.query(({ ctx }) => listKernelSpecs(db, { userId: ctx.user.id })),
  /** The notebook's chosen kernel: provider and spec name (null: the provider's default spec). */
  choice: ownedNotebook.query(({ ctx }) => kernelChoice(ctx.notebook)),
  choose: protectedProcedure.input(ZChooseKernelInput).mutation(({ ctx, input }) => chooseKernel(db, { userId: ctx.user.id, ...input })),
});
