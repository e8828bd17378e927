import { describe, expect, it } from "vitest";
import { downloadCode, moveCode, readHint } from "./attach-code";

describe("readHint", () => {
  it("picks R's reader by extension, looking through .gz", () => {
    expect(readHint("datasets/iris.csv")).toBe('read.csv("datasets/iris.csv")');
    expect(readHint("datasets/IRIS.CSV.gz")).toBe('read.csv("datasets/IRIS.CSV.gz")');
    expect(readHint("datasets/a.tsv")).toBe('read.delim("datasets/a.tsv")');
    expect(readHint("datasets/m.rds")).toBe('readRDS("datasets/m.rds")');
    expect(readHint("datasets/t.parquet")).toBe('arrow::read_parquet("datasets/t.parquet")');
  });

  it("falls back to raw bytes for unknown or missing extensions, quoting the path as R needs", () => {
    expect(readHint("datasets/blob")).toBe('readBin("datasets/blob", "raw", file.size("datasets/blob"))');
    expect(readHint('datasets/say "hi".bin')).toBe('readBin("datasets/say \\"hi\\".bin", "raw", file.size("datasets/say \\"hi\\".bin"))');
  });
});

describe("downloadCode", () => {
  it("creates datasets/, raises R's download timeout and downloads in binary mode", () => {
    const url = "http://127.0.0.1:10000/devstoreaccount1/c/users/u/d?sv=2024&sp=r&sig=a%2Bb";
    const code = downloadCode({ url, path: "datasets/big.csv", fileName: "big.csv", expiresAt: new Date("2026-11-21T16:05:09.000Z") });
    expect(code).toBe([
      '# Downloads the dataset "big.csv" into datasets/ (this link works until 2026-11-21 16:05 UTC)',
      'dir.create("datasets", showWarnings = FALSE)',
      'options(timeout = max(3600, getOption("timeout")))',
      `download.file("${url}", "datasets/big.csv", mode = "wb", quiet = TRUE)`,
    ].join("\n"));
  });
});

describe("moveCode", () => {
  it("replaces the target and stops with an R error when the move fails", () => {
    const code = moveCode("kernelbook-attach-1.tmp", "datasets/a.csv");
    expect(code).toContain('unlink("datasets/a.csv")');
    expect(code).toContain('file.rename("kernelbook-attach-1.tmp", "datasets/a.csv")');
    expect(code).toContain("stop(");
  });
});
