import { describe, expect, it } from "vitest";
import { toCodePoints, toPlainText, toUtf16 } from "./text";
import { defaultSpecName, describeRuntime, toKernelSpecs } from "./specs";

const specs = {
  default: "python3",
  kernelspecs: {
    python3: { name: "python3", spec: { display_name: "Python 3 (ipykernel)", language: "python" } },
    julia: { name: "julia", spec: { display_name: "Julia", language: "julia" } },
    ir: { name: "ir", spec: { display_name: "R", language: "R", argv: ["R", "--slave", "-e", "IRkernel::main()"] } },
  },
};

describe("kernel specs", () => {
  it("offers R and Python specs, R first, named for the picker", () => {
    expect(toKernelSpecs(specs)).toEqual([
      { name: "ir", displayName: "R (IRkernel) — Jupyter", language: "r" },
      { name: "python3", displayName: "Python 3 (ipykernel) — Jupyter", language: "python" },
    ]);
  });

  it("starts the first R spec by default, else the server's default", () => {
    expect(defaultSpecName(specs)).toBe("ir");
    expect(defaultSpecName({ ...specs, kernelspecs: { python3: specs.kernelspecs.python3 } })).toBe("python3");
    expect(defaultSpecName({ default: "gone", kernelspecs: {} })).toBeUndefined();
  });

  it("describes the runtime from kernel_info", () => {
    expect(describeRuntime({ implementation: "IRkernel", language_info: { name: "R", version: "4.2.2" } })).toBe("R 4.2.2 (IRkernel)");
    expect(describeRuntime({ implementation: "", language_info: { name: "python" } })).toBe("python");
  });
});

describe("text", () => {
  it("converts cursor offsets between UTF-16 units and code points", () => {
    const code = "😀 <- 1; summ";
    expect(toCodePoints(code, code.length)).toBe(code.length - 1);
    expect(toUtf16(code, code.length - 1)).toBe(code.length);
    expect(toUtf16(code, 1)).toBe(2);
  });

  it("strips ANSI codes and man-page overstrikes from help text", () => {
    expect(toPlainText("_\bO_\bb\u001b[1mje\u001b[0mct s\bsu")).toBe("Object su");
  });
});
