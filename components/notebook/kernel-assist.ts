"use client";
// Kernel-backed completion and help in the R editor: ONE completion item provider and ONE hover
// provider for "r", registered once on the page's Monaco. Each asks about the model being edited
// through the EditorAssist its cell editor attached to it; with none, or no answer, they offer nothing.
import type { CancellationToken, Position, editor, languages } from "monaco-editor";
import { createContext } from "react";
import type { Completion, Inspection } from "@/server/kernels/types";

type Monaco = typeof import("monaco-editor");

/** What the editor can ask of the notebook's kernel; null answers mean "nothing". */
export type EditorAssist = {
  complete(code: string, cursor: number): Promise<Completion | null>;
  inspect(code: string, cursor: number): Promise<Inspection | null>;
  /** Opens the help panel for the name at the cursor (Shift+Tab). */
  showHelp(code: string, cursor: number): void;
};

/** Given by the notebook page to its cell editors. */
export const EditorAssistContext = createContext<EditorAssist | null>(null);

export const TRIGGER_CHARACTERS = ["$", "@", ":"];
const HOVER_MAX_CHARS = 4_000;

const attached = new WeakMap<editor.ITextModel, () => EditorAssist | null>();
let registeredOn: Monaco | null = null;

/** Lets the providers answer for `model` (the focused cell's) through `assist`. */
export function attachAssist(monaco: Monaco, model: editor.ITextModel, assist: () => EditorAssist | null): void {
  register(monaco);
  attached.set(model, assist);
}

function register(monaco: Monaco): void {
  if (registeredOn === monaco) return;
  registeredOn = monaco;
  for (const language of ["r", "python"]) {
    monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: TRIGGER_CHARACTERS,
      provideCompletionItems: (model: editor.ITextModel, position: Position, _context: languages.CompletionContext, token: CancellationToken) =>
        suggest(monaco, model, position, token),
    });
    monaco.languages.registerHoverProvider(language, {
      provideHover: (model: editor.ITextModel, position: Position, token: CancellationToken) => hover(model, position, token),
    });
  }
}

async function suggest(monaco: Monaco, model: editor.ITextModel, position: Position, token: CancellationToken): Promise<languages.CompletionList> {
  const none = { suggestions: [] };
  const assist = attached.get(model)?.();
  if (!assist) return none;
  const result = await assist.complete(model.getValue(), model.getOffsetAt(position));
  if (!result?.matches.length || token.isCancellationRequested) return none;
  const start = model.getPositionAt(result.cursorStart);
  const end = model.getPositionAt(result.cursorEnd);
  const range = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
  const { CompletionItemKind } = monaco.languages;
  return {
    suggestions: result.matches.map((match, i) => ({
      label: match,
      insertText: match,
      range,
      kind: match.endsWith("=") ? CompletionItemKind.Property : /[$@]/.test(match) ? CompletionItemKind.Field : CompletionItemKind.Variable,
      sortText: String(i).padStart(5, "0"),
    })),
  };
}

async function hover(model: editor.ITextModel, position: Position, token: CancellationToken): Promise<languages.Hover | null> {
  const assist = attached.get(model)?.();
  const word = model.getWordAtPosition(position);
  if (!assist || !word) return null;
  const result = await assist.inspect(model.getValue(), model.getOffsetAt(position));
  if (!result?.found || token.isCancellationRequested) return null;
  const text = result.text.length > HOVER_MAX_CHARS ? `${result.text.slice(0, HOVER_MAX_CHARS)}\n… (Shift+Tab shows it all)` : result.text;
  return {
    range: { startLineNumber: position.lineNumber, startColumn: word.startColumn, endLineNumber: position.lineNumber, endColumn: word.endColumn },
    contents: [{ value: codeBlock(text), supportHtml: false }],
  };
}

/** Text as a fenced markdown block that no backticks inside it can close. */
export function codeBlock(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}
