"use client";
// The Snapshots panel: the user's ML Server snapshots (name, date, size); start the notebook's
// kernel from one (after a confirmation when a kernel runs: its workspace is replaced) or delete one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import type { KernelStateData } from "@/components/notebook/types";
import panel from "@/components/ui/side-panel.module.css";
import { ConfirmSnapshotAction, SnapshotRow, type SnapshotAction } from "./snapshot-row";
import styles from "./mlserver.module.css";

type Props = { notebookId: string; kernel: KernelStateData | undefined; onKernelChanged: () => void; onClose: () => void };

export function SnapshotsPanel({ notebookId, kernel, onKernelChanged, onClose }: Props) {
  const trpc = useTRPC();
  const snapshots = useQuery(trpc.mlserver.snapshots.queryOptions(undefined, { retry: false, staleTime: 0 }));
  const [confirming, setConfirming] = useState<SnapshotAction | null>(null);
  const actions = useSnapshotActions(notebookId, onKernelChanged);
  const kernelRunning = Boolean(kernel && kernel.status !== "dead");
  const ask = (request: SnapshotAction) => (request.action === "start" && !kernelRunning ? actions.run(request) : setConfirming(request));

  return (
    <aside className={`${panel.panel} ${styles.panelWide}`} aria-label="Snapshots" data-testid="snapshots-panel">
      <div className={panel.head}>
        <h2 className={panel.heading}>Snapshots</h2>
        <button type="button" className="btn" title="List the snapshots again" disabled={snapshots.isFetching} onClick={() => void snapshots.refetch()}>
          {snapshots.isFetching ? "Refreshing…" : "Refresh"}
        </button>
        <button type="button" className="btn btn-ghost" aria-label="Close snapshots" title="Close" onClick={onClose}>✕</button>
      </div>
      {actions.notice && <p className={`${panel.note} ${styles.success}`} role="status" data-testid="snapshots-notice">{actions.notice}</p>}
      {actions.error && <p className={`${panel.note} error-text`} role="alert" data-testid="snapshots-action-error">{actions.error}</p>}
      {actions.pending?.action === "start" && (
        <p className={`muted ${panel.note}`} data-testid="snapshot-starting">Starting a new ML Server session from the snapshot…</p>
      )}
      {snapshots.isPending ? (
        <p className={`muted ${panel.note}`} data-testid="snapshots-loading">Loading snapshots…</p>
      ) : snapshots.isError ? (
        <p className={`${panel.note} error-text`} role="alert" data-testid="snapshots-error">Snapshots could not be listed: {errorMessage(snapshots.error)}</p>
      ) : snapshots.data.length === 0 ? (
        <p className={`muted ${styles.empty}`} data-testid="snapshots-empty">No snapshots yet: Save snapshot keeps this session&apos;s workspace and files</p>
      ) : (
        <ul className={styles.list}>
          {snapshots.data.map((s) => (
            <SnapshotRow key={s.id} snapshot={s} disabled={actions.pending !== null} onAction={ask}
              pending={actions.pending?.snapshot.id === s.id ? actions.pending.action : null} />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmSnapshotAction request={confirming} onCancel={() => setConfirming(null)} onConfirm={() => {
          setConfirming(null);
          actions.run(confirming);
        }} />
      )}
    </aside>
  );
}

/** Start from / Delete with the action in flight, its outcome as a sentence, and the refreshes after. */
function useSnapshotActions(notebookId: string, onKernelChanged: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<SnapshotAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useMutation(trpc.mlserver.startFromSnapshot.mutationOptions({
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.kernel.variables.queryKey({ notebookId }) });
      onKernelChanged();
    },
  }));
  const remove = useMutation(trpc.mlserver.deleteSnapshot.mutationOptions({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.mlserver.snapshots.queryKey() }),
  }));

  const run = (request: SnapshotAction) => {
    const { action, snapshot } = request;
    setPending(request);
    setNotice(null);
    setError(null);
    const done = {
      onSuccess: () => setNotice(action === "start"
        ? `The kernel now runs from “${snapshot.name}”: its workspace and files are in the session.`
        : `Deleted “${snapshot.name}”.`),
      onError: (e: unknown) => setError(errorMessage(e)),
      onSettled: () => setPending(null),
    };
    if (action === "start") start.mutate({ notebookId, snapshotId: snapshot.id }, done);
    else remove.mutate({ snapshotId: snapshot.id }, done);
  };
  return { pending, notice, error, run };
}
