// The catalogue → kernel spec mapping (spec §10): which images run cells, their names and resource choices.
import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { catalogEntries, features, humanName, languageOf } from "./catalog";
import { limitValue, missingSlots, resourceChoices } from "./resources";
import type { CatalogImage } from "./schemas";
import { chosenResources } from "./specs";

const labels = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
const limits = (o: Record<string, [string | null, string | null]>) => Object.entries(o).map(([key, [min, max]]) => ({ key, min, max }));
const QUERY = "batch query uid-match user-input";

const R = { name: "lablup/r-base", tag: "4.2.3", registry: "index.docker.io", architecture: "x86_64", labels: labels({ "ai.backend.features": QUERY, "ai.backend.runtime-type": "r" }), resource_limits: limits({ cpu: ["1", null], mem: ["256m", null] }) } satisfies CatalogImage;
const MRO = { name: "lablup/kernel-r", tag: "mro-3.4.2-ubuntu", registry: "index.docker.io", labels: labels({ "io.sorna.features": "query uid-match" }), resource_limits: limits({ cpu: ["1", "4"], mem: ["1073741824", "8g"] }) } satisfies CatalogImage;
const CNTK = { name: "lablup/python-cntk", tag: "2.7-py36", registry: "index.docker.io", labels: labels({ "ai.backend.features": QUERY, "ai.backend.runtime-type": "python" }), resource_limits: limits({ cpu: ["1", null], mem: ["1g", null] }) } satisfies CatalogImage;
const CUDA = { ...CNTK, tag: "2.7-py36-cuda9", resource_limits: limits({ cpu: ["1", null], mem: ["1g", null], "cuda.device": ["1", "2"], "cuda.shares": ["0.1", null] }) } satisfies CatalogImage;
const APP = { ...R, tag: "4.6.1", labels: labels({ "ai.backend.features": "uid-match", "ai.backend.runtime-type": "app" }) } satisfies CatalogImage;
const JAVA = { ...R, name: "lablup/java", tag: "11", labels: labels({ "ai.backend.features": "batch query", "ai.backend.runtime-type": "java" }) } satisfies CatalogImage;
const CPU_SLOTS = { cpu: "count", mem: "bytes" };
const GPU_SLOTS = { ...CPU_SLOTS, "cuda.device": "count" };

describe("catalogue → kernel specs (spec §10)", () => {
  it("offers only images with the query feature and a known language, named for people", () => {
    const specs = catalogEntries([R, MRO, CNTK, CUDA, APP, JAVA], CPU_SLOTS).map((e) => [e.spec.name, e.spec.displayName, e.spec.language]);
    expect(specs).toEqual([
      ["index.docker.io/lablup/r-base:4.2.3", "R 4.2.3 — Backend.AI", "r"],
      ["index.docker.io/lablup/kernel-r:mro-3.4.2-ubuntu", "Microsoft R Open 3.4.2 — Backend.AI", "r"],
      ["index.docker.io/lablup/python-cntk:2.7-py36", "Python 3.6 + CNTK 2.7 — Backend.AI", "python"],
    ]);
  });

  it("adds the CUDA image with a GPU choice when the cluster has a cuda slot", () => {
    const cuda = catalogEntries([CUDA], GPU_SLOTS)[0];
    expect(cuda?.spec.displayName).toBe("Python 3.6 + CNTK 2.7 (CUDA 9) — Backend.AI");
    expect(cuda?.spec.resources?.find((c) => c.key === "cuda.device")).toEqual({
      key: "cuda.device", label: "GPUs", options: [{ value: "1", label: "1 GPU" }, { value: "2", label: "2 GPUs" }], default: "1",
    });
    expect(cuda?.spec.description).toBe("lablup/python-cntk:2.7-py36-cuda9 from index.docker.io; needs at least 1 CPU core, 1 GiB, a GPU");
    expect(missingSlots(CUDA, CPU_SLOTS)).toEqual(["cuda.device", "cuda.shares"]);
    expect(missingSlots(CUDA, { ...CPU_SLOTS, "cuda.shares": "count" })).toEqual([]);
  });

  it("reads features from either label and the language from the label or the name", () => {
    expect(features(MRO)).toEqual(["query", "uid-match"]);
    expect(languageOf(MRO)).toBe("r");
    expect(languageOf({ name: "lablup/python", tag: "3.9" })).toBe("python");
    expect(languageOf(JAVA)).toBeNull();
    expect(humanName({ name: "lablup/python", tag: "3.9-ubuntu20.04" })).toBe("Python 3.9");
    expect(humanName({ name: "x/custom", tag: "v1" })).toBe("x/custom:v1");
  });

  it("lists one spec per reference", () => {
    expect(catalogEntries([R, { ...R, architecture: "aarch64" }], CPU_SLOTS)).toHaveLength(1);
  });
});

describe("resource choices", () => {
  it("offers CPU 1/2/4/8 and memory 1–16 GiB within the image's limits", () => {
    const values = (image: CatalogImage) => resourceChoices(image, CPU_SLOTS).map((c) => [c.key, c.options.map((o) => o.value), c.default]);
    expect(values(R)).toEqual([["cpu", ["1", "2", "4", "8"], "1"], ["mem", ["1g", "2g", "4g", "8g", "16g"], "1g"]]);
    expect(values(MRO)).toEqual([["cpu", ["1", "2", "4"], "1"], ["mem", ["1g", "2g", "4g", "8g"], "1g"]]);
    const big = { ...R, resource_limits: limits({ cpu: ["16", null], mem: ["24g", "Infinity"] }) };
    expect(values(big)).toEqual([["cpu", ["16"], "16"], ["mem", ["24g"], "24g"]]);
    expect(resourceChoices(R, CPU_SLOTS)[1]?.options[0]).toEqual({ value: "1g", label: "1 GiB" });
    expect(resourceChoices(R, GPU_SLOTS).map((c) => c.key)).toEqual(["cpu", "mem"]);
  });

  it("parses limit values as the manager writes them", () => {
    expect([limitValue("1"), limitValue("0.1"), limitValue("256m"), limitValue("1073741824"), limitValue("8g"), limitValue("Infinity"), limitValue(null)]).toEqual([
      1, 0.1, 268435456, 1073741824, 8589934592, Number.POSITIVE_INFINITY, null,
    ]);
  });

  it("takes the spec's defaults and refuses choices it does not offer", () => {
    const spec = catalogEntries([MRO], CPU_SLOTS)[0]?.spec;
    if (!spec) throw new Error("no spec");
    expect(chosenResources(spec)).toEqual({ cpu: "1", mem: "1g" });
    expect(chosenResources(spec, { cpu: "4" })).toEqual({ cpu: "4", mem: "1g" });
    expect(() => chosenResources(spec, { cpu: "8" })).toThrow(/8 is not an offered cpu cores value .*offered: 1 core, 2 cores, 4 cores/);
    expect(() => chosenResources(spec, { "cuda.device": "1" })).toThrow(KernelError);
  });
});
