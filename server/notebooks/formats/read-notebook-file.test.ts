// Which reader an imported file gets (name first, then content), R Notebooks (.nb.html) with and
// without their embedded source, and the one sentence for a file that is no notebook.
import { describe, expect, it } from "vitest";
import { NotebookError } from "@/server/errors";
import { readFixture } from "./fixtures/read-fixture";
import { formatOf, readNotebookFile } from "./read-notebook-file";
import { toRmd } from "./to-rmd";

const read = (filename: string, content: string) => readNotebookFile({ filename, content, availableProviders: ["webr"] });
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof NotebookError) return e.message;
    throw e;
  }
  return "accepted";
};

describe("readNotebookFile", () => {
  it("chooses the format by extension, then by content", () => {
    const rmd = readFixture("rmd/rstudio-template.Rmd");
    expect(formatOf("a.ipynb", "{}")).toBe("ipynb");
    expect(formatOf("a.Rmd", rmd)).toBe("rmd");
    expect(formatOf("a.rmarkdown", rmd)).toBe("rmd");
    expect(formatOf("a.qmd", rmd)).toBe("qmd");
    expect(formatOf("a.nb.html", readFixture("rmd/rstudio-template.nb.html"))).toBe("nbhtml");
    expect(formatOf("pasted.txt", rmd)).toBe("rmd");
    expect(formatOf("download", readFixture("ir-cars.ipynb"))).toBe("ipynb");
    expect(formatOf("download", readFixture("rmd/rstudio-template.nb.html"))).toBe("nbhtml");
    expect(formatOf("notes.md", readFixture("rmd/no-header.Rmd"))).toBe("rmd");
  });

  it("reads an R Notebook's embedded .Rmd: the same cells as the .Rmd, exported back to it byte for byte", () => {
    const nb = read("Stopping distances.nb.html", readFixture("rmd/rstudio-template.nb.html"));
    const rmd = read("rstudio-template.Rmd", readFixture("rmd/rstudio-template.Rmd"));
    expect(nb.cells).toEqual(rmd.cells);
    expect(nb.title).toBe("Stopping distances");
    expect(nb.notes).toEqual(["The outputs saved in the R Notebook were not imported; run the cells to make them again."]);
    const cells = nb.cells.map((c, i) => ({ id: `${i}`, kind: c.kind, source: c.source, metadata: c.metadata, execution: null }));
    expect(toRmd({ title: nb.title, language: "r", metadata: nb.metadata, cells })).toBe(readFixture("rmd/rstudio-template.Rmd"));
  });

  it("reads only the chunks of an R Notebook that did not embed its source, and says so", () => {
    const nb = read("old.nb.html", readFixture("rmd/no-source.nb.html"));
    expect(nb.cells.map((c) => [c.kind, c.source])).toEqual([["code", "knitr::opts_chunk$set(echo = TRUE)\nlibrary(stats)"], ["code", "summary(cars)"]]);
    expect(nb.notes[0]).toMatch(/did not embed its R Markdown source, so only its code chunks were imported/);
  });

  it("refuses what is no notebook with one sentence", () => {
    expect(message(() => read("page.html", "<html><body>hi</body></html>"))).toBe(
      "This HTML file is not an R Notebook: it holds no R Markdown source (save it from RStudio as an R Notebook, .nb.html).",
    );
    expect(message(() => read("notes.txt", "just some words"))).toMatch(/^This file is not a notebook Kernelbook can import: it should be a Jupyter notebook \(\.ipynb\), R Markdown/);
    expect(message(() => read("a.Rmd", "\n\n"))).toBe("This R Markdown file is empty.");
  });
});
