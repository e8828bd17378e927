"use client";
// One snapshot in the Snapshots panel (name, date, size, Start from, Delete) and the confirmation
// its actions ask for.
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatBytes } from "@/components/variables/format-bytes";
import { formatCreatedAt } from "./mlserver-format";
import type { SnapshotData } from "./types";
import styles from "./mlserver.module.css";

export type SnapshotAction = { action: "start" | "delete"; snapshot: SnapshotData };

type RowProps = {
  snapshot: SnapshotData;
  disabled: boolean;
  /** The action running on this snapshot, if any. */
  pending: SnapshotAction["action"] | null;
  onAction: (action: SnapshotAction) => void;
};

export function SnapshotRow({ snapshot, disabled, pending, onAction }: RowProps) {
  return (
    <li className={styles.item} data-testid="snapshot-row" data-snapshot-id={snapshot.id}>
      <div className={styles.itemHead}>
        <span className={styles.itemName}>{snapshot.name}</span>
        <span className={styles.meta}>{formatCreatedAt(snapshot.createdAt)} · {formatBytes(snapshot.sizeBytes)}</span>
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn" data-testid="snapshot-start" disabled={disabled}
          title="Replace this notebook's kernel with a new session holding the snapshot" onClick={() => onAction({ action: "start", snapshot })}>
          {pending === "start" ? "Starting…" : "Start from"}
        </button>
        <button type="button" className="btn btn-danger" data-testid="snapshot-delete" disabled={disabled}
          onClick={() => onAction({ action: "delete", snapshot })}>
          {pending === "delete" ? "Deleting…" : "Delete"}
        </button>
      </div>
    </li>
  );
}

type ConfirmProps = { request: SnapshotAction; onConfirm: () => void; onCancel: () => void };

export function ConfirmSnapshotAction({ request: { action, snapshot }, onConfirm, onCancel }: ConfirmProps) {
  const starting = action === "start";
  return (
    <ConfirmDialog title={starting ? "Start from this snapshot?" : "Delete this snapshot?"}
      confirmLabel={starting ? "Start from snapshot" : "Delete snapshot"} danger onCancel={onCancel} onConfirm={onConfirm}>
      {starting ? (
        <p>The running kernel is shut down and a new ML Server session starts with “{snapshot.name}”: the current workspace (variables, loaded data) is replaced. Cell outputs stay on the page.</p>
      ) : (
        <p>“{snapshot.name}” is deleted from ML Server. This cannot be undone.</p>
      )}
    </ConfirmDialog>
  );
}
