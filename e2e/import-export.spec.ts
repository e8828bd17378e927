// Import and export: a Jupyter notebook (IRkernel, with a plot and an error) comes in with its outputs,
// goes out again as .ipynb and .Rmd downloads; an R Markdown file (picked) and a Quarto file
// (dropped) open with their chunk options shown and export back unchanged; a file that is not a
// notebook is refused, clearly.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { signUp, uniqueEmail } from "./helpers";

function fixture(name: string): string {
  return path.join(test.info().project.testDir, "..", "server", "notebooks", "formats", "fixtures", name);
}

async function exportAs(page: Page, format: "ipynb" | "rmd"): Promise<{ download: Download; text: string }> {
  await page.getByTestId("export-menu").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-${format}`).click()]);
  const file = await download.path();
  return { download, text: await readFile(file, "utf8") };
}

test("a data scientist imports a Jupyter notebook, sees its outputs, and exports it as .ipynb and .Rmd", async ({ page }) => {
  await signUp(page, uniqueEmail("import"));
  await page.getByTestId("import-input").setInputFiles(fixture("ir-cars.ipynb"));
  await expect(page).toHaveURL(/\/notebooks\/[^/]+$/);

  const cells = page.getByTestId("cell");
  await expect(cells).toHaveCount(5);
  await expect(cells.nth(0).getByTestId("markdown-rendered")).toContainText("Cars: stopping distance");
  await expect(cells.nth(1).getByTestId("stream-stdout")).toContainText("rows: 50");
  const plot = cells.nth(2).getByTestId("output-image");
  await expect(plot).toBeVisible();
  expect(await plot.getAttribute("src")).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  await expect(cells.nth(2).getByTestId("execution-count")).toHaveText("[2]");
  await expect(cells.nth(3).getByTestId("stream-stderr")).toContainText("NaNs produced");
  await expect(cells.nth(4).getByTestId("output-error")).toContainText("Column `y` is missing.");

  const ipynb = await exportAs(page, "ipynb");
  expect(ipynb.download.suggestedFilename()).toBe("ir-cars.ipynb");
  const exported = JSON.parse(ipynb.text);
  expect(exported).toMatchObject({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "ir", language: "R" } } });
  expect(exported.cells.map((c: { cell_type: string }) => c.cell_type)).toEqual(["markdown", "code", "code", "code", "code"]);
  expect(exported.cells[2].source.join("")).toBe('plot(cars$speed, cars$dist, main = "Stopping distance")');
  expect(exported.cells[2].outputs[0].data["image/png"]).toMatch(/^iVBORw0KGgo/);
  expect(exported.cells[4].outputs[0]).toMatchObject({ output_type: "error", ename: "ERROR" });

  const rmd = await exportAs(page, "rmd");
  expect(rmd.download.suggestedFilename()).toBe("ir-cars.Rmd");
  expect(rmd.text).toMatch(/^---\ntitle: "ir-cars"\noutput: html_document\n---\n/);
  expect(rmd.text).toContain("```{r}\nplot(cars$speed, cars$dist");
});

test("a file that is not a notebook is refused with a clear message and creates nothing", async ({ page }) => {
  await signUp(page, uniqueEmail("badimport"));
  await expect(page.getByTestId("notebooks-empty")).toBeVisible();
  await page.getByTestId("import-input").setInputFiles(fixture("malformed-missing-cell-type.ipynb"));
  await expect(page.getByTestId("import-error")).toContainText("This file is not a Jupyter notebook: cell 3 has no cell_type.");
  await expect(page).toHaveURL(/\/notebooks$/);

  await page.getByTestId("import-input").setInputFiles({ name: "notes.ipynb", mimeType: "application/json", buffer: Buffer.from("not json at all") });
  await expect(page.getByTestId("import-error")).toContainText("not valid JSON");
  await page.reload();
  await expect(page.getByTestId("notebooks-empty")).toBeVisible();
});

test("an R Markdown file with chunk options opens with them shown and exports back byte for byte", async ({ page }) => {
  await signUp(page, uniqueEmail("rmd"));
  await page.getByTestId("import-input").setInputFiles(fixture("rmd/rstudio-template.Rmd"));
  await expect(page).toHaveURL(/\/notebooks\/[^/]+$/);
  await expect(page.getByTestId("notebook-title")).toContainText("Stopping distances");

  const cells = page.getByTestId("cell");
  await expect(cells).toHaveCount(7);
  await expect(cells.nth(0).getByTestId("chunk-engine")).toHaveText("r");
  await expect(cells.nth(0).getByTestId("chunk-label")).toHaveText("setup");
  await expect(cells.nth(0).getByTestId("chunk-options")).toHaveText("include=FALSE");
  await expect(cells.nth(0)).toContainText("knitr::opts_chunk$set(echo = TRUE)");
  await expect(cells.nth(1).getByTestId("markdown-rendered")).toContainText("R Markdown");
  await expect(cells.nth(1).getByTestId("markdown-rendered")).toContainText("r nrow(cars)");
  await expect(cells.nth(4).getByTestId("chunk-label")).toHaveText("pressure");
  await expect(cells.nth(4).getByTestId("chunk-options")).toHaveText('echo=FALSE, fig.cap="Vapour pressure, by temperature", fig.width=7');
  await expect(cells.nth(6).getByTestId("chunk-label")).toHaveCount(0);

  const rmd = await exportAs(page, "rmd");
  expect(rmd.download.suggestedFilename()).toBe("Stopping distances.Rmd");
  expect(rmd.text).toBe(await readFile(fixture("rmd/rstudio-template.Rmd"), "utf8"));
});

test("a Quarto file dropped on the notebook list opens with its #| options and exports back unchanged", async ({ page }) => {
  await signUp(page, uniqueEmail("qmd"));
  const text = await readFile(fixture("rmd/quarto-penguins.qmd"), "utf8");
  const dataTransfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], "penguins.qmd", { type: "" }));
    return data;
  }, text);
  await page.getByTestId("notebook-dropzone").dispatchEvent("drop", { dataTransfer });
  await expect(page).toHaveURL(/\/notebooks\/[^/]+$/);
  const cells = page.getByTestId("cell");
  await expect(cells.nth(1).getByTestId("chunk-label")).toHaveText("load");
  await expect(cells.nth(1).getByTestId("chunk-options")).toHaveText("message: false");
  await expect(cells.nth(5).getByTestId("chunk-engine")).toHaveText("python");
  const qmd = await exportAs(page, "rmd");
  expect(qmd.text).toBe(text);
});
