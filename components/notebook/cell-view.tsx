"use client";
// One cell of the notebook: the selectable, focusable container (command mode lives here), its
// prompt, its content (code or markdown) and its toolbar.
import { memo, useEffect, useRef } from "react";
import type { CellActions } from "./cell-actions";
import { CellToolbar } from "./cell-toolbar";
import { CodeCell } from "./code-cell";
import { ExecutionPrompt } from "./execution-prompt";
import type { CellExecution } from "./execution-state";
import { FIND_SCOPE_ATTR } from "./find-highlight";
import { MarkdownCell } from "./markdown-cell";
import type { CursorHint } from "./monaco-cell-editor";
import type { DocCell } from "./types";
import type { AppTheme } from "./use-app-theme";
import styles from "./cell.module.css";

type Props = {
  cell: DocCell;
  index: number;
  isLast: boolean;
  selected: boolean;
  editing: boolean;
  cursor: CursorHint;
  theme: AppTheme;
  execution: CellExecution | undefined;
  actions: CellActions;
};

export const CellView = memo(function CellView({ cell, index, isLast, selected, editing, cursor, theme, execution, actions }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selected || !ref.current) return;
    reveal(ref.current);
    if (!editing) takeFocus(ref.current);
  }, [selected, editing]);

  const className = [styles.cell, selected ? styles.selected : "", editing ? styles.editing : ""].join(" ");
  return (
    <div
      ref={ref}
      className={className}
      data-testid="cell"
      data-cell-id={cell.id}
      data-kind={cell.kind}
      data-selected={selected ? "true" : "false"}
      data-editing={editing ? "true" : "false"}
      data-status={execution?.status ?? "none"}
      tabIndex={selected ? 0 : -1}
      aria-label={`${cell.kind === "code" ? "Code" : "Markdown"} cell ${index + 1}`}
      onClick={() => actions.select(cell.id)}
      onFocus={(e) => {
        if (e.target === e.currentTarget && !selected) actions.select(cell.id);
      }}
    >
      <div className={styles.gutter}>{cell.kind === "code" && <ExecutionPrompt execution={execution} />}</div>
      <div className={styles.body} {...{ [FIND_SCOPE_ATTR]: "" }}>
        {cell.kind === "code" ? (
          <CodeCell cell={cell} editing={editing} cursor={cursor} theme={theme} execution={execution} actions={actions} />
        ) : (
          <MarkdownCell cell={cell} editing={editing} actions={actions} />
        )}
      </div>
      <CellToolbar cell={cell} isFirst={index === 0} isLast={isLast} actions={actions} />
    </div>
  );
});

/** Moves keyboard focus to a newly selected cell, unless the user is typing somewhere else. */
function takeFocus(el: HTMLDivElement): void {
  const active = document.activeElement;
  const free = !active || active === document.body || active.closest("[data-notebook-keys]") !== null;
  if (free && !el.contains(active)) el.focus({ preventScroll: true });
}

/** Scrolls a newly selected cell into view, except a tall cell already partly shown (a click in it). */
function reveal(el: HTMLDivElement): void {
  const box = el.getBoundingClientRect();
  const view = (el.closest("main") ?? document.documentElement).getBoundingClientRect();
  const visible = box.bottom > view.top && box.top < view.bottom;
  const fits = box.height <= view.height;
  if (!visible || (fits && (box.top < view.top || box.bottom > view.bottom))) el.scrollIntoView({ block: "nearest" });
}
