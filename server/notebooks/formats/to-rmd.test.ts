// Writing R Markdown: a header knitr reads, markdown as is, code as chunks of the notebook's language.
import { describe, expect, it } from "vitest";
import { everyOutputNotebook } from "./fixtures/sample-notebook";
import { toRmd } from "./to-rmd";

describe("toRmd", () => {
  it("writes a YAML header, markdown cells as they are and code cells as {r} chunks, without outputs", () => {
    expect(toRmd(everyOutputNotebook())).toBe(
      [
        "---",
        'title: "Sales \\"model\\" v2"',
        "output: html_document",
        "---",
        "",
        "# Sales",
        "",
        "Some *notes*.",
        "",
        "```{r}",
        "x <- 1",
        "plot(1)",
        "```",
        "",
        "```{r}",
        "never_run()",
        "```",
        "",
        "```{r}",
        "y",
        "```",
        "",
      ].join("\n"),
    );
  });

  it("writes {python} chunks for a Python notebook", () => {
    const rmd = toRmd({ title: "py", language: "python", cells: [{ id: "a", kind: "code", source: "print(1)", execution: null }] });
    expect(rmd).toContain("```{python}\nprint(1)\n```");
  });
});
