// The one model of an R Markdown / Quarto chunk's engine, label and options, shared by import and
// export: read from a chunk header (`{r setup, include=FALSE}`) and from Quarto's `#|` lines, and
// written back. Option values are kept as the R (or YAML) text the author wrote.
import { parse as parseYaml } from "yaml";

/** An option as written: `fig.width=7` is ["fig.width", "7"]. A list, because order matters to authors. */
export type ChunkOption = [name: string, value: string];

export type ChunkHeader = { engine: string; label: string | null; options: ChunkOption[] };

/** knitr's chunk header: an engine name, then a label and `name=value` options (knitr's all_patterns$md). */
const ENGINE = /^([a-zA-Z0-9_]+)(.*)$/s;

/** "r setup, include=FALSE" (the text between the braces) → engine, label and options; null if no engine. */
export function parseChunkHeader(text: string): ChunkHeader | null {
  const match = ENGINE.exec(text.trim());
  if (!match) return null;
  const [, engine = "", rest = ""] = match;
  let label: string | null = null;
  const options: ChunkOption[] = [];
  for (const part of splitTopLevel(rest.trim().replace(/^,/, ""))) {
    const option = /^([A-Za-z._][\w.]*)\s*=\s*([\s\S]*)$/.exec(part);
    if (option?.[1] === "label") label = unquote(option[2] ?? "");
    else if (option) options.push([option[1] ?? "", option[2] ?? ""]);
    else if (label === null) label = unquote(part);
  }
  return { engine, label, options };
}

/** The header knitr reads back the same: `r setup, include=FALSE`, `r, echo=FALSE`, `python`. */
export function formatChunkHeader(header: ChunkHeader): string {
  const parts = [...(header.label ? [header.label] : []), ...header.options.map(([name, value]) => `${name}=${value}`)];
  if (!parts.length) return header.engine;
  return header.label ? `${header.engine} ${parts.join(", ")}` : `${header.engine}, ${parts.join(", ")}`;
}

/** The header text to write: the author's own when it still says the same, else the model written out. */
export function chunkHeaderText(header: ChunkHeader, written: string | undefined): string {
  if (written !== undefined && sameHeader(parseChunkHeader(written), header)) return written;
  return formatChunkHeader(header);
}

function sameHeader(a: ChunkHeader | null, b: ChunkHeader): boolean {
  return a !== null && a.engine === b.engine && a.label === b.label && JSON.stringify(a.options) === JSON.stringify(b.options);
}

/** Quarto's `#| name: value` lines at the top of a chunk, as options (YAML values written back as text). */
export function pipeOptions(body: string): ChunkOption[] {
  const lines: string[] = [];
  for (const line of body.split("\n")) {
    const match = /^#\|\s?(.*)$/.exec(line);
    if (!match) break;
    lines.push(match[1] ?? "");
  }
  if (!lines.length) return [];
  let parsed: unknown;
  try {
    parsed = parseYaml(lines.join("\n"));
  } catch {
    return []; // Quarto would refuse the chunk; the lines stay in the code for the author to fix.
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return [];
  return Object.entries(parsed).map(([name, value]) => [name, typeof value === "string" ? value : JSON.stringify(value)]);
}

/** Splits on commas outside quotes, parentheses, brackets and braces: `fig.cap="a, b", x=c(1, 2)`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function unquote(text: string): string {
  const t = text.trim();
  return /^(["']).*\1$/s.test(t) ? t.slice(1, -1) : t;
}
