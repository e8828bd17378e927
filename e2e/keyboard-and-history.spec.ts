// Jupyter-style keys in command mode (A, B, DD, M, Y), Run above, markdown rendering, and
// copying an old version of a cell's code back from the history panel.
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

test("command-mode keys add, convert and delete cells; markdown renders sanitized", async ({ page }) => {
  await signUp(page, uniqueEmail("keys"));
  await createNotebook(page);
  const cells = page.getByTestId("cell");
  await typeInCell(page, 0, "first <- 1");
  await page.keyboard.press("Escape");
  await page.keyboard.press("b");
  await expect(cells).toHaveCount(2);
  await expect(cells.nth(1)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("a");
  await expect(cells).toHaveCount(3);
  await expect(cells.nth(1)).toHaveAttribute("data-selected", "true");
  await page.keyboard.press("m");
  await expect(cells.nth(1)).toHaveAttribute("data-kind", "markdown");
  await page.keyboard.press("Enter");
  await page.getByTestId("markdown-editor").fill('# Findings\n\n**bold** <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>');
  await page.keyboard.press("Shift+Enter");
  const rendered = cells.nth(1).getByTestId("markdown-rendered");
  await expect(rendered.getByRole("heading", { name: "Findings" })).toBeVisible();
  await expect(rendered.locator("strong")).toHaveText("bold");
  await expect(rendered.locator("script, [onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await cells.nth(1).click();
  await page.keyboard.press("y");
  await expect(cells.nth(1)).toHaveAttribute("data-kind", "code");
  await page.keyboard.press("d");
  await page.keyboard.press("d");
  await expect(cells).toHaveCount(2);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(cells).toHaveCount(2);
});

test("Run above runs the cells above; history copies an old version back into its cell", async ({ page }) => {
  await signUp(page, uniqueEmail("hist"));
  await createNotebook(page);
  const cells = page.getByTestId("cell");
  await typeInCell(page, 0, 'v <- "version one"\nprint(v)');
  await page.keyboard.press("Control+Enter");
  await expect(cells.nth(0).getByTestId("cell-output")).toContainText("version one");
  await typeInCell(page, 0, 'v <- "version two"\nprint(v)');
  await page.keyboard.press("Shift+Enter");
  await expect(cells.nth(0).getByTestId("cell-output")).toContainText("version two");
  await typeInCell(page, 1, "print(v)");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Run above" }).click();
  await expect(cells.nth(0).getByTestId("execution-count")).toHaveText("[3]");
  await expect(cells.nth(1).getByTestId("execution-count")).toHaveText("[ ]");

  await page.getByTestId("history-toggle").click();
  const items = page.getByTestId("history-item");
  await expect(items).toHaveCount(3);
  const oldest = items.filter({ hasText: "version one" });
  await oldest.getByTestId("history-restore").click();
  await expect(cells.nth(0)).toContainText('v <- "version one"');
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("cell").nth(0)).toContainText('v <- "version one"');
});
