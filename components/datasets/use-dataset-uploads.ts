"use client";
// The uploads running in this tab: one row per file, from dataset.beginUpload (which resumes an
// unfinished upload of the same file) through the blocks to dataset.completeUpload. Cancel gives
// the upload up on the server too; leaving the page only stops it, so it can be resumed later.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { uploadBlocks, type UploadProgress } from "./block-upload";
import { contentTypeOf } from "./format-upload";
import { isCancelled, throwIfCancelled } from "./upload-error";

export type UploadRow = {
  key: string;
  name: string;
  size: number;
  datasetId: string | null;
  state: "starting" | UploadProgress["phase"] | "failed";
  progress: UploadProgress | null;
  error: string | null;
};

export type DatasetUploads = {
  rows: UploadRow[];
  /** Datasets whose upload is running in this tab (the list shows the others as incomplete). */
  activeIds: Set<string>;
  start: (files: File[]) => void;
  cancel: (key: string) => void;
  dismiss: (key: string) => void;
};

/** Why an upload's signal fired: the user gave it up, or the page went away (resumable). */
const USER_CANCEL = "cancelled by the user";

const fileKey = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

export function useDatasetUploads(onChanged: () => void): DatasetUploads {
  const client = useTRPCClient();
  const [rows, setRows] = useState<UploadRow[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const changed = useRef(onChanged);
  useEffect(() => {
    changed.current = onChanged;
  }, [onChanged]);
  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort("the page was closed"));
  }, []);

  const update = useCallback((key: string, patch: Partial<UploadRow>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }, []);
  const drop = useCallback((key: string) => setRows((all) => all.filter((r) => r.key !== key)), []);

  const run = useCallback(async (file: File, key: string, controller: AbortController) => {
    let datasetId: string | null = null;
    try {
      if (file.size === 0) throw new Error(`“${file.name}” is empty: there is nothing to upload.`);
      const contentType = contentTypeOf(file);
      const plan = await client.dataset.beginUpload.mutate({ name: file.name, size: file.size, contentType, lastModified: file.lastModified });
      datasetId = plan.datasetId;
      const id = plan.datasetId;
      update(key, { datasetId: id, state: "uploading" });
      changed.current();
      throwIfCancelled(controller.signal);
      await uploadBlocks({
        file, target: plan, contentType, signal: controller.signal,
        onProgress: (progress) => update(key, { state: progress.phase, progress }),
        renewUrl: async () => (await client.dataset.renewUpload.mutate({ datasetId: id })).uploadUrl,
        complete: async (md5) => void (await client.dataset.completeUpload.mutate({ datasetId: id, md5 })),
      });
      drop(key);
    } catch (e) {
      const byUser = controller.signal.reason === USER_CANCEL;
      if (isCancelled(e) || controller.signal.aborted) {
        drop(key);
        if (byUser && datasetId) await client.dataset.cancelUpload.mutate({ datasetId }).catch(() => undefined);
      } else {
        update(key, { state: "failed", error: errorMessage(e) });
      }
    } finally {
      controllers.current.delete(key);
      changed.current();
    }
  }, [client, update, drop]);

  const start = useCallback((files: File[]) => {
    for (const file of files) {
      const key = fileKey(file);
      if (controllers.current.has(key)) continue; // this very file is uploading already
      const controller = new AbortController();
      controllers.current.set(key, controller);
      const row: UploadRow = { key, name: file.name, size: file.size, datasetId: null, state: "starting", progress: null, error: null };
      setRows((all) => [...all.filter((r) => r.key !== key), row]);
      void run(file, key, controller);
    }
  }, [run]);

  const activeIds = new Set(rows.filter((r) => r.state !== "failed" && r.datasetId).map((r) => r.datasetId!));
  return {
    rows,
    activeIds,
    start,
    cancel: (key) => controllers.current.get(key)?.abort(USER_CANCEL),
    dismiss: drop,
  };
}
