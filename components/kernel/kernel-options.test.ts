import { describe, expect, it } from "vitest";
import { kernelOptions, type ProviderListing } from "./kernel-options";

const webr: ProviderListing = { provider: "webr", available: true, specs: [{ name: "r", displayName: "R 4.6 — embedded webR", language: "r" }] };
const jupyter: ProviderListing = {
  provider: "jupyter",
  available: true,
  specs: [{ name: "ir", displayName: "R (IRkernel)", language: "r" }, { name: "python3", displayName: "Python 3", language: "python" }],
};

describe("kernelOptions", () => {
  it("lists every spec of the reachable providers and selects the notebook's choice", () => {
    const { options, selected } = kernelOptions([webr, jupyter], { provider: "jupyter", spec: "ir" });
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ["webr:r", "R 4.6 — embedded webR"],
      ["jupyter:ir", "R (IRkernel) — Jupyter"],
      ["jupyter:python3", "Python 3 — Jupyter"],
    ]);
    expect(selected).toBe("jupyter:ir");
  });

  it("selects the provider's first spec when the notebook names none", () => {
    expect(kernelOptions([webr], { provider: "webr", spec: null }).selected).toBe("webr:r");
  });

  it("shows an unreachable provider disabled with its reason, and keeps an unavailable choice visible", () => {
    const down: ProviderListing = { provider: "jupyter", available: false, reason: "It did not answer within 3 s." };
    const { options, selected } = kernelOptions([webr, down], { provider: "jupyter", spec: "ir" });
    expect(selected).toBe("jupyter:ir");
    expect(options[0]).toMatchObject({ value: "jupyter:ir", label: "ir — Jupyter (unavailable)", disabled: true });
    expect(options.at(-1)).toMatchObject({ label: "Jupyter — unavailable", title: "It did not answer within 3 s.", disabled: true });
  });
});
