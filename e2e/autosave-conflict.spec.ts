// Autosave and the same notebook open in two tabs: the stale tab is told, and nothing is overwritten.
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

test("edits save by themselves; a stale tab cannot overwrite them", async ({ page, context }) => {
  await signUp(page, uniqueEmail("save"));
  const id = await createNotebook(page);
  const other = await context.newPage();
  await other.goto(`/notebooks/${id}`);
  await expect(other.getByTestId("cell")).toHaveCount(1);

  await typeInCell(page, 0, "x <- 'from tab one'");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("cell").first()).toContainText("from tab one");

  await typeInCell(other, 0, "x <- 'from tab two'");
  await expect(other.getByText(/changed in another tab or window/)).toBeVisible();
  await expect(other.getByTestId("save-state")).toHaveText("Save failed");
  await expect(other.getByTestId("cell").first()).toContainText("from tab two"); // the user's text stays on screen

  await page.reload();
  await expect(page.getByTestId("cell").first()).toContainText("from tab one");
});

test("a stale tab's Run is refused and does not overwrite what another tab saved", async ({ page, context }) => {
  await signUp(page, uniqueEmail("stalerun"));
  const id = await createNotebook(page);
  await typeInCell(page, 0, "x <- 'original'; cat(x)");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const other = await context.newPage();
  await other.goto(`/notebooks/${id}`);
  await typeInCell(other, 0, "x <- 'from tab 2 (saved)'; cat(x)");
  await expect(other.getByTestId("save-state")).toHaveText("Saved");

  // Tab 1 never edited after loading the original: its Run must not put the original back.
  await focusFirstEditor(page);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("notebook-notice")).toContainText(/changed in another tab or window/);
  await expect(page.getByTestId("save-state")).toHaveText("Save failed");
  await expect(page.getByTestId("cell").first().getByTestId("execution-count")).toHaveText("[ ]");

  await other.reload();
  await expect(other.getByTestId("cell").first()).toContainText("from tab 2 (saved)");
  await page.reload();
  await expect(page.getByTestId("cell").first()).toContainText("from tab 2 (saved)");
  await focusFirstEditor(page);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("cell").first().getByTestId("cell-output")).toContainText("from tab 2 (saved)", { timeout: 60_000 });
});

/** Opens (or focuses) the first cell's editor, so Ctrl+Enter reaches it. */
async function focusFirstEditor(page: Page): Promise<void> {
  const cell = page.getByTestId("cell").first();
  const editor = cell.locator(".monaco-editor");
  if (!(await editor.isVisible())) await cell.getByTestId("cell-code").click();
  await expect(editor).toBeVisible();
  await editor.click();
}
