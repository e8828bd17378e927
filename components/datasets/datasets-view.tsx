"use client";
// The Datasets page: usage against the quota, the drop zone, the uploads running in this tab and
// the user's datasets (rename, download, preview, delete with confirmation); a clear empty state.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DatasetRow } from "./dataset-row";
import { DropZone } from "./drop-zone";
import type { DatasetItem } from "./types";
import { UploadList } from "./upload-list";
import { UsageBar } from "./usage-bar";
import { useDatasetUploads } from "./use-dataset-uploads";
import styles from "./datasets.module.css";

export function DatasetsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.dataset.list.queryOptions());
  const usage = useQuery(trpc.dataset.usage.queryOptions());
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.dataset.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.dataset.usage.queryKey() });
  }, [queryClient, trpc]);
  const uploads = useDatasetUploads(refresh);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DatasetItem | null>(null);
  const remove = useMutation(trpc.dataset.delete.mutationOptions({ onSettled: refresh }));

  return (
    <main className="page">
      <div className={styles.head}>
        <h1>Datasets</h1>
        {usage.data && <UsageBar usedBytes={usage.data.usedBytes} quotaBytes={usage.data.quotaBytes} />}
      </div>
      <DropZone onFiles={(files) => { setNotice(null); uploads.start(files); }} onRejected={setNotice} />
      {notice && <p className="error-text" role="alert" data-testid="dataset-notice">{notice}</p>}
      <UploadList rows={uploads.rows} onCancel={uploads.cancel} onDismiss={uploads.dismiss} />
      {remove.isError && <p className="error-text" role="alert">Could not delete: {errorMessage(remove.error)}</p>}
      {list.isPending && <p className="muted">Loading datasets…</p>}
      {list.isError && <p className="error-text" role="alert">Could not load datasets: {list.error.message}</p>}
      {list.data && list.data.length === 0 && uploads.rows.length === 0 && (
        <div className="empty-state" data-testid="datasets-empty">
          <h2>No datasets yet</h2>
          <p className="muted">Upload a CSV, an image or any file; then attach it to a notebook from its toolbar and read it from R.</p>
        </div>
      )}
      {list.data && list.data.length > 0 && (
        <ul className={styles.list} data-testid="dataset-list">
          {list.data.map((d) => (
            <DatasetRow key={d.id} dataset={d} uploadingHere={uploads.activeIds.has(d.id)} onChanged={refresh} onDelete={() => setDeleting(d)} />
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog title="Delete dataset?" confirmLabel="Delete" danger onCancel={() => setDeleting(null)}
          onConfirm={() => { remove.mutate({ datasetId: deleting.id }); setDeleting(null); }}>
          “{deleting.name}” and its file in storage will be deleted. This cannot be undone.
        </ConfirmDialog>
      )}
    </main>
  );
}
