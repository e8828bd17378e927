// Writes an RmdDocument back to text: the inverse of readRmd, byte for byte.
import type { RmdBlock, RmdDocument } from "./rmd-document";
import { chunkHeaderText } from "./chunk-options";

export function writeRmd(doc: RmdDocument): string {
  const lines: string[] = [];
  if (doc.frontMatter !== null) lines.push(doc.frontMatter);
  for (const block of doc.blocks) {
    for (let i = 0; i < block.blankBefore; i++) lines.push("");
    lines.push(blockText(block));
  }
  for (let i = 0; i < doc.blankAfter; i++) lines.push("");
  const text = lines.join("\n") + (doc.finalNewline ? "\n" : "");
  return (doc.bom ? "\uFEFF" : "") + (doc.eol === "crlf" ? text.replaceAll("\n", "\r\n") : text);
}

function blockText(block: RmdBlock): string {
  if (block.type === "text") return block.text;
  const open = block.open ?? `\`\`\`{${chunkHeaderText(block.header, block.headerText)}}`;
  const close = block.close === undefined ? "```" : block.close;
  const parts = [open, ...(block.emptyBody ? [] : [block.body]), ...(close === null ? [] : [close])];
  return parts.join("\n");
}
