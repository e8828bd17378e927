"use client";
// The Variables pane (like RStudio's Environment pane): the objects of the notebook's kernel
// workspace with class, shape, size and a preview. It asks only when the kernel is idle (a busy
// kernel answers nothing, so the last list stays), again after each finished run, and on demand.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import type { KernelStateData } from "@/components/notebook/types";
import panel from "@/components/ui/side-panel.module.css";
import { formatBytes } from "./format-bytes";
import styles from "./variables.module.css";

type Props = {
  notebookId: string;
  kernel: KernelStateData | undefined;
  /** Changes whenever an execution finishes, to refresh the list. */
  refreshKey: number;
  onClose: () => void;
};

export function VariablesPane({ notebookId, kernel, refreshKey, onClose }: Props) {
  const trpc = useTRPC();
  const idle = kernel?.status === "idle" && kernel.queued === 0;
  const alive = Boolean(kernel && kernel.status !== "dead");
  const query = useQuery(trpc.kernel.variables.queryOptions({ notebookId }, { enabled: idle, staleTime: 0, retry: false }));
  const { refetch } = query;
  useEffect(() => {
    if (idle && refreshKey > 0) void refetch();
  }, [idle, refreshKey, refetch]);

  const variables = alive ? (query.data ?? []) : [];
  return (
    <aside className={panel.panel} aria-label="Variables" data-testid="variables-panel">
      <div className={panel.head}>
        <h2 className={panel.heading}>Variables</h2>
        <button type="button" className="btn" title="Read the workspace again" disabled={!alive || query.isFetching}
          onClick={() => void refetch()}>
          {query.isFetching ? "Refreshing…" : "Refresh"}
        </button>
        <button type="button" className="btn btn-ghost" aria-label="Close variables" title="Close" onClick={onClose}>✕</button>
      </div>
      {variables.length === 0 ? (
        <p className={`muted ${panel.note}`} data-testid="variables-empty">No variables yet — run a cell</p>
      ) : (
        <table className={styles.table} data-testid="variables-table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Shape</th><th scope="col">Size</th><th scope="col">Value</th></tr>
          </thead>
          <tbody>
            {variables.map((v) => (
              <tr key={v.name} data-testid="variable-row">
                <th scope="row" className={styles.name}>{v.name}</th>
                <td>{v.type}</td>
                <td className={styles.nowrap}>{v.shape}</td>
                <td className={styles.nowrap}>{formatBytes(v.sizeBytes)}</td>
                <td className={styles.preview} title={v.preview}>{v.preview}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {kernel?.status === "busy" && variables.length > 0 && <p className={`muted ${panel.note}`}>Updates when the running cell finishes.</p>}
    </aside>
  );
}
