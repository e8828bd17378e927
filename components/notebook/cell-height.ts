// A first guess at a cell's height (before it is ever drawn), so a windowed notebook's scrollbar and
// jumps to far cells land about right; drawn cells are measured and replace the guess.
import type { StoredEvent } from "@/server/contracts/outputs";
import type { DocCell } from "./types";

const CODE_LINE = 19;
const TEXT_LINE = 18;
const CELL_CHROME = 26;
const OUTPUT_CHROME = 8;
const MAX_TEXT_LINES = 40;

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < text.length - 1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function eventHeight(event: StoredEvent): number {
  switch (event.type) {
    case "stream":
    case "warning":
    case "message":
      return Math.min(lineCount(event.text), MAX_TEXT_LINES) * TEXT_LINE + 4;
    case "error":
      return 40 + Math.min(event.traceback.length, 10) * TEXT_LINE;
    case "display_data":
    case "execute_result": {
      const { data } = event;
      if (Object.keys(data).some((m) => m.startsWith("image/"))) return 360;
      if (Object.keys(data).some((m) => m.includes("table"))) return 260;
      const html = data["text/html"];
      if (html && /<table/i.test(html)) return Math.min((html.match(/<tr[\s>]/gi) ?? []).length, 60) * 24 + 20;
      return Math.min(lineCount(data["text/plain"] ?? ""), MAX_TEXT_LINES) * TEXT_LINE + 4;
    }
    case "input_request":
    case "input_reply":
    case "truncated":
    case "notice":
      return 24;
    case "status":
      return 0;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Estimated height (px) of a cell with its latest execution's events. */
export function estimateCellHeight(cell: DocCell, events: readonly { event: StoredEvent }[] | undefined): number {
  if (cell.kind === "markdown") return CELL_CHROME + Math.min(lineCount(cell.source), 60) * 22;
  let height = CELL_CHROME + lineCount(cell.source) * CODE_LINE;
  const outputs = (events ?? []).reduce((sum, e) => sum + eventHeight(e.event), 0);
  if (outputs > 0) height += OUTPUT_CHROME + outputs;
  return height;
}
