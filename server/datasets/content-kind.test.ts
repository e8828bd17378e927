import { describe, expect, it } from "vitest";
import { normaliseContentType, previewKindOf } from "./content-kind";

describe("content kind", () => {
  it("keeps a specific declared type and infers one from the extension otherwise", () => {
    expect(normaliseContentType("a.bin", "Text/CSV; charset=utf-8")).toBe("text/csv");
    expect(normaliseContentType("plot.PNG", "")).toBe("image/png");
    expect(normaliseContentType("plot.png", "application/octet-stream")).toBe("image/png");
    expect(normaliseContentType("data.tsv", "not a type")).toBe("text/tab-separated-values");
    expect(normaliseContentType("blob", undefined)).toBe("application/octet-stream");
  });

  it("picks a preview by type or extension", () => {
    expect(previewKindOf("x", "text/csv")).toBe("csv");
    expect(previewKindOf("x.csv", "application/octet-stream")).toBe("csv");
    expect(previewKindOf("x.tsv", "text/plain")).toBe("tsv");
    expect(previewKindOf("x", "text/tab-separated-values")).toBe("tsv");
    expect(previewKindOf("x.svg", "application/octet-stream")).toBe("image");
    expect(previewKindOf("x", "image/webp")).toBe("image");
    expect(previewKindOf("x", "image/tiff")).toBe("none");
    expect(previewKindOf("x.parquet", "application/vnd.apache.parquet")).toBe("none");
  });
});
