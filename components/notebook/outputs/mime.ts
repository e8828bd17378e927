// Chooses how to show a MIME bundle (richest safe type first; an R vector's plain text before its
// HTML list), where HTML goes (sanitized inline, or a sandboxed frame) and builds data: URLs for images.
import type { MimeBundle } from "@/server/contracts/outputs";
import { TABLE_MIME, parseTableOutput, type TableOutput } from "@/server/contracts/table";

/** Inline: sanitized into the page (markup, tables). Frame: a sandboxed, self-sizing frame (styles, scripts, SVG…). */
export type HtmlMode = "inline" | "frame";

export type Presentation =
  | { kind: "image"; mime: string; src: string }
  | { kind: "table"; table: TableOutput }
  | { kind: "html"; html: string; mode: HtmlMode }
  | { kind: "markdown"; markdown: string }
  | { kind: "text"; text: string };

const BINARY_IMAGES = ["image/png", "image/jpeg", "image/gif", "image/webp"] as const;

export function present(bundle: MimeBundle): Presentation | null {
  for (const mime of BINARY_IMAGES) {
    const value = bundle[mime];
    if (value) return { kind: "image", mime, src: `data:${mime};base64,${value.replace(/\s+/g, "")}` };
  }
  const svg = bundle["image/svg+xml"];
  if (svg) return { kind: "image", mime: "image/svg+xml", src: svgDataUrl(svg) };
  const table = bundle[TABLE_MIME] ? parseTableOutput(bundle[TABLE_MIME]) : null;
  if (table) return { kind: "table", table };
  const html = bundle["text/html"];
  const plain = bundle["text/plain"];
  if (html && plain && isVectorRepr(html)) return { kind: "text", text: plain };
  if (html) return { kind: "html", html, mode: htmlMode(html) };
  if (bundle["text/markdown"]) return { kind: "markdown", markdown: bundle["text/markdown"] };
  if (bundle["text/plain"] !== undefined) return { kind: "text", text: bundle["text/plain"] };
  const [first] = Object.entries(bundle).filter(([m]) => m.startsWith("text/"));
  return first ? { kind: "text", text: first[1] } : null;
}

/** SVG as an image URL (never inlined into the page, so its scripts cannot run). */
export function svgDataUrl(svg: string): string {
  const trimmed = svg.trimStart();
  if (trimmed.startsWith("<")) return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  return `data:image/svg+xml;base64,${svg.replace(/\s+/g, "")}`;
}

/** A first guess at the height an HTML fragment needs (a sandboxed frame cannot be measured). */
export function estimateHtmlHeight(html: string): number {
  const rows = (html.match(/<tr[\s>]/gi) ?? []).length;
  const breaks = (html.match(/<(?:br|p|li|h\d|div)[\s>/]/gi) ?? []).length;
  const lines = html.split("\n").length;
  const guess = 24 + 26 * Math.max(rows, breaks, Math.ceil(lines / 3), 1);
  return Math.min(Math.max(guess, 48), 480);
}

/** Anything needing its own document (styles, scripts, embedded media, forms, SVG) is framed. */
const NEEDS_FRAME = /<(?:script|style|link|svg|math|canvas|iframe|frame|object|embed|video|audio|form|input|button|select|textarea|html|head|body|base|meta)[\s>/]/i;

export function htmlMode(html: string): HtmlMode {
  return NEEDS_FRAME.test(html) ? "frame" : "inline";
}

/** The elements of IRkernel's HTML for vectors, named vectors, factors and lists (no tables, images, text blocks). */
const VECTOR_TAGS = new Set(["style", "ol", "ul", "li", "dl", "dt", "dd", "span", "strong", "em", "code", "pre", "br", "details", "summary"]);

/**
 * True for R's HTML form of a vector or list (`<ol class=list-inline>…`, `<dl>…`, or bare text such
 * as `2`): its plain form (`[1] 1 2 3`) is what R users read in every console, needs no styles and
 * keeps the element indices, so it is shown instead.
 */
export function isVectorRepr(html: string): boolean {
  for (const match of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    if (!VECTOR_TAGS.has((match[1] ?? "").toLowerCase())) return false;
  }
  return true;
}
