"use client";
// A code cell: static highlighted code until it is edited, then the one Monaco editor; its latest
// execution's output below.
import { useCallback, useMemo } from "react";
import type { CellActions } from "./cell-actions";
import { ChunkCaptionLine } from "./chunk-caption";
import type { CellExecution } from "./execution-state";
import { languageName, useCodeLanguage } from "./code-language";
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

export function CodeCell({ cell, editing, cursor, theme, execution, actions }: Props) {
  const { id } = cell;
  const language = useCodeLanguage();
  const placeholder = `Empty code cell: click to write ${languageName(language)} code`;
  const activate = useCallback((line: number) => actions.edit(id, { line }), [actions, id]);
  const onChange = useCallback((source: string) => actions.setSource(id, source), [actions, id]);
  const onCommand = useCallback((command: EditorCommand) => actions.command(id, command), [actions, id]);
  const events = useMemo(() => (execution?.events ?? []).map((e) => e.event), [execution?.events]);
  const running = execution?.status === "queued" || execution?.status === "running";

  return (
    <>
      {cell.chunk && <ChunkCaptionLine chunk={cell.chunk} />}
      {editing ? (
        <MonacoCellEditor
          className={styles.editorBox}
          value={cell.source}
          language={language}
          theme={theme}
          cursor={cursor}
          ariaLabel={`${languageName(language)} code`}
          onChange={onChange}
          onCommand={onCommand}
          fallback={<StaticCode source={cell.source} placeholder={placeholder} />}
        />
      ) : (
        <StaticCode source={cell.source} onActivate={activate} placeholder={placeholder} />
      )}
      <OutputSlot hold={running} className={styles.output}>
        <OutputArea events={events} runningExecutionId={execution?.status === "running" ? execution.executionId : undefined} />
      </OutputSlot>
    </>
  );
}
