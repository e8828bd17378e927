"use client";
// One row per upload running in this tab: a progress bar with percent, speed and time left, and
// Cancel; a failed upload keeps its row with the reason until dismissed.
import { formatBytes } from "@/components/variables/format-bytes";
import { formatSpeed, formatTimeLeft, percentDone } from "./format-upload";
import type { UploadRow } from "./use-dataset-uploads";
import styles from "./datasets.module.css";

type Props = { rows: UploadRow[]; onCancel: (key: string) => void; onDismiss: (key: string) => void };

export function UploadList({ rows, onCancel, onDismiss }: Props) {
  if (rows.length === 0) return null;
  return (
    <ul className={styles.uploads} aria-label="Uploads">
      {rows.map((row) => <UploadItem key={row.key} row={row} onCancel={() => onCancel(row.key)} onDismiss={() => onDismiss(row.key)} />)}
    </ul>
  );
}

function UploadItem({ row, onCancel, onDismiss }: { row: UploadRow; onCancel: () => void; onDismiss: () => void }) {
  const p = row.progress;
  const percent = p ? percentDone(p.loaded, p.total) : 0;
  return (
    <li className={styles.upload} data-testid="upload-row" data-state={row.state}>
      <div className={styles.uploadHead}>
        <span className={styles.uploadName}>{row.name}</span>
        <span className="muted">{formatBytes(row.size)}</span>
        {row.state === "failed" ? (
          <button type="button" className="btn btn-ghost" onClick={onDismiss} aria-label={`Dismiss ${row.name}`}>Dismiss</button>
        ) : (
          <button type="button" className="btn btn-ghost btn-danger" onClick={onCancel} data-testid="upload-cancel"
            disabled={row.state === "verifying"} aria-label={`Cancel upload of ${row.name}`}>Cancel</button>
        )}
      </div>
      {row.state === "failed" ? (
        <p className="error-text" role="alert" data-testid="upload-error">{row.error}</p>
      ) : (
        <>
          <div className={styles.bar} role="progressbar" aria-label={`Upload of ${row.name}`} aria-valuemin={0} aria-valuemax={100}
            aria-valuenow={percent} data-testid="upload-progress">
            <div className={styles.barFill} style={{ width: `${percent}%` }} />
          </div>
          <p className={styles.uploadFigures}>
            {p && <span data-testid="upload-percent">{percent}%</span>}
            {p && p.resumedBytes > 0 && <span data-testid="upload-resumed">resumed from {percentDone(p.resumedBytes, p.total)}%</span>}
            <span data-testid="upload-status">{statusText(row)}</span>
          </p>
        </>
      )}
    </li>
  );
}

function statusText(row: UploadRow): string {
  const p = row.progress;
  switch (row.state) {
    case "starting":
      return "Preparing…";
    case "uploading":
      return p ? `${formatSpeed(p.bytesPerSecond)} · ${formatTimeLeft(p.secondsLeft)}` : "Uploading…";
    case "committing":
      return "Finishing…";
    case "verifying":
      return "Verifying…";
    case "failed":
      return row.error ?? "Failed";
    default: {
      const unreachable: never = row.state;
      return unreachable;
    }
  }
}
