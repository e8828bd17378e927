// "Attach dataset" (#6): puts one of the user's datasets into their notebook kernel's working
// directory as datasets/<name> (starting the kernel if none runs), on every provider, so R reads
// it as e.g. read.csv("datasets/iris.csv"). The bytes go from Blob storage through the app when
// the provider takes them (attach-plan.ts); a larger file comes back as R code that downloads it
// inside the kernel from a read-only, short-lived link.
import "server-only";
import type { Db } from "@/server/db";
import { startedKernel } from "@/server/kernels/started-kernel";
import { blobStore } from "@/server/storage/blob-store";
import { downloadCode, readHint } from "./attach-code";
import { streamInto, uploadInto, type CopyJob } from "./attach-copy";
import { datasetFileName, datasetPath } from "./attach-names";
import { planAttach } from "./attach-plan";
import { findOwnedDataset } from "./dataset-row";
import { assertStoredAsVerified } from "./stored-file";
import { formatBytes } from "./format-bytes";

export type AttachResult = {
  /** Relative to the kernel's working directory, e.g. "datasets/iris.csv". */
  path: string;
  /** "copied": the file is there now; "download-code": running `code` in the kernel puts it there. */
  method: "copied" | "download-code";
  code?: string;
  /** What happened and how to read the file, for the user. */
  message: string;
};

/** A copy through the app may take this long in all (each request within it has its own timeout). */
const ATTACH_TIMEOUT_MS = 2 * 60 * 60_000;
/** How long the read-only link in download code works. */
const DOWNLOAD_LINK_TTL_MS = 2 * 60 * 60_000;

export async function attachDataset(db: Db, args: { userId: string; datasetId: string; notebookId: string }): Promise<AttachResult> {
  const dataset = await findOwnedDataset(db, { userId: args.userId, datasetId: args.datasetId, status: "ready" });
  const fileName = datasetFileName(dataset.name);
  const path = datasetPath(fileName);
  const size = Number(dataset.size);
  const store = await blobStore();
  await assertStoredAsVerified(store, dataset);
  const kernel = await startedKernel(db, { userId: args.userId, notebookId: args.notebookId, start: "if-needed" });
  const plan = planAttach(kernel.provider, size);
  const job: CopyJob = { store, blobName: dataset.blobName, size, path, kernel, signal: AbortSignal.timeout(ATTACH_TIMEOUT_MS) };
  const sized = `${fileName} (${formatBytes(size)})`;

  switch (plan.kind) {
    case "stream":
      await streamInto(job);
      break;
    case "upload":
      await uploadInto(db, job, { layout: plan.layout, userId: args.userId, notebookId: args.notebookId });
      break;
    case "download-code": {
      const expiresAt = new Date(Date.now() + DOWNLOAD_LINK_TTL_MS);
      const url = store.sasUrl(dataset.blobName, { permissions: "r", ttlMs: DOWNLOAD_LINK_TTL_MS, downloadAs: fileName });
      const code = downloadCode({ url, path, fileName, expiresAt });
      const hours = DOWNLOAD_LINK_TTL_MS / 3_600_000;
      const message = `${sized} ${plan.reason}, so the kernel downloads it itself: run the code below in the notebook `
        + `(its link works for ${hours} hours) to put it in ${path}, then ${readHint(path)}`;
      return { path, method: "download-code", code, message };
    }
    default: {
      const unreachable: never = plan;
      return unreachable;
    }
  }
  return { path, method: "copied", message: `Copied to ${path} (${formatBytes(size)}): ${readHint(path)}` };
}
