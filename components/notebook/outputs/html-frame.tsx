"use client";
// HTML output (e.g. an R data frame as a table) in a fully sandboxed frame: no scripts, no access
// to the page or its cookies. The frame cannot be measured, so its height is estimated and resizable.
import { useMemo } from "react";
import { useAppTheme } from "../use-app-theme";
import { estimateHtmlHeight } from "./mime";
import styles from "./outputs.module.css";

const THEME_CSS = {
  light: "color-scheme:light;color:#1c2128;--b:#d8dde3;--h:#f6f7f9;",
  dark: "color-scheme:dark;color:#e3e8ee;--b:#2c333d;--h:#161b22;",
} as const;

function frameDocument(html: string, theme: "light" | "dark"): string {
  const css = `:root{${THEME_CSS[theme]}}body{margin:4px;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:transparent}
table{border-collapse:collapse}th,td{border:1px solid var(--b);padding:3px 8px;text-align:right}th{background:var(--h)}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>${html}</body></html>`;
}

export function HtmlFrame({ html }: { html: string }) {
  const theme = useAppTheme();
  const srcDoc = useMemo(() => frameDocument(html, theme), [html, theme]);
  const height = useMemo(() => estimateHtmlHeight(html), [html]);
  return (
    <div className={styles.htmlFrame} style={{ height }}>
      <iframe data-testid="output-html" sandbox="" srcDoc={srcDoc} title="HTML output" loading="lazy" referrerPolicy="no-referrer" />
    </div>
  );
}
