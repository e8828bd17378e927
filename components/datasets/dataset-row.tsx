"use client";
// One dataset in the list: name (renamed inline), size, type, when it was uploaded and its status;
// Download, Preview and Delete. An upload not running in this tab shows as incomplete, resumable.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBytes } from "@/components/variables/format-bytes";
import { DatasetPreview } from "./dataset-preview";
import type { DatasetItem } from "./types";
import styles from "./datasets.module.css";

type Props = { dataset: DatasetItem; uploadingHere: boolean; onChanged: () => void; onDelete: () => void };

export function DatasetRow({ dataset, uploadingHere, onChanged, onDelete }: Props) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const rename = useMutation(trpc.dataset.rename.mutationOptions({ onSuccess: () => { setEditing(false); onChanged(); } }));
  const download = useMutation(trpc.dataset.downloadUrl.mutationOptions({ onSuccess: ({ url }) => startDownload(url) }));
  const ready = dataset.status === "ready";
  const status = statusOf(dataset, uploadingHere);

  return (
    <li className={styles.item} data-testid="dataset-row" data-status={dataset.status}>
      <div className={styles.row}>
        {editing ? (
          <form className={styles.rename} onSubmit={(e) => { e.preventDefault(); rename.mutate({ datasetId: dataset.id, name: String(new FormData(e.currentTarget).get("name")) }); }}>
            <input name="name" className="input" aria-label="Dataset name" defaultValue={dataset.name} autoFocus
              onKeyDown={(e) => e.key === "Escape" && setEditing(false)} />
          </form>
        ) : (
          <span className={styles.name} data-testid="dataset-name" title={dataset.name}>{dataset.name}</span>
        )}
        <span className={styles.meta}>
          {formatBytes(dataset.size)} · {dataset.contentType}{dataset.uploadedAt ? ` · uploaded ${dataset.uploadedAt.toLocaleString()}` : ""}
        </span>
        <span className={`${styles.status} ${styles[`status-${status.tone}`]}`} data-testid="dataset-status">{status.text}</span>
        {ready && (
          <>
            <button type="button" className="btn btn-ghost" aria-expanded={previewing} data-testid="dataset-preview-toggle"
              onClick={() => setPreviewing((open) => !open)}>{previewing ? "Hide preview" : "Preview"}</button>
            <button type="button" className="btn btn-ghost" aria-label={`Rename ${dataset.name}`} onClick={() => setEditing(true)}>Rename</button>
            <button type="button" className="btn btn-ghost" aria-label={`Download ${dataset.name}`} data-testid="dataset-download"
              disabled={download.isPending} onClick={() => download.mutate({ datasetId: dataset.id })}>Download</button>
          </>
        )}
        {dataset.status !== "deleting" && !uploadingHere && (
          <button type="button" className="btn btn-ghost btn-danger" aria-label={`Delete ${dataset.name}`} onClick={onDelete}>Delete</button>
        )}
      </div>
      {rename.isError && <p className="error-text" role="alert">{errorMessage(rename.error)}</p>}
      {download.isError && <p className="error-text" role="alert">Could not download: {errorMessage(download.error)}</p>}
      {previewing && ready && <DatasetPreview datasetId={dataset.id} />}
    </li>
  );
}

type Tone = "ok" | "busy" | "warning";

function statusOf(dataset: DatasetItem, uploadingHere: boolean): { text: string; tone: Tone } {
  switch (dataset.status) {
    case "ready":
      return { text: "Ready", tone: "ok" };
    case "uploading":
      return uploadingHere ? { text: "Uploading…", tone: "busy" } : { text: "Incomplete — choose the same file again to resume", tone: "warning" };
    case "deleting":
      return { text: "Deleting…", tone: "busy" };
    default: {
      const unreachable: never = dataset.status;
      return unreachable;
    }
  }
}

/** The link is a read-only SAS whose answer says "attachment": following it downloads, the page stays. */
function startDownload(url: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
}
