// An R Markdown / Quarto file as blocks of text and chunks, with everything needed to write the
// same bytes back: the YAML header as written, the blank lines between blocks, line endings and
// the final newline. Verbatim fences (```` ```` ````, ```` ```{{r}} ````, ```` ~~~ ````) stay text,
// as knitr and Quarto show them; only a chunk fenced by exactly three backticks at the margin runs.
import type { ChunkHeader } from "./chunk-options";
import { parseChunkHeader } from "./chunk-options";

export type RmdChunk = {
  type: "chunk";
  header: ChunkHeader;
  /** The text between the braces, as written. */
  headerText: string;
  body: string;
  /** The opening and closing lines when they differ from "```{header}" and "```" (null: never closed). */
  open?: string;
  close?: string | null;
  /** A chunk with no line at all between its fences. */
  emptyBody?: boolean;
};
export type RmdText = { type: "text"; text: string };
export type RmdBlock = (RmdChunk | RmdText) & { blankBefore: number };

export type RmdDocument = {
  /** The YAML header with its `---` lines, as written; null if the file has none. */
  frontMatter: string | null;
  /** The YAML between the delimiters. */
  yaml: string | null;
  blocks: RmdBlock[];
  blankAfter: number;
  eol: "lf" | "crlf";
  finalNewline: boolean;
  bom: boolean;
};

const CHUNK_OPEN = /^```\s*\{(.*)\}\s*$/;
const CHUNK_CLOSE = /^```+\s*$/;
/** A markdown fence in text: its character run, and whatever follows (an info string). */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export function readRmd(content: string): RmdDocument {
  const bom = content.startsWith("\uFEFF");
  let text = bom ? content.slice(1) : content;
  const eol = text.includes("\r\n") ? "crlf" : "lf";
  if (eol === "crlf") text = text.replaceAll("\r\n", "\n");
  const finalNewline = text.endsWith("\n");
  const lines = (finalNewline ? text.slice(0, -1) : text).split("\n");
  const header = frontMatterEnd(lines);
  const blocks: RmdBlock[] = [];
  let blank = 0;
  let textLines: string[] = [];
  const flushText = () => {
    // Text starts at a non-blank line, so it is never blank lines alone.
    const trailing = countTrailingBlank(textLines);
    if (textLines.length) {
      blocks.push({ type: "text", text: textLines.slice(0, textLines.length - trailing).join("\n"), blankBefore: blank });
      blank = trailing;
    }
    textLines = [];
  };
  let i = header;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const chunk = readChunk(lines, i);
    if (chunk) {
      flushText();
      blocks.push({ ...chunk.block, blankBefore: blank });
      blank = 0;
      i = chunk.next;
      continue;
    }
    if (line === "" && textLines.length === 0) {
      blank++;
      i++;
      continue;
    }
    const fenceEnd = verbatimFenceEnd(lines, i);
    textLines.push(...lines.slice(i, fenceEnd + 1));
    i = fenceEnd + 1;
  }
  flushText();
  const frontMatter = header > 0 ? lines.slice(0, header).join("\n") : null;
  const yaml = header > 0 ? lines.slice(1, header - 1).join("\n") : null;
  return { frontMatter, yaml, blocks, blankAfter: blank, eol, finalNewline, bom };
}

/** A chunk opening at line `at`: the chunk, and the line after its closing fence; null if none opens there. */
function readChunk(lines: string[], at: number): { block: RmdChunk; next: number } | null {
  const line = lines[at] ?? "";
  const open = CHUNK_OPEN.exec(line);
  const header = open ? parseChunkHeader(open[1] ?? "") : null;
  if (!open || !header) return null;
  const end = indexAfter(lines, at, (l) => CHUNK_CLOSE.test(l));
  const bodyLines = lines.slice(at + 1, end < 0 ? lines.length : end);
  const block: RmdChunk = { type: "chunk", header, headerText: open[1] ?? "", body: bodyLines.join("\n") };
  if (line !== `\`\`\`{${block.headerText}}`) block.open = line;
  if (end < 0) block.close = null; // knitr runs an unclosed chunk to the end of the file
  else if (lines[end] !== "```") block.close = lines[end];
  if (!bodyLines.length) block.emptyBody = true;
  return { block, next: end < 0 ? lines.length : end + 1 };
}

/** The line after the YAML header (`---` … `---` or `...`), or 0 if the file does not start with one. */
function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.trimEnd() !== "---") return 0;
  const close = indexAfter(lines, 0, (l) => /^(---|\.\.\.)\s*$/.test(l));
  return close < 0 ? 0 : close + 1;
}

/** A text line that opens a markdown fence runs to its closing fence (same character, at least as long). */
function verbatimFenceEnd(lines: string[], at: number): number {
  const open = FENCE.exec(lines[at] ?? "");
  if (!open) return at;
  const run = open[1] ?? "```";
  const closing = new RegExp(`^ {0,3}${run[0] === "`" ? "`" : "~"}{${run.length},}\\s*$`);
  const end = indexAfter(lines, at, (l) => closing.test(l));
  return end < 0 ? lines.length - 1 : end;
}

function countTrailingBlank(lines: string[]): number {
  let n = 0;
  for (let i = lines.length - 1; i >= 0 && lines[i] === ""; i--) n++;
  return n;
}

/** The first line after `from` that passes `test`, or -1. */
function indexAfter(lines: string[], from: number, test: (line: string) => boolean): number {
  for (let i = from + 1; i < lines.length; i++) if (test(lines[i] ?? "")) return i;
  return -1;
}
