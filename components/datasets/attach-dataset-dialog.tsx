"use client";
// "Attach dataset" on the notebook page: pick one of the user's ready datasets and the app puts it
// where the notebook's kernel reads it (dataset.attach). When the file is too large to copy through
// the app onto a remote cluster, the answer is R code that downloads it there: it becomes a new
// code cell below the selected one, and the dialog says so.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/components/notebook/client-errors";
import { useTRPC } from "@/components/providers/trpc-provider";
import { formatBytes } from "@/components/variables/format-bytes";
import styles from "./datasets.module.css";
import { useEscape } from "@/components/ui/use-escape";

type Props = {
  notebookId: string;
  /** Inserts `code` as a new code cell below the selected one. */
  onInsertCode: (code: string) => void;
  onClose: () => void;
};

export function AttachDatasetDialog({ notebookId, onInsertCode, onClose }: Props) {
  const trpc = useTRPC();
  const list = useQuery(trpc.dataset.list.queryOptions(undefined, { staleTime: 0 }));
  const attach = useMutation(trpc.dataset.attach.mutationOptions({
    onSuccess: (result) => {
      if (result.method === "download-code" && result.code) onInsertCode(result.code);
    },
  }));
  useEscape(onClose);
  const ready = (list.data ?? []).filter((d) => d.status === "ready");
  const attaching = attach.isPending ? ready.find((d) => d.id === attach.variables?.datasetId) : undefined;

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className={`dialog ${styles.dialog}`} role="dialog" aria-modal="true" aria-label="Attach dataset" data-testid="attach-dialog"
        onClick={(e) => e.stopPropagation()}>
        <h2>Attach dataset</h2>
        <p className="muted">Puts a copy of the file where this notebook&apos;s kernel reads it, so R opens it by a relative path.</p>
        {list.isPending && <p className="muted">Loading datasets…</p>}
        {list.isError && <p className="error-text" role="alert">Could not load datasets: {list.error.message}</p>}
        {list.data && ready.length === 0 && (
          <p className="muted" data-testid="attach-empty">No datasets ready yet: <Link href="/datasets">upload one on the Datasets page</Link>.</p>
        )}
        {ready.length > 0 && (
          <ul className={styles.choices}>
            {ready.map((d) => (
              <li key={d.id} className={styles.choice} data-testid="attach-choice">
                <span className={styles.name} title={d.name}>{d.name}</span>
                <span className={styles.meta}>{formatBytes(d.size)}</span>
                <button type="button" className="btn" aria-label={`Attach ${d.name}`} disabled={attach.isPending}
                  onClick={() => attach.mutate({ datasetId: d.id, notebookId })}>Attach</button>
              </li>
            ))}
          </ul>
        )}
        {attaching && <p className={`muted ${styles.message}`} role="status">Attaching “{attaching.name}”…</p>}
        {attach.isSuccess && (
          <p className={styles.message} role="status" data-testid="attach-message">
            {attach.data.message}
            {attach.data.method === "download-code" && " The code that downloads it is in a new cell below the selected one: run it."}
          </p>
        )}
        {attach.isError && <p className={`error-text ${styles.message}`} role="alert" data-testid="attach-error">{errorMessage(attach.error)}</p>}
        <div className="actions">
          <Link className="btn btn-ghost" href="/datasets" target="_blank">Manage datasets</Link>
          <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}
