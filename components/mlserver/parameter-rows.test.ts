// Inputs and outputs of the publish dialog: what is sent and which problems stop publishing.
import { describe, expect, it } from "vitest";
import { newParameterRow, parameterProblem, publishProblem, toParameters, type ParameterRow } from "./parameter-rows";

const row = (name: string, type: ParameterRow["type"] = "numeric"): ParameterRow => ({ key: name, name, type });

describe("parameter rows", () => {
  it("starts a row unnamed and numeric", () => {
    expect(newParameterRow("k1")).toEqual({ key: "k1", name: "", type: "numeric" });
  });
  it("sends trimmed names with their types", () => {
    expect(toParameters([row(" hp "), row("am", "logical")])).toEqual([{ name: "hp", type: "numeric" }, { name: "am", type: "logical" }]);
  });
  it("names the first unnamed row", () => {
    expect(parameterProblem([row("x"), row("  ")], "input")).toBe("Name input 2, or remove that row.");
  });
  it("names a repeated name", () => {
    expect(parameterProblem([row("y"), row(" y")], "output")).toBe("Two outputs are called “y”: each needs its own name.");
  });
  it("accepts no rows and distinct names", () => {
    expect(parameterProblem([], "input")).toBeNull();
    expect(parameterProblem([row("x"), row("y")], "input")).toBeNull();
  });
});

describe("publishProblem", () => {
  const draft = { name: "double", version: "1.0", code: "y <- x * 2", inputs: [row("x")], outputs: [row("y")] };
  it("lets a complete draft through", () => {
    expect(publishProblem(draft)).toBeNull();
  });
  it("asks for a name, a version and code", () => {
    expect(publishProblem({ ...draft, name: " " })).toBe("Name the service.");
    expect(publishProblem({ ...draft, version: "" })).toMatch(/version/);
    expect(publishProblem({ ...draft, code: "\n" })).toMatch(/code cell/);
  });
  it("reports inputs before outputs", () => {
    expect(publishProblem({ ...draft, inputs: [row("")], outputs: [row("")] })).toBe("Name input 1, or remove that row.");
    expect(publishProblem({ ...draft, outputs: [row("")] })).toBe("Name output 1, or remove that row.");
  });
});
