// Why: the JSON → R source conversion of input parameters, case by case (pure and fast).
import { describe, expect, it } from "vitest";
import { inputsPrelude, toRLiteral } from "./r-literal";

describe("toRLiteral", () => {
  it("writes scalars, NA-bearing vectors and lists", () => {
    expect(toRLiteral(120)).toBe("120");
    expect(toRLiteral(120, "integer")).toBe("120L");
    expect(toRLiteral('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(toRLiteral([true, null])).toBe("c(TRUE, NA)");
    expect(toRLiteral(["a", null])).toBe('c("a", NA_character_)');
    expect(toRLiteral([1, "a"])).toBe('list(1, "a")');
    expect(toRLiteral(null)).toBe("NULL");
  });

  it("writes column-wise objects as data frames and other objects as named lists", () => {
    expect(toRLiteral({ id: [1, 2], score: [0.83, null] })).toBe("data.frame(`id` = c(1, 2), `score` = c(0.83, NA_real_), check.names = FALSE, stringsAsFactors = FALSE)");
    expect(toRLiteral({ a: 1, "b`c": [1, 2, 3] })).toBe("list(`a` = 1, `b\\`c` = c(1, 2, 3))");
    expect(toRLiteral({ id: [1, 2] }, "vector")).toBe("list(`id` = c(1, 2))");
    expect(toRLiteral([[1, 2], [3, 4]], "matrix")).toBe("matrix(c(1, 2, 3, 4), nrow = 2, byrow = TRUE)");
  });

  it("assigns inputs by name, so any name works", () => {
    expect(inputsPrelude([{ name: "bad name", value: 1 }])).toBe('assign("bad name", 1, envir = globalenv())');
  });
});
