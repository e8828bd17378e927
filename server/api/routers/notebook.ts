// Notebook procedures: thin wrappers over server/notebooks use-cases, scoped to the caller.
import { db } from "@/server/db";
import {
  ZCreateNotebookInput, ZNotebookIdInput, ZRenameNotebookInput, ZSaveNotebookInput,
} from "@/server/contracts/notebook";
import { createNotebook } from "@/server/notebooks/create-notebook";
import { deleteNotebook } from "@/server/notebooks/delete-notebook";
import { getNotebook } from "@/server/notebooks/get-notebook";
import { listNotebooks } from "@/server/notebooks/list-notebooks";
import { renameNotebook } from "@/server/notebooks/rename-notebook";
import { saveNotebook } from "@/server/notebooks/save-notebook";
import { createRouter, protectedProcedure } from "../trpc";

export const notebookRouter = createRouter({
  list: protectedProcedure.query(({ ctx }) => listNotebooks(db, { userId: ctx.user.id })),
  get: protectedProcedure.input(ZNotebookIdInput).query(({ ctx, input }) => getNotebook(db, { userId: ctx.user.id, notebookId: input.id })),
  create: protectedProcedure.input(ZCreateNotebookInput).mutation(({ ctx, input }) => createNotebook(db, { userId: ctx.user.id, ...input })),
  rename: protectedProcedure
    .input(ZRenameNotebookInput)
    .mutation(({ ctx, input }) => renameNotebook(db, { userId: ctx.user.id, notebookId: input.id, title: input.title })),
  delete: protectedProcedure.input(ZNotebookIdInput).mutation(({ ctx, input }) => deleteNotebook(db, { userId: ctx.user.id, notebookId: input.id })),
  save: protectedProcedure.input(ZSaveNotebookInput).mutation(({ ctx, input }) => saveNotebook(db, { userId: ctx.user.id, ...input })),
});
