"use client";
// The run history side panel: past executions newest first (all cells or the selected one),
// loaded page by page, refreshed when a run finishes; an old source can be copied back into its cell.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { errorMessage } from "@/components/notebook/client-errors";
import { HistoryItem } from "./history-item";
import styles from "./history.module.css";

type Props = {
  notebookId: string;
  selectedCellId: string | null;
  cellIds: ReadonlySet<string>;
  /** Changes whenever an execution finishes, to refresh the list. */
  refreshKey: number;
  onRestore: (cellId: string, source: string) => void;
  onClose: () => void;
};

const PAGE_SIZE = 20;

export function HistoryPanel({ notebookId, selectedCellId, cellIds, refreshKey, onRestore, onClose }: Props) {
  const trpc = useTRPC();
  const [scope, setScope] = useState<"all" | "cell">("all");
  const cellId = scope === "cell" && selectedCellId ? selectedCellId : undefined;
  const query = useInfiniteQuery(
    trpc.execution.history.infiniteQueryOptions(
      { notebookId, cellId, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? null, staleTime: 0 },
    ),
  );
  const { refetch } = query;
  useEffect(() => {
    if (refreshKey > 0) void refetch();
  }, [refreshKey, refetch]);

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <aside className={styles.panel} aria-label="Run history" data-testid="history-panel">
      <div className={styles.head}>
        <h2 className={styles.heading}>History</h2>
        <div className={styles.scope} role="group" aria-label="Show runs of">
          <button type="button" className={`btn ${scope === "all" ? styles.on : ""}`} aria-pressed={scope === "all"} onClick={() => setScope("all")}>
            All cells
          </button>
          <button type="button" className={`btn ${scope === "cell" ? styles.on : ""}`} aria-pressed={scope === "cell"}
            disabled={!selectedCellId} onClick={() => setScope("cell")}>
            This cell
          </button>
        </div>
        <button type="button" className="btn btn-ghost" aria-label="Close panel" title="Close" onClick={onClose}>✕</button>
      </div>
      {query.isPending && <p className="muted">Loading runs…</p>}
      {query.isError && <p className="error-text" role="alert">Could not load the history: {errorMessage(query.error)}</p>}
      {query.isSuccess && items.length === 0 && (
        <p className={`muted ${styles.empty}`}>{cellId ? "This cell has not run yet." : "No runs yet: run a cell and it appears here."}</p>
      )}
      <ol className={styles.list}>
        {items.map((item) => (
          <HistoryItem key={item.id} item={item} cellExists={item.cellId !== null && cellIds.has(item.cellId)} onRestore={onRestore} />
        ))}
      </ol>
      {query.hasNextPage && (
        <button type="button" className={`btn ${styles.more}`} disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </aside>
  );
}
