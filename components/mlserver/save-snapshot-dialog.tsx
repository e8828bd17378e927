"use client";
// "Save snapshot…": names a snapshot of the notebook's running ML Server session (its workspace
// and files), saves it, and confirms; the snapshots list is refreshed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { MlDialog } from "./ml-dialog";
import { defaultSnapshotName } from "./mlserver-format";
import styles from "./mlserver.module.css";

type Props = { notebookId: string; title: string; onShowSnapshots: () => void; onClose: () => void };

export function SaveSnapshotDialog({ notebookId, title, onShowSnapshots, onClose }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(() => defaultSnapshotName(title, new Date()));
  const save = useMutation(trpc.mlserver.saveSnapshot.mutationOptions({
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.mlserver.snapshots.queryKey() }),
  }));

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (save.isPending) return;
    save.mutate({ notebookId, name: name.trim() });
  };

  if (save.isSuccess) {
    return (
      <MlDialog title="Snapshot saved" testId="snapshot-dialog" onClose={onClose}>
        <p className={styles.success} role="status" data-testid="snapshot-saved">
          Saved “{save.data.name}”: this session’s workspace and files, ready to start a kernel or a web service from.
        </p>
        <div className="actions">
          <button type="button" className="btn" data-testid="snapshot-saved-show" onClick={onShowSnapshots}>Show snapshots</button>
          <button type="button" className="btn btn-primary" autoFocus onClick={onClose}>Done</button>
        </div>
      </MlDialog>
    );
  }

  return (
    <MlDialog title="Save snapshot" testId="snapshot-dialog" onClose={onClose}>
      <form className={styles.dialogBody} onSubmit={onSubmit}>
        <p className={`muted ${styles.hint}`}>
          Keeps the running ML Server session’s workspace (variables, loaded data) and working-directory files under a name.
        </p>
        <label className={styles.field}>
          <span>Name</span>
          <input className="input" data-testid="snapshot-name" value={name} maxLength={200} required autoFocus
            disabled={save.isPending} onChange={(e) => setName(e.target.value)} />
        </label>
        {save.isError && <p className={styles.error} role="alert" data-testid="snapshot-save-error">{errorMessage(save.error)}</p>}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>{save.isPending ? "Close" : "Cancel"}</button>
          <button type="submit" className="btn btn-primary" data-testid="snapshot-save-submit" disabled={save.isPending || name.trim() === ""}>
            {save.isPending ? "Saving snapshot…" : "Save snapshot"}
          </button>
        </div>
      </form>
    </MlDialog>
  );
}
