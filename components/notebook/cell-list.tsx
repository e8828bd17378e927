"use client";
// The cells of the notebook in order, or an empty state inviting the first cell. Long notebooks
// render their first cells at once and the rest in the following frames, so the top is usable fast.
import { useEffect, useState } from "react";
import type { CellActions } from "./cell-actions";
import { CellView } from "./cell-view";
import type { ExecState } from "./execution-state";
import type { CursorHint } from "./monaco-cell-editor";
import type { DocState } from "./notebook-doc";
import type { AppTheme } from "./use-app-theme";
import styles from "./notebook.module.css";

type Props = { doc: DocState; exec: ExecState; cursor: CursorHint; theme: AppTheme; actions: CellActions };

const FIRST_BATCH = 16;
const NEXT_BATCH = 20;

/** How many cells to render: grows batch by batch until all are there, then stays "all". */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_BATCH);
  useEffect(() => {
    if (count === Infinity) return;
    if (count >= total) {
      setCount(Infinity);
      return;
    }
    const grow = () => setCount((c) => c + NEXT_BATCH);
    // Between user input: the next batch waits for an idle moment (at most 100 ms).
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(grow, { timeout: 100 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(grow, 16);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}

export function CellList({ doc, exec, cursor, theme, actions }: Props) {
  const shown = useProgressiveCount(doc.cells.length);
  if (doc.cells.length === 0) {
    return (
      <div className={`empty-state ${styles.empty}`} data-testid="empty-notebook">
        <h2>This notebook is empty</h2>
        <p className="muted">Add a code cell to run R, or a markdown cell for notes.</p>
        <div className={styles.emptyActions}>
          <button type="button" className="btn btn-primary" onClick={() => actions.add("code", null, "below", { edit: true })}>
            Add code cell
          </button>
          <button type="button" className="btn" onClick={() => actions.add("markdown", null, "below", { edit: true })}>
            Add markdown cell
          </button>
        </div>
      </div>
    );
  }
  const last = doc.cells.length - 1;
  return (
    <div className={styles.cells}>
      {doc.cells.slice(0, shown).map((cell, index) => (
        <CellView
          key={cell.id}
          cell={cell}
          index={index}
          isLast={index === last}
          selected={doc.selectedId === cell.id}
          editing={doc.editingId === cell.id}
          cursor={doc.editingId === cell.id ? cursor : "end"}
          theme={theme}
          execution={exec.byCell[cell.id]}
          actions={actions}
        />
      ))}
    </div>
  );
}
