// Notebook procedures: thin wrappers over server/notebooks use-cases, scoped to the caller.
import { db } from "@/server/db";
import { env } from "@/server/env";
import {
  ZCreateFromExampleInput, ZCreateNotebookInput, ZNotebookIdInput, ZRenameNotebookInput, ZSaveNotebookInput,
} from "@/server/contracts/notebook";
import { ZExportNotebookInput, ZImportNotebookInput } from "@/server/contracts/notebook-transfer";
import { configuredProviderIds } from "@/server/kernels/registry";
import { createFromExample } from "@/server/notebooks/create-from-example";
import { createNotebook } from "@/server/notebooks/create-notebook";
import { exampleSummaries } from "@/server/notebooks/examples";
import { deleteNotebook } from "@/server/notebooks/delete-notebook";
import { exportNotebook } from "@/server/notebooks/export-notebook";
import { getNotebook } from "@/server/notebooks/get-notebook";
import { importNotebook } from "@/server/notebooks/import-notebook";
import { listNotebooks } from "@/server/notebooks/list-notebooks";
import { renameNotebook } from "@/server/notebooks/rename-notebook";
import { saveNotebook } from "@/server/notebooks/save-notebook";
import { createRouter, protectedProcedure } from "../trpc";

export const notebookRouter = createRouter({
  list: protectedProcedure.query(({ ctx }) => listNotebooks(db, { userId: ctx.user.id })),
  get: protectedProcedure.input(ZNotebookIdInput).query(({ ctx, input }) => getNotebook(db, { userId: ctx.user.id, notebookId: input.id })),
  create: protectedProcedure.input(ZCreateNotebookInput).mutation(({ ctx, input }) => createNotebook(db, { userId: ctx.user.id, ...input })),
  examples: protectedProcedure.query(() => exampleSummaries()),
  createFromExample: protectedProcedure
    .input(ZCreateFromExampleInput)
    .mutation(({ ctx, input }) => createFromExample(db, { userId: ctx.user.id, exampleId: input.exampleId })),
  rename: protectedProcedure
    .input(ZRenameNotebookInput)
    .mutation(({ ctx, input }) => renameNotebook(db, { userId: ctx.user.id, notebookId: input.id, title: input.title })),
  delete: protectedProcedure.input(ZNotebookIdInput).mutation(({ ctx, input }) => deleteNotebook(db, { userId: ctx.user.id, notebookId: input.id, ip: ctx.ip })),
  save: protectedProcedure.input(ZSaveNotebookInput).mutation(({ ctx, input }) => saveNotebook(db, { userId: ctx.user.id, ...input })),
  import: protectedProcedure.input(ZImportNotebookInput).mutation(({ ctx, input }) =>
    importNotebook(db, { userId: ctx.user.id, ...input, availableProviders: configuredProviderIds(), maxOutputBytes: env.MAX_OUTPUT_BYTES }),
  ),
  export: protectedProcedure
    .input(ZExportNotebookInput)
    .query(({ ctx, input }) => exportNotebook(db, { userId: ctx.user.id, notebookId: input.id, format: input.format })),
});
