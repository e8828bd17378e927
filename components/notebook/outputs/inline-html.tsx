"use client";
// Markup and tables from an HTML output, sanitized and drawn in the page at their natural height
// (no frame, no inner scrollbar). Sanitizing needs the browser's DOM, so the server leaves it empty.
import { useMemo, useSyncExternalStore } from "react";
import { sanitizeOutputHtml } from "./sanitize-html";
import styles from "./outputs.module.css";

const subscribe = () => () => {};

export function InlineHtml({ html }: { html: string }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const clean = useMemo(() => (inBrowser ? sanitizeOutputHtml(html) : null), [html, inBrowser]);
  return (
    <div data-testid="output-html-inline" className={styles.htmlInline}
      dangerouslySetInnerHTML={clean === null ? undefined : { __html: clean }} />
  );
}
