import { describe, expect, it } from "vitest";
import type { StoredEvent } from "@/server/contracts/outputs";
import { findMatches, searchableText } from "./find-matches";

const cells = [
  { id: "a", kind: "code" as const, source: "total <- sum(x)\nTotal" },
  { id: "b", kind: "markdown" as const, source: "# Notes" },
  { id: "c", kind: "code" as const, source: "print(total)" },
];
const events: Record<string, { event: StoredEvent }[]> = {
  c: [
    { event: { type: "stream", name: "stdout", text: "\u001b[31mtotal\u001b[0m: 3\n" } },
    { event: { type: "execute_result", data: { "text/html": "<b>total</b>", "text/plain": "[1] 3" } } },
  ],
};
const eventsOf = (id: string) => events[id];

describe("findMatches", () => {
  it("finds every occurrence, case-insensitive, in sources and text outputs, in document order", () => {
    expect(findMatches({ cells, eventsOf, query: "TOTAL" })).toEqual([
      { cellId: "a", cellIndex: 0, ordinal: 0 },
      { cellId: "a", cellIndex: 0, ordinal: 1 },
      { cellId: "c", cellIndex: 2, ordinal: 0 },
      { cellId: "c", cellIndex: 2, ordinal: 1 },
    ]);
    expect(findMatches({ cells, eventsOf, query: "notes" })).toEqual([{ cellId: "b", cellIndex: 1, ordinal: 0 }]);
    expect(findMatches({ cells, eventsOf, query: "[1] 3" })).toHaveLength(1);
  });

  it("finds nothing for an empty query and stops at the limit", () => {
    expect(findMatches({ cells, eventsOf, query: "" })).toEqual([]);
    expect(findMatches({ cells, eventsOf, query: "t", limit: 3 })).toHaveLength(3);
  });

  it("searches output text without its colour codes", () => {
    expect(searchableText(cells[2]!, events.c)).toBe("print(total)\ntotal: 3\n\n[1] 3");
  });
});
