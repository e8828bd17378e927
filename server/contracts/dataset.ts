// Input schemas and shared constants of the dataset procedures (uploads straight to Blob storage).
import { z } from "zod";
import { ZId } from "./notebook";

/** Bytes per staged block: block i of a file covers [i * size, (i + 1) * size). */
export const DATASET_BLOCK_SIZE = 8 * 1024 * 1024;
/** Azure's limit of blocks per block blob; with 8 MiB blocks a dataset may be ~390 GiB. */
export const MAX_BLOCKS = 50_000;

/** Deterministic block id of block `index` (base64 of a fixed-length label), so a resumed upload
 * finds the blocks a previous attempt staged. */
export function blockId(index: number): string {
  const label = `kb-block-${String(index).padStart(6, "0")}`;
  return typeof btoa === "function" ? btoa(label) : Buffer.from(label).toString("base64");
}

export const ZDatasetName = z.string().trim().min(1, "The file has no name").max(255, "Keep the name under 255 characters")
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), "The name contains control characters");

export const ZBeginUploadInput = z.object({
  name: ZDatasetName,
  size: z.number().int().min(1, "The file is empty: there is nothing to upload").max(DATASET_BLOCK_SIZE * MAX_BLOCKS, "The file is larger than a dataset can be"),
  contentType: z.string().max(200).default("application/octet-stream"),
  /** The browser file's last-modified time (ms): with name and size it identifies the file to resume. */
  lastModified: z.number().int().nonnegative(),
});
export type BeginUploadInput = z.infer<typeof ZBeginUploadInput>;

export const ZDatasetRef = z.object({ datasetId: ZId });
export const ZCompleteUploadInput = z.object({ datasetId: ZId, /** Base64 MD5 of the whole file, computed while uploading. */ md5: z.string().max(64).optional() });
export const ZRenameDatasetInput = z.object({ datasetId: ZId, name: ZDatasetName });
export const ZAttachDatasetInput = z.object({ datasetId: ZId, notebookId: ZId });
