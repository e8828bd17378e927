"use client";
// The cells of the notebook in order, or an empty state inviting the first cell. Only the cells on
// screen (plus a margin, and always the selected and edited ones) are drawn, as JupyterLab's windowed
// notebook does: a 2,000-cell notebook opens as fast as a short one. Drawn cells are measured; the
// others keep a height estimated from their source and outputs, held by spacers.
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useState, type RefObject } from "react";
import type { CellActions } from "./cell-actions";
import { estimateCellHeight } from "./cell-height";
import { CellView } from "./cell-view";
import type { ExecState } from "./execution-state";
import type { CursorHint } from "./monaco-cell-editor";
import type { DocState } from "./notebook-doc";
import type { AppTheme } from "./use-app-theme";
import styles from "./notebook.module.css";

type Props = {
  doc: DocState;
  exec: ExecState;
  cursor: CursorHint;
  theme: AppTheme;
  actions: CellActions;
  /** The element that scrolls the cells. */
  scroller: RefObject<HTMLElement | null>;
};

/** Cells drawn beyond each edge of the screen, so short scrolls show finished cells. */
const OVERSCAN = 4;
/** Before the scroller is measured (and on the server): assume a tall window. */
const INITIAL_RECT = { width: 1100, height: 1000 };

export function CellList({ doc, exec, cursor, theme, actions, scroller }: Props) {
  if (doc.cells.length === 0) return <EmptyNotebook actions={actions} />;
  return <WindowedCells doc={doc} exec={exec} cursor={cursor} theme={theme} actions={actions} scroller={scroller} />;
}

function WindowedCells({ doc, exec, cursor, theme, actions, scroller }: Props) {
  const { cells } = doc;
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const scrollMargin = useListOffset(list, scroller);
  const pinned = [doc.selectedId, doc.editingId].map((id) => (id ? cells.findIndex((c) => c.id === id) : -1));
  const [selectedIndex = -1, editingIndex = -1] = pinned;
  const rangeExtractor = useCallback((range: Range) => {
    const shown = defaultRangeExtractor(range);
    for (const i of [selectedIndex, editingIndex]) if (i >= 0 && !shown.includes(i)) shown.push(i);
    return shown.sort((a, b) => a - b);
  }, [selectedIndex, editingIndex]);
  const { byCell } = exec;
  const estimateSize = useCallback((i: number) => (cells[i] ? estimateCellHeight(cells[i], byCell[cells[i].id]?.events) : 100), [cells, byCell]);
  const getItemKey = useCallback((i: number) => cells[i]?.id ?? i, [cells]);
  const virtualizer = useVirtualizer({
    count: cells.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    scrollMargin,
    initialRect: INITIAL_RECT,
    rangeExtractor,
  });

  const last = cells.length - 1;
  const rows: React.ReactNode[] = [];
  let drawnTo = scrollMargin;
  for (const item of virtualizer.getVirtualItems()) {
    const cell = cells[item.index];
    if (!cell) continue;
    if (item.start > drawnTo) rows.push(<div key={`gap-${item.index}`} aria-hidden style={{ height: item.start - drawnTo }} />);
    rows.push(
      <div key={cell.id} ref={virtualizer.measureElement} data-index={item.index} className={styles.row}>
        <CellView
          cell={cell}
          index={item.index}
          isLast={item.index === last}
          selected={doc.selectedId === cell.id}
          editing={doc.editingId === cell.id}
          cursor={doc.editingId === cell.id ? cursor : "end"}
          theme={theme}
          execution={exec.byCell[cell.id]}
          actions={actions}
        />
      </div>,
    );
    drawnTo = Math.max(drawnTo, item.end);
  }
  const rest = scrollMargin + virtualizer.getTotalSize() - drawnTo;
  if (rest > 0) rows.push(<div key="gap-end" aria-hidden style={{ height: rest }} />);
  return <div ref={setList} className={styles.cells} data-testid="cell-list" data-cell-count={cells.length}>{rows}</div>;
}

/** The list's distance from the top of the scroller's content (its padding, anything above it). */
function useListOffset(list: HTMLElement | null, scroller: RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const root = scroller.current;
    if (!list || !root) return;
    setOffset(Math.round(list.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop));
  }, [list, scroller]);
  return offset;
}

function EmptyNotebook({ actions }: { actions: CellActions }) {
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
