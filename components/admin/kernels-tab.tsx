"use client";
// The Kernels tab: every running kernel across users (refreshed every few seconds), and "Stop" on any
// of them: the owner's running cell ends with "Stopped by an administrator.".
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime, formatDuration } from "./format-admin";
import styles from "./admin.module.css";

type RunningKernel = inferRouterOutputs<AppRouter>["admin"]["kernels"][number];

export function KernelsTab() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kernels = useQuery({ ...trpc.admin.kernels.queryOptions(), refetchInterval: 5_000, staleTime: 0 });
  const stop = useMutation(trpc.admin.stopKernel.mutationOptions({
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.kernels.queryKey() }),
  }));
  const [confirming, setConfirming] = useState<RunningKernel | null>(null);

  if (kernels.isPending) return <p className="muted">Loading kernels…</p>;
  if (kernels.isError) return <p className="error-text" role="alert">Kernels could not be loaded: {errorMessage(kernels.error)}</p>;
  return (
    <section data-testid="admin-kernels">
      {stop.isError && <p className="error-text" role="alert">{errorMessage(stop.error)}</p>}
      {kernels.data.length === 0 ? (
        <div className="empty-state" data-testid="admin-kernels-empty"><p className="muted">No kernel is running.</p></div>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr><th>Provider</th><th>Owner</th><th>Notebook</th><th>Started</th><th>Idle</th><th>Status</th><th>Queued</th><th /></tr>
            </thead>
            <tbody>
              {kernels.data.map((k) => (
                <tr key={k.sessionId} data-testid="admin-kernel-row" data-owner={k.ownerEmail} data-notebook-id={k.notebookId}>
                  <td>{k.provider}{k.runtime && <span className="muted"> · {k.runtime}</span>}</td>
                  <td>{k.ownerEmail}</td>
                  <td className={styles.wrap}>{k.notebookTitle}</td>
                  <td>{formatDateTime(k.startedAt)}</td>
                  <td>{k.status === "idle" ? formatDuration(k.idleMs) : "—"}</td>
                  <td data-testid="admin-kernel-status">{k.status}</td>
                  <td>{k.queued}</td>
                  <td>
                    <button type="button" className="btn btn-danger" disabled={stop.isPending && stop.variables?.sessionId === k.sessionId}
                      onClick={() => setConfirming(k)}>Stop</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && (
        <ConfirmDialog title="Stop this kernel?" confirmLabel="Stop kernel" danger onCancel={() => setConfirming(null)}
          onConfirm={() => { stop.mutate({ sessionId: confirming.sessionId }); setConfirming(null); }}>
          <p>
            {confirming.ownerEmail}’s kernel for “{confirming.notebookTitle}” stops now; a running cell ends with
            “Stopped by an administrator.” and queued cells are not run.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
