// Finding the datasets a notebook read from the paths attaching puts them at.
import { describe, expect, it } from "vitest";
import { datasetFilesIn } from "./attached-datasets";

describe("datasetFilesIn", () => {
  it("finds quoted datasets/<file> paths in R and Python code", () => {
    const sources = [
      'df <- read.csv("datasets/iris.csv")\nx <- readRDS(\'./datasets/model fit.rds\')',
      "pd.read_parquet(`datasets/sales_2024.parquet`)",
    ];
    expect([...datasetFilesIn(sources)].sort()).toEqual(["iris.csv", "model fit.rds", "sales_2024.parquet"]);
  });

  it("ignores unquoted mentions, sub-folders and mismatched quotes", () => {
    expect(datasetFilesIn(['# see datasets/iris.csv', 'read.csv("datasets/a/b.csv")', "read.csv(\"datasets/x.csv')"]).size).toBe(0);
  });
});
