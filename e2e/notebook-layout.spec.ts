// The notebook page at 1280 × 800 (#14 item 7): the toolbar stays on one row, a 200-character title
// is cut with an ellipsis (whole in its tooltip) and keeps the kernel badge on its row; narrower, what
// does not fit goes into the toolbar's "⋯" menu.
import { expect, test, type Locator } from "@playwright/test";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

test.use({ viewport: { width: 1280, height: 800 } });

const box = async (l: Locator) => (await l.boundingBox())!;

test("toolbar on one row and a long title on one line at 1280 px; an overflow menu when narrower", async ({ page }) => {
  await signUp(page, uniqueEmail("layout"));
  await createNotebook(page);
  // A running kernel adds the Files toggle: the fullest toolbar of an R notebook.
  await typeInCell(page, 0, "1 + 1");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("files-toggle")).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press("Escape");
  const title = "Quarterly revenue forecast by region and product line, ".repeat(4).slice(0, 200);
  await page.getByTestId("notebook-title").click();
  await page.getByTestId("notebook-title-input").fill(title);
  await page.getByTestId("notebook-title-input").press("Enter");
  const shown = page.getByTestId("notebook-title");
  await expect(shown).toHaveText(title);
  await expect(shown).toHaveAttribute("title", new RegExp(`^${title}`));

  // The title is one line, cut (its text is wider than its box), on the badge's row.
  const [titleBox, badge] = [await box(shown), await box(page.getByTestId("kernel-status"))];
  expect(titleBox.height).toBeLessThan(36);
  expect(await shown.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(Math.abs(titleBox.y + titleBox.height / 2 - (badge.y + badge.height / 2))).toBeLessThan(8);

  // The toolbar is one row of buttons: as tall as one button plus its padding, every item on that row.
  const toolbar = page.getByTestId("notebook-toolbar");
  const runAll = await box(toolbar.getByRole("button", { name: "Run all" }));
  expect((await box(toolbar)).height).toBeLessThanOrEqual(runAll.height + 14);
  const tops = await toolbar.evaluate((el) => Array.from(el.children, (c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(2);
  await expect(toolbar.getByTestId("toolbar-overflow")).toHaveCount(0);
  await expect(toolbar.getByTestId("attach-dataset")).toBeVisible();

  // Narrower: still one row; what no longer fits is in the "⋯" menu and works from there.
  await page.setViewportSize({ width: 900, height: 800 });
  await expect(toolbar.getByTestId("toolbar-overflow")).toBeVisible();
  expect((await box(toolbar)).height).toBeLessThanOrEqual(runAll.height + 14);
  await expect(toolbar.getByTestId("attach-dataset")).toHaveCount(0);
  await toolbar.getByTestId("toolbar-overflow").click();
  await page.getByTestId("overflow-attach-dataset").click();
  await expect(page.getByRole("dialog")).toBeVisible();
});
