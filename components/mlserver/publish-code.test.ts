// Choosing cells for a web service: code cells only, in notebook order, blank ones left out.
import { describe, expect, it } from "vitest";
import type { DocCell } from "@/components/notebook/types";
import { codeCellChoices, defaultChosen, joinChosenCode, toggleChosen } from "./publish-code";

const cells: DocCell[] = [
  { id: "m", kind: "markdown", source: "# Model" },
  { id: "a", kind: "code", source: "\n  fit <- lm(mpg ~ hp, mtcars)  \n\n" },
  { id: "b", kind: "code", source: "   " },
  { id: "c", kind: "code", source: "y <- predict(fit, data.frame(hp = hp))" },
];

describe("codeCellChoices", () => {
  it("lists the code cells with their notebook position and first non-blank line", () => {
    expect(codeCellChoices(cells)).toEqual([
      { id: "a", index: 1, firstLine: "fit <- lm(mpg ~ hp, mtcars)", empty: false },
      { id: "b", index: 2, firstLine: "", empty: true },
      { id: "c", index: 3, firstLine: "y <- predict(fit, data.frame(hp = hp))", empty: false },
    ]);
  });
});

describe("defaultChosen", () => {
  it("chooses the selected code cell", () => {
    expect([...defaultChosen(cells, "c")]).toEqual(["c"]);
  });
  it("chooses nothing when a markdown cell or no cell is selected", () => {
    expect(defaultChosen(cells, "m").size).toBe(0);
    expect(defaultChosen(cells, null).size).toBe(0);
  });
});

describe("joinChosenCode", () => {
  it("joins in notebook order, not in the order chosen, with a blank line between", () => {
    expect(joinChosenCode(cells, new Set(["c", "a"]))).toBe("\n  fit <- lm(mpg ~ hp, mtcars)\n\ny <- predict(fit, data.frame(hp = hp))");
  });
  it("leaves out blank cells, markdown and ids no longer in the notebook", () => {
    expect(joinChosenCode(cells, new Set(["b", "m", "gone"]))).toBe("");
  });
});

describe("toggleChosen", () => {
  it("returns a new set with the cell added or removed", () => {
    const start = new Set(["a"]);
    expect([...toggleChosen(start, "c", true)]).toEqual(["a", "c"]);
    expect([...toggleChosen(start, "a", false)]).toEqual([]);
    expect([...start]).toEqual(["a"]);
  });
});
