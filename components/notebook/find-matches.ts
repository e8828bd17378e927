// Find in the notebook: where a query occurs in every cell's source and text output, read from the
// document model (not the DOM), so cells that are not drawn (windowed off screen) are found too.
import type { StoredEvent } from "@/server/contracts/outputs";
import { toPlainText } from "./outputs/ansi";
import type { DocCell } from "./types";

export type FindMatch = { cellId: string; cellIndex: number; /** nth occurrence within that cell's text */ ordinal: number };

/** The searchable text of an output event: streams, messages, errors and the plain form of results. */
function outputText(event: StoredEvent): string {
  switch (event.type) {
    case "stream":
    case "warning":
    case "message":
      return event.text;
    case "error":
      return `${event.ename}: ${event.evalue}`;
    case "display_data":
    case "execute_result":
      return event.data["text/plain"] ?? "";
    case "input_request":
      return event.prompt;
    case "input_reply":
      return event.value;
    case "notice":
      return event.text;
    case "status":
    case "truncated":
      return "";
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** A cell's text as find sees it: its source, then its outputs in order. */
export function searchableText(cell: DocCell, events: readonly { event: StoredEvent }[] | undefined): string {
  const outputs = (events ?? []).map((e) => toPlainText(outputText(e.event))).filter(Boolean);
  return [cell.source, ...outputs].join("\n");
}

/** Every occurrence of `query` (case-insensitive), in document order; at most `limit` of them. */
export function findMatches(options: {
  cells: readonly DocCell[];
  eventsOf: (cellId: string) => readonly { event: StoredEvent }[] | undefined;
  query: string;
  limit?: number;
}): FindMatch[] {
  const { cells, eventsOf, query, limit = 10_000 } = options;
  const needle = query.toLowerCase();
  if (!needle) return [];
  const matches: FindMatch[] = [];
  cells.forEach((cell, cellIndex) => {
    const text = searchableText(cell, eventsOf(cell.id)).toLowerCase();
    let ordinal = 0;
    for (let i = text.indexOf(needle); i !== -1 && matches.length < limit; i = text.indexOf(needle, i + needle.length)) {
      matches.push({ cellId: cell.id, cellIndex, ordinal: ordinal++ });
    }
  });
  return matches;
}
