// Completion requests and replaced ranges (spec §5.5) from a cursor offset.
import { describe, expect, it } from "vitest";
import { completionRange, completionRequest } from "./completion";

describe("completion request and range (spec §5.5)", () => {
  it("sends the text before the cursor with 0-based row and column, the whole line and the rest", () => {
    expect(completionRequest({ code: "x <- 1\npri(2)\ny", cursor: 10 })).toEqual({ code: "x <- 1\npri", row: 1, col: 3, line: "pri(2)", post: "(2)\ny" });
    expect(completionRequest({ code: "", cursor: 0 })).toEqual({ code: "", row: 0, col: 0, line: "", post: "" });
  });

  it("replaces the text every match starts with, whole tokens included", () => {
    expect(completionRange({ code: "x <- pri", cursor: 8 }, ["print", "printf"])).toEqual({ cursorStart: 5, cursorEnd: 8 });
    expect(completionRange({ code: "my_data$al", cursor: 10 }, ["my_data$alpha"])).toEqual({ cursorStart: 0, cursorEnd: 10 });
    expect(completionRange({ code: "f(utils::hea", cursor: 12 }, ["utils::head", "utils::head.matrix"])).toEqual({ cursorStart: 2, cursorEnd: 12 });
    expect(completionRange({ code: "a\nSys.ti", cursor: 8 }, ["Sys.time"])).toEqual({ cursorStart: 2, cursorEnd: 8 });
  });

  it("falls back to the word before the cursor when there are no matches", () => {
    expect(completionRange({ code: "x <- zzz", cursor: 8 }, [])).toEqual({ cursorStart: 5, cursorEnd: 8 });
  });
});
