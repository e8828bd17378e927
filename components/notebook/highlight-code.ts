// Static syntax highlighting for cells that are not being edited (highlight.js core with only
// the two languages notebooks are written in: R, and Python for Python kernels).
import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";
import r from "highlight.js/lib/languages/r";

hljs.registerLanguage("r", r);
hljs.registerLanguage("python", python);

/** Highlighted HTML; highlight.js escapes the text, so the result is safe to inject. */
export function highlightCode(source: string, language: CodeLanguage): string {
  return hljs.highlight(source, { language, ignoreIllegals: true }).value;
}

export type CodeLanguage = "r" | "python";
