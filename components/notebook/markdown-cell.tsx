"use client";
// A markdown cell: rendered (sanitized) until edited; edited in a plain growing textarea where
// Shift+Enter / Ctrl+Enter render it and Escape returns to command mode.
import { useLayoutEffect, useRef, type KeyboardEvent } from "react";
import type { CellActions } from "./cell-actions";
import { LazyMarkdown as MarkdownView } from "./lazy-markdown";
import type { EditorCommand } from "./monaco-cell-editor";
import type { DocCell } from "./types";
import styles from "./cell.module.css";

type Props = { cell: DocCell; editing: boolean; actions: CellActions };

export function MarkdownCell({ cell, editing, actions }: Props) {
  if (editing) return <MarkdownEditor cell={cell} actions={actions} />;
  return (
    <div className={styles.markdownRendered} data-testid="markdown-rendered" onDoubleClick={() => actions.edit(cell.id, "end")}>
      {cell.source.trim() ? (
        <MarkdownView source={cell.source} />
      ) : (
        <p className={`muted ${styles.placeholder}`}>Empty markdown cell: double-click or press Enter to write.</p>
      )}
    </div>
  );
}

function keyCommand(e: KeyboardEvent<HTMLTextAreaElement>): EditorCommand | null {
  if (e.key === "Escape") return "commandMode";
  if (e.key !== "Enter") return null;
  if (e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) return "runAdvance";
  if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey) return "runInPlace";
  if (e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey) return "runInsertBelow";
  return null;
}

function MarkdownEditor({ cell, actions }: { cell: DocCell; actions: CellActions }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [cell.source]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <textarea
      ref={ref}
      className={styles.markdownEditor}
      data-testid="markdown-editor"
      aria-label="Markdown source"
      placeholder="Write markdown: # Heading, **bold**, - lists, | tables |"
      value={cell.source}
      spellCheck
      onChange={(e) => actions.setSource(cell.id, e.target.value)}
      onKeyDown={(e) => {
        const command = keyCommand(e);
        if (!command) return;
        e.preventDefault();
        actions.command(cell.id, command);
      }}
    />
  );
}
