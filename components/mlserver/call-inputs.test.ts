// Calling a web service: the inputs template, reading the typed JSON back, the outputs as rows.
import { describe, expect, it } from "vitest";
import { exampleValue, inputTemplate, outputRows, parseCallInputs } from "./call-inputs";

describe("inputTemplate", () => {
  it("gives each input an example of its type", () => {
    expect(JSON.parse(inputTemplate({ hp: "numeric", cyl: "integer", am: "logical", name: "character" }))).toEqual({
      hp: 1.5, cyl: 1, am: true, name: "text",
    });
  });
  it("shapes vectors, matrices and data frames", () => {
    expect(exampleValue("vector")).toEqual([1, 2, 3]);
    expect(exampleValue("matrix")).toEqual([[1, 2], [3, 4]]);
    expect(exampleValue("data.frame")).toEqual({ a: [1, 2], b: ["x", "y"] });
    expect(exampleValue("something new")).toBeNull();
  });
  it("is an empty object for a service without inputs", () => {
    expect(inputTemplate({})).toBe("{}");
  });
  it("is pretty-printed", () => {
    expect(inputTemplate({ x: "numeric" })).toBe('{\n  "x": 1.5\n}');
  });
});

describe("parseCallInputs", () => {
  const declared = { x: "numeric", wt: "numeric" };
  it("reads an object of known inputs", () => {
    expect(parseCallInputs('{"x": 21}', declared)).toEqual({ ok: true, inputs: { x: 21 } });
  });
  it("reads blank text as no inputs", () => {
    expect(parseCallInputs("  \n", declared)).toEqual({ ok: true, inputs: {} });
  });
  it("explains invalid JSON", () => {
    const parsed = parseCallInputs('{"x": }', declared);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^This is not valid JSON \(.+\)\.$/);
  });
  it("asks for an object when given an array, a number or null", () => {
    for (const text of ["[1]", "21", "null"]) {
      const parsed = parseCallInputs(text, declared);
      expect(parsed).toEqual({ ok: false, message: 'Give the inputs as one JSON object of name → value, e.g. { "x": 1.5, "wt": 1.5 }.' });
    }
  });
  it("refuses a name the service does not take", () => {
    expect(parseCallInputs('{"z": 1}', declared)).toEqual({ ok: false, message: "“z” is not an input of this service: its inputs are x, wt." });
    expect(parseCallInputs('{"z": 1}', {})).toEqual({ ok: false, message: "“z” is not an input of this service: this service takes no inputs." });
  });
});

describe("outputRows", () => {
  it("shows scalars and one-element arrays as text, anything else as pretty JSON", () => {
    expect(outputRows({ y: 42, ok: true, label: "high", one: [7], none: null, v: [1, 2] })).toEqual([
      { name: "y", text: "42" },
      { name: "ok", text: "true" },
      { name: "label", text: "high" },
      { name: "one", text: "7" },
      { name: "none", text: "null" },
      { name: "v", text: "[\n  1,\n  2\n]" },
    ]);
  });
});
