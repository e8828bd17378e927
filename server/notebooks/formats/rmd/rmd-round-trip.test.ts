// R Markdown and Quarto import: a corpus of realistic files imports into cells (chunk options in
// metadata) and exports back byte for byte; what each kind of content becomes, spelled out.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NotebookError } from "@/server/errors";
import { readFixture } from "../fixtures/read-fixture";
import type { ImportedNotebook } from "../from-ipynb";
import { toRmd } from "../to-rmd";
import { fromRmd } from "./from-rmd";

const corpus = readdirSync(new URL("../fixtures/rmd/", import.meta.url)).filter((f) => /\.(rmd|qmd)$/i.test(f));
const read = (name: string) => readFixture(`rmd/${name}`);
const imported = (name: string, content = read(name)) =>
  fromRmd(content, { filename: name, format: name.endsWith(".qmd") ? "qmd" : "rmd", availableProviders: ["webr"] });

/** As the database gives it back: JSON (key order not kept by jsonb), cells with ids. */
function exportedAgain(nb: ImportedNotebook, title = nb.title): string {
  const stored = JSON.parse(JSON.stringify(nb)) as ImportedNotebook;
  return toRmd({
    title, language: nb.language ?? "r", metadata: stored.metadata,
    cells: stored.cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, source: c.source, metadata: c.metadata, execution: null })),
  });
}

const chunk = (nb: ImportedNotebook, i: number) => nb.cells[i]?.metadata.rmarkdown;

