// A 2,000-cell notebook with outputs (#14 item 5): it opens with only the cells on screen drawn (the
// time to the first interactive cell is logged, not asserted), Ctrl+F finds text in its last cell and
// scrolls there, and keyboard navigation and go-to-cell reach cells that were not drawn.
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

const CELLS = 2000;
const MARKER = "zebra-crossing-42";

function notebook() {
  const table = `<table><tr><th>a</th><th>b</th></tr>${"<tr><td>1.5</td><td>x</td></tr>".repeat(8)}</table>`;
  return {
    nbformat: 4, nbformat_minor: 5, metadata: { language_info: { name: "R" } },
    cells: Array.from({ length: CELLS }, (_, i) => ({
      cell_type: "code", id: `c${i}`, metadata: {}, execution_count: i + 1,
      source: [`# step ${i}\n`, `x <- rnorm(${i + 1})\n`, i === CELLS - 1 ? `summary(x) # ${MARKER}` : "summary(x)"],
      outputs: [
        { output_type: "stream", name: "stdout", text: [`cell ${i} done\n`, "   Min. 1st Qu.  Median    Mean\n", " -2.210  -0.640   0.050   0.012\n"] },
        ...(i % 5 === 0 ? [{ output_type: "display_data", metadata: {}, data: { "text/html": [table], "text/plain": ["table"] } }] : []),
      ],
    })),
  };
}

test("a 2,000-cell notebook opens windowed; find, arrows/j/k and go-to-cell reach every cell", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("large"));
  await page.getByTestId("import-input").setInputFiles({
    name: "large.ipynb", mimeType: "application/x-ipynb+json", buffer: Buffer.from(JSON.stringify(notebook())),
  });
  await expect(page).toHaveURL(/\/notebooks\/[^/]+$/, { timeout: 60_000 });
  await expect(page.getByTestId("cell-list")).toHaveAttribute("data-cell-count", String(CELLS), { timeout: 30_000 });

  // Open it again from scratch and time it: the first cell takes a click (enters edit mode).
  const t0 = Date.now();
  await page.reload({ waitUntil: "commit" });
  const first = page.getByTestId("cell").first();
  for (;;) {
    await first.getByTestId("cell-code").click();
    if ((await first.getAttribute("data-editing")) === "true") break;
    await page.waitForTimeout(20);
  }
  console.log(`2,000-cell notebook: first cell interactive ${Date.now() - t0} ms after navigation`);
  const drawn = await page.getByTestId("cell").count();
  console.log(`2,000-cell notebook: ${drawn} cells drawn, ${await page.evaluate(() => document.getElementsByTagName("*").length)} DOM elements`);
  expect(drawn).toBeLessThan(60);

  // Ctrl+F from the editor: the last cell is found and scrolled into view.
  await page.keyboard.press("Control+f");
  await page.getByTestId("find-input").fill(MARKER);
  await expect(page.getByTestId("find-count")).toHaveText("1 of 1");
  const last = page.locator(`[aria-label="Code cell ${CELLS}"]`);
  await expect(last).toHaveAttribute("data-selected", "true");
  await expect(last).toBeInViewport();
  await expect(last).toContainText(MARKER);
  await page.getByTestId("find-input").fill("cell 1234 done");
  await expect(page.getByTestId("find-count")).toHaveText("1 of 1");
  await expect(page.locator('[aria-label="Code cell 1235"]')).toBeInViewport();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("find-bar")).toHaveCount(0);

  // Command mode from there: k, ArrowUp and j move one cell and keep it in view.
  await page.keyboard.press("k");
  await expect(page.locator('[aria-label="Code cell 1234"]')).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("ArrowUp");
  await expect(page.locator('[aria-label="Code cell 1233"]')).toBeInViewport();
  await page.keyboard.press("j");
  await expect(page.locator('[aria-label="Code cell 1234"]')).toHaveAttribute("data-selected", "true");

  // Go to cell (Ctrl+G): the last cell, then the first, each drawn and in view.
  await page.keyboard.press("Control+g");
  await page.getByTestId("find-input").fill(String(CELLS));
  await page.keyboard.press("Enter");
  await expect(page.locator(`[aria-label="Code cell ${CELLS}"]`)).toBeInViewport();
  await page.keyboard.press("Control+g");
  await page.getByTestId("find-input").fill("1");
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("data-selected", "true");
  await expect(first).toBeInViewport();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator('[aria-label="Code cell 2"]')).toHaveAttribute("data-selected", "true");
});
