// Writes a notebook as R Markdown: a YAML header, markdown cells as they are, code cells as chunks
// (outputs are left out: knitting the file makes them again).
import type { ExportableNotebook } from "./exportable";

export function toRmd(notebook: ExportableNotebook): string {
  const engine = notebook.language === "python" ? "python" : "r";
  // A JSON string is a valid YAML double-quoted scalar: any title is safe in the header.
  const header = ["---", `title: ${JSON.stringify(notebook.title)}`, "output: html_document", "---"].join("\n");
  const blocks = notebook.cells
    .filter((cell) => cell.source.trim() !== "")
    .map((cell) => (cell.kind === "markdown" ? cell.source.trimEnd() : chunk(engine, cell.source)));
  return `${[header, ...blocks].join("\n\n")}\n`;
}

function chunk(engine: string, source: string): string {
  return `\`\`\`{${engine}}\n${source.replace(/\n+$/, "")}\n\`\`\``;
}
