// The one script a sandboxed HTML output frame runs: it reports the height of the frame's content
// to the page, so the frame is drawn at that height (no empty box, no inner scrollbar). It is a
// fixed string so a Content-Security-Policy can allow it by hash while every user script stays blocked.
import { z } from "zod";

/**
 * Inserted verbatim as the frame's only inline <script> (in <head>, before any user markup, so no
 * unclosed tag or comment of the user's can swallow it). Keep it byte-for-byte in sync with
 * FRAME_REPORTER_HASH: frame-reporter.test.ts checks the pair.
 */
export const FRAME_REPORTER_SCRIPT =
  "(function(){var last=-1;function report(){var b=document.body;if(!b)return;" +
  "var h=Math.ceil(b.getBoundingClientRect().bottom+window.scrollY+parseFloat(getComputedStyle(b).marginBottom||'0'));" +
  "if(h!==last){last=h;parent.postMessage({kernelbookFrameHeight:h},'*');}}" +
  "addEventListener('DOMContentLoaded',function(){report();new ResizeObserver(report).observe(document.body);});" +
  "addEventListener('load',report);})();";

/** CSP source for FRAME_REPORTER_SCRIPT ('sha256-' + base64 of its SHA-256). */
export const FRAME_REPORTER_HASH = "'sha256-bD2zKj5bpBnsX8urqqAEqei1PMEsaVtqS4sznEsKktU='";

/** The frame document's own policy: only the reporter runs; nothing loads from anywhere. */
export const FRAME_CSP =
  `default-src 'none'; script-src ${FRAME_REPORTER_HASH}; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:`;

/** Heights outside this range are clamped: a frame is never taller than this (it scrolls inside then). */
export const FRAME_MIN_HEIGHT = 16;
export const FRAME_MAX_HEIGHT = 4_000;

const ZFrameHeightMessage = z.object({ kernelbookFrameHeight: z.number().finite() });

/** The clamped height a message from a frame reports, or null if it is not a height report. */
export function reportedHeight(data: unknown): number | null {
  const parsed = ZFrameHeightMessage.safeParse(data);
  if (!parsed.success) return null;
  return Math.min(FRAME_MAX_HEIGHT, Math.max(FRAME_MIN_HEIGHT, Math.round(parsed.data.kernelbookFrameHeight)));
}
