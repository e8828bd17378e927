// Autosave and the same notebook open in two tabs: the stale tab is told, and nothing is overwritten.
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