describe("R Markdown / Quarto round trip", () => {
  it("has a corpus of at least six files", () => expect(corpus.length).toBeGreaterThanOrEqual(6));

  it.each(corpus)("%s exports back byte for byte", (name) => {
    expect(exportedAgain(imported(name))).toBe(read(name));
  });

  it.each([
    ["an unclosed chunk", "Text\n\n```{r}\nx <- 1\n"],
    ["odd fences", "```{r}   \n1\n````\n\n```{r a}\n2\n```  \n"],
    ["a BOM and a header alone", "\uFEFF---\ntitle: only\n---"],
    ["blank lines at both ends", "\n\n\nText\n\n\n"],
    ["a chunk that is only #| lines", "```{r}\n#| label: x\n#| echo: false\n```\n"],
  ])("%s exports back byte for byte", (_, content) => {
    expect(exportedAgain(imported("edge.Rmd", content))).toBe(content);
  });

  it("reads the RStudio template: YAML title, setup chunk options, inline R kept in the text", () => {
    const nb = imported("rstudio-template.Rmd");
    expect(nb.title).toBe("Stopping distances");
    expect(nb.cells.map((c) => c.kind)).toEqual(["code", "markdown", "code", "markdown", "code", "markdown", "code"]);
    expect(chunk(nb, 0)).toMatchObject({ engine: "r", label: "setup", options: [["include", "FALSE"]] });
    expect(nb.cells[1]?.source).toContain("has `r nrow(cars)` rows");
    expect(chunk(nb, 4)).toMatchObject({ label: "pressure", options: [["echo", "FALSE"], ["fig.cap", '"Vapour pressure, by temperature"'], ["fig.width", "7"]] });
    expect(nb.cells[6]).toMatchObject({ kind: "code", source: "fit <- lm(dist ~ speed, data = cars)\ncoef(fit)" });
    expect(nb.notes).toEqual([]);
  });

  it("reads Quarto `#|` options (kept in the code, as Quarto's own convert does) and leaves {{r}} as text", () => {
    const nb = imported("quarto-penguins.qmd");
    expect(chunk(nb, 1)).toMatchObject({ engine: "r", label: null, pipe_options: [["label", "load"], ["message", "false"]] });
    expect(nb.cells[1]?.source.startsWith("#| label: load\n")).toBe(true);
    expect(chunk(nb, 3)).toMatchObject({ pipe_options: [["label", "fig-bill"], ["fig-cap", "Bill length and depth"], ["fig-width", "6"]] });
    expect(chunk(nb, 5)).toMatchObject({ engine: "python" });
    expect(nb.cells.at(-1)).toMatchObject({ kind: "markdown", source: expect.stringContaining("```{{r}}\n#| eval: false\n1 + 1\n```") });
    expect(nb.notes).toEqual(["Chunks of other engines (python) were kept as code cells with their engine noted; this notebook runs them with its R kernel."]);
  });

  it("keeps other engines as code cells with their engine and options", () => {
    const nb = imported("engines.Rmd");
    expect(nb.cells.filter((c) => c.kind === "code").map((c) => c.metadata.rmarkdown)).toMatchObject([
      { engine: "bash", options: [["eval", "FALSE"]] },
      { engine: "r", label: "connect" },
      { engine: "sql", options: [["connection", "con"], ["output.var", '"big"']] },
      { engine: "python", label: "py-hello" },
      { engine: "Rcpp" },
      { engine: "r", label: null, options: [["engine", "'R'"], ["results", "'asis'"], ["fig.cap", 'paste("a", "b, c")']] },
    ]);
  });

  it("leaves four-backtick and ~~~ fenced chunks as text, keeps blank lines, empty chunks and a missing final newline", () => {
    const nb = imported("verbatim-and-spacing.Rmd");
    expect(nb.cells.map((c) => c.kind)).toEqual(["markdown", "code", "code", "code", "markdown"]);
    expect(nb.cells[0]?.source).toContain("````markdown\n```{r}\n1 + 1\n```\n````");
    expect(nb.cells[0]?.source).toContain("~~~\n```{r}\nnot a chunk either\n```\n~~~");
    expect(nb.cells[1]).toMatchObject({ source: "\ny <- 2\n", metadata: { rmarkdown: { label: "spaced", blank_before: 2 } } });
    expect(nb.cells[2]).toMatchObject({ source: "", metadata: { rmarkdown: { label: "empty", empty_body: true } } });
    expect(nb.cells[3]).toMatchObject({ source: "", metadata: { rmarkdown: { label: "blank-body" } } });
    expect(nb.title).toBe("verbatim-and-spacing");
  });

  it("reads CRLF files as lines and writes CRLF back", () => {
    const nb = imported("windows-crlf.Rmd");
    expect(nb.title).toBe("Written on Windows");
    expect(nb.cells[1]).toMatchObject({ source: 'x <- read.csv("data.csv")\nstr(x)', metadata: { rmarkdown: { label: "load", options: [["message", "FALSE"]] } } });
    expect(nb.metadata?.rmarkdown).toMatchObject({ eol: "crlf" });
  });

  it("edits and new cells export with the file's layout; a rename changes only the YAML title", () => {
    const nb = imported("params-report.Rmd");
    const renamed = exportedAgain(nb, "Report for west");
    expect(renamed.split("\n").slice(0, 3)).toEqual(["---", "title: 'Report for west'", "params:"]);
    expect(renamed.split("\n").slice(3)).toEqual(read("params-report.Rmd").split("\n").slice(3));
    const fresh = toRmd({ title: "t", language: "r", metadata: nb.metadata, cells: [
      ...nb.cells.map((c, i) => ({ id: `c${i}`, kind: c.kind, source: c.source, metadata: c.metadata, execution: null })),
      { id: "new", kind: "code", source: "plot(sales)\n", execution: null },
    ] });
    expect(fresh.endsWith('head(sales)\n```\n\n```{r}\nplot(sales)\n```\n')).toBe(true);
  });

  it("refuses an empty file and a broken YAML header with one sentence", () => {
    const refusal = (content: string, name = "x.Rmd") => {
      try {
        imported(name, content);
      } catch (e) {
        if (e instanceof NotebookError) return e.message;
      }
      return "accepted";
    };
    expect(refusal("  \r\n\n")).toBe("This R Markdown file is empty.");
    expect(refusal("", "x.qmd")).toBe("This Quarto file is empty.");
    expect(refusal("---\ntitle: [unclosed\n---\n\ntext\n")).toMatch(/^This R Markdown file's YAML header is not valid YAML \(.+\)\.$/);
  });
});
