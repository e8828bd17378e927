// Static R syntax highlighting for cells that are not being edited (highlight.js core + R only).
import hljs from "highlight.js/lib/core";
import r from "highlight.js/lib/languages/r";

hljs.registerLanguage("r", r);

/** Highlighted HTML for R source; highlight.js escapes the text, so the result is safe to inject. */
export function highlightR(source: string): string {
  return hljs.highlight(source, { language: "r", ignoreIllegals: true }).value;
}
