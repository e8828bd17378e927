// Chooses how to show a MIME bundle (richest safe type first) and builds data: URLs for images.
import type { MimeBundle } from "@/server/contracts/outputs";
import { TABLE_MIME, parseTableOutput, type TableOutput } from "@/server/contracts/table";

export type Presentation =
  | { kind: "image"; mime: string; src: string }
  | { kind: "table"; table: TableOutput }
  | { kind: "html"; html: string }
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
  if (bundle["text/html"]) return { kind: "html", html: bundle["text/html"] };
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
