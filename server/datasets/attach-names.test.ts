import { describe, expect, it } from "vitest";
import { datasetFileName, datasetPath } from "./attach-names";

describe("datasetFileName", () => {
  it("keeps ordinary names and their extension", () => {
    expect(datasetFileName("iris.csv")).toBe("iris.csv");
    expect(datasetFileName("Données 2024.xlsx")).toBe("Données 2024.xlsx");
    expect(datasetPath(datasetFileName("iris.csv"))).toBe("datasets/iris.csv");
  });

  it("removes slashes, '..', control characters and characters Windows refuses", () => {
    expect(datasetFileName("../../etc/passwd")).toBe("_._etc_passwd");
    expect(datasetFileName("a\\b/c.csv")).toBe("a_b_c.csv");
    expect(datasetFileName("x\u0000y\n\u007fz.tsv")).toBe("xyz.tsv");
    expect(datasetFileName('re:port*?"<>|.csv')).toBe("re_port______.csv");
    expect(datasetFileName("a..b...csv")).toBe("a.b.csv");
    for (const name of ["../x", "..", "a/../b", "....csv"]) expect(datasetFileName(name)).not.toMatch(/\.\.|\//);
  });

  it("gives no hidden or empty names, no trailing dots, and steers clear of device names", () => {
    expect(datasetFileName(".env")).toBe("env");
    expect(datasetFileName("  data.csv.  ")).toBe("data.csv");
    expect(datasetFileName("...")).toBe("dataset");
    expect(datasetFileName("\u0001")).toBe("dataset");
    expect(datasetFileName("CON.csv")).toBe("_CON.csv");
    expect(datasetFileName("console.csv")).toBe("console.csv");
  });

  it("shortens long names to 120 characters, keeping the extension", () => {
    const long = `${"é".repeat(300)}.parquet`;
    const short = datasetFileName(long);
    expect([...short]).toHaveLength(120);
    expect(short.endsWith("é.parquet")).toBe(true);
    expect([...datasetFileName("x".repeat(200))]).toHaveLength(120);
  });
});
