"use client";
// Jupyter's command mode: with a cell selected and no editor focused, single keys act on the cell
// (A, B, DD, M, Y, arrows/J/K, Enter, Shift/Ctrl/Alt+Enter). Keys typed into inputs, editors,
// dialogs or outside the notebook are left alone.
import { useEffect, useRef, type RefObject } from "react";
import { commandForKey, DOUBLE_D_MS, type NotebookCommand } from "./command-keys";
import type { DocState } from "./notebook-doc";

const TYPING = "input, textarea, select, [contenteditable=''], [contenteditable='true'], .monaco-editor, iframe";
const ACTIVATES = "button, a[href], summary, [role='button']";

function shouldIgnore(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing) return true;
  if (document.querySelector("[aria-modal='true']")) return true;
  const target = e.target instanceof Element ? e.target : null;
  if (!target || target === document.body) return false;
  if (!target.closest("[data-notebook-keys]")) return true;
  if (target.closest(TYPING)) return true;
  return (e.key === "Enter" || e.key === " ") && target.closest(ACTIVATES) !== null;
}

export function useCommandModeKeys(docRef: RefObject<DocState>, onCommand: (command: NotebookCommand) => void) {
  const handler = useRef(onCommand);
  useEffect(() => {
    handler.current = onCommand;
  }, [onCommand]);

  useEffect(() => {
    let armedAt = 0;
    const onKeyDown = (e: KeyboardEvent) => {
      const doc = docRef.current;
      if (!doc.selectedId || doc.editingId || shouldIgnore(e)) return;
      if (["Shift", "Control", "Alt", "Meta"].includes(e.key)) return;
      const command = commandForKey(e, { deleteArmed: Date.now() - armedAt < DOUBLE_D_MS });
      if (command !== "armDelete") armedAt = 0;
      if (!command) return;
      e.preventDefault();
      if (command === "armDelete") armedAt = Date.now();
      else handler.current(command);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [docRef]);
}
