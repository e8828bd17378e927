// The datasets journey against the Azurite that scripts/test.mjs starts: drop files onto the page,
// upload a ~50 MB CSV straight to Blob storage (checksums hashed in Web Workers), reload mid-upload
// and resume from the staged blocks, preview it, then attach it to a notebook and read it from R.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

const BLOCK = 8 * 1024 * 1024;
const HEADER = "id,species,sepal_length,sepal_width,petal_length,petal_width,site,comment";
const SPECIES = ["setosa", "versicolor", "virginica"];
const COMMENTS = ["measured in the morning after rain", "second look by another observer", "leaf partly damaged by insects", "fine"];

/** Writes a CSV of a little over six blocks (so seven blocks, the last one small); returns its rows. */
function writeCsv(path: string): { rows: number; size: number } {
  const fd = openSync(path, "w");
  let size = 0;
  let rows = 0;
  const write = (text: string) => (size += writeSync(fd, text));
  write(`${HEADER}\n`);
  while (size < 6 * BLOCK + 2 * 1024 * 1024) {
    const lines: string[] = [];
    for (let k = 0; k < 5_000; k++, rows++) {
      const i = rows;
      lines.push(`${i + 1},${SPECIES[i % 3]},${(4 + (i % 40) / 10).toFixed(1)},${(2 + (i % 25) / 10).toFixed(1)},${(1 + (i % 60) / 10).toFixed(1)},${((i % 25) / 10).toFixed(1)},plot-${i % 17},${COMMENTS[i % 4]}\n`);
    }
    write(lines.join(""));
  }
  closeSync(fd);
  return { rows, size: statSync(path).size };
}

/** The block index of a Put Block URL (its id is base64 of "kb-block-000123"), or null for other requests. */
function blockIndex(url: URL): number | null {
  if (url.searchParams.get("comp") !== "block") return null;
  const label = Buffer.from(url.searchParams.get("blockid") ?? "", "base64").toString();
  return /^kb-block-(\d+)$/.test(label) ? Number(label.slice("kb-block-".length)) : null;
}

function datasetRow(page: Page, name: string) {
  return page.getByTestId("dataset-row").filter({ has: page.getByTestId("dataset-name").getByText(name, { exact: true }) });
}

test("datasets: drop, upload straight to storage, resume after a reload, preview, attach and read from R", async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), "kb-e2e-datasets-"));
  try {
    const csv = join(dir, "measurements.csv");
    const { rows, size } = writeCsv(csv);
    const blockCount = Math.ceil(size / BLOCK);
    expect(blockCount).toBe(7);

    await signUp(page, uniqueEmail("datasets"));
    await page.getByTestId("datasets-link").click();
    await expect(page).toHaveURL(/\/datasets$/);
    await expect(page.getByTestId("datasets-empty")).toBeVisible();
    await expect(page.getByTestId("dataset-usage")).toContainText("0 B of");

    // Drop two files at once through a DataTransfer built in the page: one uploads, the empty one is refused.
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(["city,temp\nOslo,4\nLima,19\n"], "small.csv", { type: "text/csv" }));
      data.items.add(new File([], "empty.csv", { type: "text/csv" }));
      return data;
    });
    await page.getByTestId("dataset-dropzone").dispatchEvent("drop", { dataTransfer: dropped });
    await expect(page.getByTestId("upload-error")).toContainText("“empty.csv” is empty");
    await expect(datasetRow(page, "small.csv").getByTestId("dataset-status")).toHaveText("Ready", { timeout: 30_000 });
    await datasetRow(page, "small.csv").getByTestId("dataset-preview-toggle").click();
    await expect(datasetRow(page, "small.csv").getByTestId("preview-table")).toContainText("Lima");

    // The big file: blocks 0-2 go through, the rest are held back, so the page is reloaded mid-upload.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route((url) => (blockIndex(url) ?? -1) >= 3, async (route) => {
      await held;
      await route.abort().catch(() => undefined); // the reload has cancelled it already
    });
    const blockPuts: number[] = [];
    page.on("request", (request) => {
      const index = blockIndex(new URL(request.url()));
      if (request.method() === "PUT" && index !== null) blockPuts.push(index);
    });
    await page.getByTestId("dataset-file-input").setInputFiles(csv);
    const upload = page.getByTestId("upload-row").filter({ hasText: "measurements.csv" });
    const threeBlocks = Math.floor((3 * BLOCK * 100) / size);
    await expect(upload.getByTestId("upload-percent")).toHaveText(`${threeBlocks}%`, { timeout: 60_000 });
    expect(threeBlocks).toBeGreaterThanOrEqual(20);
    expect(threeBlocks).toBeLessThanOrEqual(80);
    await expect(upload.getByTestId("upload-status")).toContainText(/B\/s · /);
    await page.reload();
    release();
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await expect(datasetRow(page, "measurements.csv").getByTestId("dataset-status")).toHaveText("Incomplete — choose the same file again to resume");

    // The same file again: it continues from the staged blocks (the first figure shown is theirs).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenPercents: string[] }).seenPercents = seen;
      new MutationObserver(() => {
        const text = document.querySelector("[data-testid='upload-percent']")?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    blockPuts.length = 0;
    // The blocks' checksums are computed in Web Workers (block-hashers.ts), not on the page's main thread.
    const workerNames: Promise<string | null>[] = [];
    page.on("worker", (worker) => workerNames.push(worker.evaluate(() => self.name).catch(() => null)));
    await page.getByTestId("dataset-file-input").setInputFiles(csv);
    await expect(datasetRow(page, "measurements.csv").getByTestId("dataset-status")).toHaveText("Ready", { timeout: 120_000 });
    expect(await Promise.all(workerNames)).toContain("kernelbook-md5");
    const seen = await page.evaluate(() => (window as unknown as { seenPercents: string[] }).seenPercents);
    expect(Number.parseInt(seen[0] ?? "0", 10)).toBeGreaterThanOrEqual(threeBlocks);
    expect([...blockPuts].sort((a, b) => a - b)).toEqual([3, 4, 5, 6]);
    expect(blockPuts.length).toBeLessThan(blockCount);

    // The preview shows the header and the first rows.
    const big = datasetRow(page, "measurements.csv");
    await big.getByTestId("dataset-preview-toggle").click();
    const table = big.getByTestId("preview-table");
    await expect(table.locator("th")).toHaveText(HEADER.split(","));
    await expect(table).toContainText("versicolor");

    // Attach it to a new notebook (webR by default) and count its rows from R.
    await createNotebook(page);
    await typeInCell(page, 0, "1 + 1");
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("cell").nth(0).getByTestId("cell-output")).toContainText("[1] 2", { timeout: 60_000 });
    await page.getByTestId("attach-dataset").click();
    const dialog = page.getByTestId("attach-dialog");
    await dialog.getByRole("button", { name: "Attach measurements.csv" }).click();
    await expect(dialog.getByTestId("attach-message")).toContainText("datasets/measurements.csv", { timeout: 120_000 });
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toHaveCount(0);
    await typeInCell(page, 0, 'nrow(read.csv("datasets/measurements.csv"))');
    await page.keyboard.press("Control+Enter");
    await expect(page.getByTestId("cell").nth(0).getByTestId("cell-output")).toContainText(`[1] ${rows}`, { timeout: 120_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
