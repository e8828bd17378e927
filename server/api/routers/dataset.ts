// Datasets: uploads straight from the browser to Blob storage (SAS per blob, resumable, verified on
// completion), quota, previews, rename, download, delete, and attaching one to a notebook's kernel.
import { ZAttachDatasetInput, ZBeginUploadInput, ZCompleteUploadInput, ZDatasetRef, ZRenameDatasetInput } from "@/server/contracts/dataset";
import { db } from "@/server/db";
import { attachDataset } from "@/server/datasets/attach-dataset";
import { beginUpload } from "@/server/datasets/begin-upload";
import { cancelUpload } from "@/server/datasets/cancel-upload";
import { completeUpload } from "@/server/datasets/complete-upload";
import { createDownloadUrl } from "@/server/datasets/create-download-url";
import { deleteDataset } from "@/server/datasets/delete-dataset";
import { getDatasetUsage } from "@/server/datasets/get-dataset-usage";
import { listDatasets } from "@/server/datasets/list-datasets";
import { previewDataset } from "@/server/datasets/preview-dataset";
import { renameDataset } from "@/server/datasets/rename-dataset";
import { renewUpload } from "@/server/datasets/renew-upload";
import { createRouter, protectedProcedure } from "../trpc";

export const datasetRouter = createRouter({
  list: protectedProcedure.query(({ ctx }) => listDatasets(db, { userId: ctx.user.id })),
  usage: protectedProcedure.query(({ ctx }) => getDatasetUsage(db, { userId: ctx.user.id })),
  beginUpload: protectedProcedure.input(ZBeginUploadInput).mutation(({ ctx, input }) => beginUpload(db, { userId: ctx.user.id, ...input })),
  renewUpload: protectedProcedure.input(ZDatasetRef).mutation(({ ctx, input }) => renewUpload(db, { userId: ctx.user.id, ...input })),
  completeUpload: protectedProcedure.input(ZCompleteUploadInput).mutation(({ ctx, input }) => completeUpload(db, { userId: ctx.user.id, ...input })),
  cancelUpload: protectedProcedure.input(ZDatasetRef).mutation(({ ctx, input }) => cancelUpload(db, { userId: ctx.user.id, ...input })),
  rename: protectedProcedure.input(ZRenameDatasetInput).mutation(({ ctx, input }) => renameDataset(db, { userId: ctx.user.id, ...input })),
  downloadUrl: protectedProcedure.input(ZDatasetRef).mutation(({ ctx, input }) => createDownloadUrl(db, { userId: ctx.user.id, ...input })),
  delete: protectedProcedure.input(ZDatasetRef).mutation(({ ctx, input }) => deleteDataset(db, { userId: ctx.user.id, ...input })),
  preview: protectedProcedure.input(ZDatasetRef).query(({ ctx, input }) => previewDataset(db, { userId: ctx.user.id, ...input })),
  attach: protectedProcedure.input(ZAttachDatasetInput).mutation(({ ctx, input }) => attachDataset(db, { userId: ctx.user.id, ...input })),
});
