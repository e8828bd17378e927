"use client";
// HTML output that needs its own document (styles, scripts, SVG…) in a sandboxed frame: scripts
// may run only in an opaque origin (never allow-same-origin: no access to the page, its cookies or
// its API), and the frame's policy lets only the fixed height reporter run, so the frame is drawn at
// its content's height.
import { useEffect, useMemo, useRef, useState } from "react";
import { useAppTheme } from "../use-app-theme";
import { FRAME_CSP, FRAME_REPORTER_SCRIPT, reportedHeight } from "./frame-reporter";
import { estimateHtmlHeight } from "./mime";
import styles from "./outputs.module.css";

const THEME_CSS = {
  light: "color-scheme:light;color:#1c2128;--b:#d8dde3;--h:#f6f7f9;",
  dark: "color-scheme:dark;color:#e3e8ee;--b:#2c333d;--h:#161b22;",
} as const;

function frameDocument(html: string, theme: "light" | "dark"): string {
  const css = `:root{${THEME_CSS[theme]}}html{overflow-y:auto}body{display:flow-root;margin:4px;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:transparent}
table{border-collapse:collapse}th,td{border:1px solid var(--b);padding:3px 8px;text-align:right}th{background:var(--h)}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace}`;
  // The reporter comes first, in <head>: no unclosed tag or comment in the user's markup can swallow it.
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`
    + `<script>${FRAME_REPORTER_SCRIPT}</script><style>${css}</style></head><body>${html}</body></html>`;
}

export function HtmlFrame({ html }: { html: string }) {
  const theme = useAppTheme();
  const frame = useRef<HTMLIFrameElement>(null);
  const srcDoc = useMemo(() => frameDocument(html, theme), [html, theme]);
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      // Only this frame's own window may size it (a frame cannot pose as another).
      if (!frame.current || e.source !== frame.current.contentWindow) return;
      const next = reportedHeight(e.data);
      if (next !== null) setHeight(next);
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);
  return (
    <div className={styles.htmlFrame} style={{ height: height ?? estimateHtmlHeight(html) }} data-sized={height !== null}>
      <iframe ref={frame} data-testid="output-html" sandbox="allow-scripts" srcDoc={srcDoc} title="HTML output"
        referrerPolicy="no-referrer" />
    </div>
  );
}
