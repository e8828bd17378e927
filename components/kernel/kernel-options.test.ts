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
    expect(options.at(-1)).toMatchObject({ label: "Jupyter — unavailable: It did not answer within 3 s.", title: "It did not answer within 3 s.", disabled: true });
  });

  it("shortens a long reason in the label and keeps it whole in the title", () => {
    const reason = "Backend.AI needs your own login on this server: add it in Settings. ".repeat(2).trim();
    const { options } = kernelOptions([{ provider: "backendai", available: false, reason }], undefined);
    expect(options[0]!.label.length).toBeLessThanOrEqual("Backend.AI — unavailable: ".length + 70);
    expect(options[0]!.label.endsWith("…")).toBe(true);
    expect(options[0]!.title).toBe(reason);
  });

  it("carries a spec's resource choices and description", () => {
    const cpu = { key: "cpu", label: "CPU cores", options: [{ value: "1", label: "1" }, { value: "2", label: "2" }], default: "1" };
    const listing: ProviderListing = { provider: "backendai", available: true, specs: [{ name: "r", displayName: "R 4.2.3 — Backend.AI", language: "r", description: "lablup/r-base:4.2.3", resources: [cpu] }] };
    expect(kernelOptions([listing], undefined).options[0]).toMatchObject({ label: "R 4.2.3 — Backend.AI", title: "lablup/r-base:4.2.3", resources: [cpu] });
  });
});
