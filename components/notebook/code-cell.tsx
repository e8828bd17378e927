"use client";
// A code cell: static highlighted R until it is edited, then the one Monaco editor; its latest
// execution's output below.
import { useCallback, useMemo } from "react";
import type { CellActions } from "./cell-actions";
import type { CellExecution } from "./execution-state";
import { MonacoCellEditor, type CursorHint, type EditorCommand } from "./monaco-cell-editor";
import { OutputArea } from "./outputs/output-area";
import { OutputSlot } from "./outputs/output-slot";
import { StaticCode } from "./static-code";
import type { DocCell } from "./types";
import type { AppTheme } from "./use-app-theme";
import styles from "./cell.module.css";

type Props = {
  cell: DocCell;
  editing: boolean;
  cursor: CursorHint;
  theme: AppTheme;
  execution: CellExecution | undefined;
  actions: CellActions;
};

const PLACEHOLDER = "Empty code cell: click to write R code";

export function CodeCell({ cell, editing, cursor, theme, execution, actions }: Props) {
  const { id } = cell;
  const activate = useCallback((line: number) => actions.edit(id, { line }), [actions, id]);
  const onChange = useCallback((source: string) => actions.setSource(id, source), [actions, id]);
  const onCommand = useCallback((command: EditorCommand) => actions.command(id, command), [actions, id]);
  const events = useMemo(() => (execution?.events ?? []).map((e) => e.event), [execution?.events]);
  const running = execution?.status === "queued" || execution?.status === "running";

  return (
    <>
      {editing ? (
        <MonacoCellEditor
          className={styles.editorBox}
          value={cell.source}
          language="r"
          theme={theme}
          cursor={cursor}
          ariaLabel="R code"
          onChange={onChange}
          onCommand={onCommand}
          fallback={<StaticCode source={cell.source} placeholder={PLACEHOLDER} />}
        />
      ) : (
        <StaticCode source={cell.source} onActivate={activate} placeholder={PLACEHOLDER} />
      )}
      <OutputSlot hold={running} className={styles.output}>
        <OutputArea events={events} runningExecutionId={execution?.status === "running" ? execution.executionId : undefined} />
      </OutputSlot>
    </>
  );
}
