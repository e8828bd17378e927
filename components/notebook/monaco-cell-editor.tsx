"use client";
// The one live Monaco editor (the cell being edited), served from our own origin. It owns its text
// while it is open: keys go straight to Monaco and each change is reported to the document; a
// `value` that comes back is applied only when it is not one of the editor's own (possibly
// older) changes, so re-renders never write over keys still arriving. It grows with its content
// and forwards the notebook's keys (Shift/Ctrl/Alt+Enter, Escape) to the page. R cells get the
// kernel's completion and help (kernel-assist.ts; Shift+Tab opens the help panel).
import Editor, { loader, type OnMount } from "@monaco-editor/react";
import { useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { EditorAssistContext, attachAssist, type EditorAssist } from "./kernel-assist";
import type { AppTheme } from "./use-app-theme";

loader.config({ paths: { vs: "/monaco/vs" } });

export type EditorCommand = "runAdvance" | "runInPlace" | "runInsertBelow" | "commandMode";

/** Where the cursor goes when the editor opens: a 1-based line (its end), or the end of the text. */
export type CursorHint = { line: number } | "end";

type Props = {
  value: string;
  language: "r" | "python" | "markdown";
  theme: AppTheme;
  cursor: CursorHint;
  ariaLabel: string;
  onChange: (value: string) => void;
  onCommand: (command: EditorCommand) => void;
  /** Shown until Monaco has loaded (the static code, so nothing jumps). */
  fallback: ReactNode;
  className?: string;
};

const LINE_HEIGHT = 19;
const PADDING = 8;

let preload: Promise<unknown> | null = null;

/** Starts loading Monaco in the background so the first click on a cell opens the editor quickly. */
export function preloadMonaco(): void {
  preload ??= loader.init().catch(() => {
    preload = null;
  });
}

export function MonacoCellEditor({ value, language, theme, cursor, ariaLabel, onChange, onCommand, fallback, className }: Props) {
  const [height, setHeight] = useState(() => value.split("\n").length * LINE_HEIGHT + 2 * PADDING);
  const commandRef = useRef(onCommand);
  const cursorRef = useRef(cursor);
  const editorRef = useRef<MountedEditor | null>(null);
  const valueRef = useRef(value);
  /** Texts this editor reported that the `value` prop has not caught up with yet. */
  const ownTexts = useRef(new Set<string>());
  useEffect(() => {
    valueRef.current = value;
    const editor = editorRef.current;
    if (editor) adoptValue(editor, value, ownTexts.current);
  }, [value]);
  const assist = useContext(EditorAssistContext);
  const assistRef = useRef(assist);
  useEffect(() => {
    commandRef.current = onCommand;
    assistRef.current = assist;
  }, [onCommand, assist]);

  const onMount: OnMount = (editor, monaco) => {
    const run = (command: EditorCommand) => () => commandRef.current(command);
    const { KeyMod, KeyCode } = monaco;
    editor.addAction({ id: "kb.run-advance", label: "Run cell and select below", keybindings: [KeyMod.Shift | KeyCode.Enter], run: run("runAdvance") });
    editor.addAction({ id: "kb.run-in-place", label: "Run cell", keybindings: [KeyMod.CtrlCmd | KeyCode.Enter], run: run("runInPlace") });
    editor.addAction({ id: "kb.run-insert", label: "Run cell and insert below", keybindings: [KeyMod.Alt | KeyCode.Enter], run: run("runInsertBelow") });
    editor.addAction({
      id: "kb.command-mode",
      label: "Leave the editor (command mode)",
      keybindings: [KeyCode.Escape],
      keybindingContext: "!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !editorHasMultipleSelections",
      run: run("commandMode"),
    });
    if (language !== "markdown") bindKernelAssist(editor, monaco, () => assistRef.current);
    editor.onDidContentSizeChange((e) => {
      if (e.contentHeightChanged) setHeight(Math.max(e.contentHeight, LINE_HEIGHT + 2 * PADDING));
    });
    editorRef.current = editor;
    adoptValue(editor, valueRef.current, ownTexts.current);
    setHeight(Math.max(editor.getContentHeight(), LINE_HEIGHT + 2 * PADDING));
    placeCursor(editor, cursorRef.current);
    editor.focus();
  };

  return (
    <div style={{ minHeight: height }} className={className} data-testid="cell-editor">
      <Editor
        defaultValue={value}
        language={language}
        theme={theme === "dark" ? "vs-dark" : "vs"}
        height={height}
        loading={<div style={{ width: "100%", alignSelf: "flex-start" }}>{fallback}</div>}
        onMount={onMount}
        onChange={(next) => {
          ownTexts.current.add(next ?? "");
          onChange(next ?? "");
        }}
        options={{
          ariaLabel,
          automaticLayout: true,
          minimap: { enabled: false },
          lineNumbers: "off",
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: 10,
          lineNumbersMinChars: 0,
          fontSize: 13,
          lineHeight: LINE_HEIGHT,
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
          padding: { top: PADDING, bottom: PADDING },
          scrollBeyondLastLine: false,
          scrollbar: { vertical: "hidden", alwaysConsumeMouseWheel: false, horizontalScrollbarSize: 8 },
          overviewRulerLanes: 0,
          hideCursorInOverviewRuler: true,
          renderLineHighlight: "none",
          tabSize: 2,
          wordWrap: language === "markdown" ? "on" : "off",
          fixedOverflowWidgets: true,
          contextmenu: true,
        }}
      />
    </div>
  );
}

type MountedEditor = Parameters<OnMount>[0];

/**
 * Brings a `value` from the document into the editor when it is a change from elsewhere (history
 * restore): not the editor's current text, and not an echo of one of its own changes. The
 * selection stays where it was (clamped to the new text) and the change can be undone.
 */
function adoptValue(editor: MountedEditor, value: string, ownTexts: Set<string>): void {
  const model = editor.getModel();
  if (!model) return;
  if (value === model.getValue()) {
    ownTexts.clear();
    return;
  }
  if (ownTexts.has(value)) return;
  ownTexts.clear();
  const selections = editor.getSelections() ?? undefined;
  editor.pushUndoStop();
  editor.executeEdits("kernelbook.document", [{ range: model.getFullModelRange(), text: value }], selections);
  editor.pushUndoStop();
}

/** Completion and hover from the kernel for this editor's model, and Shift+Tab for the help panel. */
function bindKernelAssist(editor: MountedEditor, monaco: Parameters<OnMount>[1], assist: () => EditorAssist | null): void {
  const model = editor.getModel();
  if (model) attachAssist(monaco, model, assist);
  editor.addAction({
    id: "kb.help",
    label: "Show help for the name at the cursor",
    keybindings: [monaco.KeyMod.Shift | monaco.KeyCode.Tab],
    keybindingContext: "!suggestWidgetVisible",
    run: (ed) => {
      const current = ed.getModel();
      const position = ed.getPosition();
      if (current && position) assist()?.showHelp(current.getValue(), current.getOffsetAt(position));
    },
  });
}

function placeCursor(editor: MountedEditor, cursor: CursorHint): void {
  const model = editor.getModel();
  if (!model) return;
  const lineNumber = cursor === "end" ? model.getLineCount() : Math.min(cursor.line, model.getLineCount());
  const position = { lineNumber, column: model.getLineMaxColumn(lineNumber) };
  editor.setPosition(position);
  editor.revealPositionInCenterIfOutsideViewport(position);
}
