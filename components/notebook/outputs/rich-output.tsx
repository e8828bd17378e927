"use client";
// display_data / execute_result: the richest safe presentation of the MIME bundle.
import type { MimeBundle } from "@/server/contracts/outputs";
import { LazyMarkdown as MarkdownView } from "../lazy-markdown";
import { CollapsibleText } from "./collapsible-text";
import { HtmlFrame } from "./html-frame";
import { InlineHtml } from "./inline-html";
import { present } from "./mime";
import { TableOutput } from "./table-output";
import styles from "./outputs.module.css";

export function RichOutput({ data }: { data: MimeBundle }) {
  const shown = present(data);
  if (!shown) return <p className="muted">Output of type {Object.keys(data).join(", ") || "unknown"} cannot be shown here.</p>;
  switch (shown.kind) {
    case "image":
      return <img data-testid="output-image" className={styles.image} src={shown.src} alt={data["text/plain"] ?? "Plot"} />;
    case "table":
      return <TableOutput table={shown.table} />;
    case "html":
      return shown.mode === "inline" ? <InlineHtml html={shown.html} /> : <HtmlFrame html={shown.html} />;
    case "markdown":
      return <div data-testid="output-markdown" className={styles.rich}><MarkdownView source={shown.markdown} /></div>;
    case "text":
      return <CollapsibleText text={shown.text} testId="output-text" />;
    default: {
      const unreachable: never = shown;
      return unreachable;
    }
  }
}
