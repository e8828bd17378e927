// The IDE journey on webR: the Variables pane lists what a cell made, Ctrl+Space completes from the
// kernel, Shift+Tab opens R's help, a printed data frame pages as a table, the kernel picker offers webR.
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

test("a data scientist sees variables, completes names, reads help and pages a data frame", async ({ page }) => {
  await signUp(page, uniqueEmail("ide"));
  await createNotebook(page);
  const picker = page.getByTestId("kernel-picker");
  await expect(picker).toContainText("embedded webR");
  await expect(picker).toHaveValue("webr:r");

  await typeInCell(page, 0, "df <- data.frame(alpha = 1:30, beta = letters[1:30])");
  await page.keyboard.press("Shift+Enter");
  await expect(page.getByTestId("cell").nth(0).getByTestId("execution-count")).toHaveText("[1]");
  await expect(page.getByTestId("kernel-status")).toContainText("idle");

  // The Variables pane lists df with its shape.
  await page.getByTestId("variables-toggle").click();
  const row = page.getByTestId("variables-table").getByTestId("variable-row").filter({ hasText: "df" });
  await expect(row).toContainText("30 x 2");
  await expect(row).toContainText("data.frame");

  // Completion from the kernel in the new cell that Shift+Enter opened.
  await expect(page.getByTestId("cell")).toHaveCount(2);
  await typeInCell(page, 1, "summ");
  await page.keyboard.press("Control+Space");
  const suggestions = page.locator(".monaco-editor .suggest-widget");
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText("summary");
  await page.keyboard.press("Escape");
  await expect(suggestions).toBeHidden();

  // Shift+Tab on a name opens its R help page.
  await typeInCell(page, 1, "summary(df)");
  await page.keyboard.press("Home");
  await expect(suggestions).toBeHidden();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByTestId("help-panel")).toContainText("Object Summaries");

  // A printed data frame is a paged table, 20 rows a page.
  await typeInCell(page, 1, "df");
  await page.keyboard.press("Control+Enter");
  const table = page.getByTestId("cell").nth(1).getByTestId("output-table");
  await expect(table).toContainText("of 30");
  await expect(table).toContainText("Showing 1–20 of 30");
  await expect(table.locator("tbody tr")).toHaveCount(20);
  await table.getByRole("button", { name: "Next page" }).click();
  await expect(table).toContainText("Showing 21–30 of 30");
  await expect(table.locator("tbody tr")).toHaveCount(10);
  await expect(table.locator("thead")).toContainText("alpha");
  await expect(table.locator("thead")).toContainText("<int>");
});
