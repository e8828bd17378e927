// The Jupyter journey against a real jupyter-server with IRkernel (started by scripts/test.mjs):
// choose the kernel, plot, complete from IRkernel, see the variable, answer readline(), page a
// data frame, see errors.
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

test("a notebook on IRkernel through Jupyter plots, completes, lists variables and reads input", async ({ page }) => {
  await signUp(page, uniqueEmail("jupyter"));
  await createNotebook(page);
  const picker = page.getByTestId("kernel-picker");
  await expect(picker.locator("option[value='jupyter:ir']")).toHaveCount(1);
  await picker.selectOption("jupyter:ir");
  await expect(picker).toHaveValue("jupyter:ir");

  await typeInCell(page, 0, 'revenue <- c(q1 = 10, q2 = 14, q3 = 9)\nplot(revenue, type = "b")\nR.version$language');
  await page.keyboard.press("Shift+Enter");
  const first = page.getByTestId("cell").nth(0);
  await expect(first.getByTestId("output-image")).toBeVisible({ timeout: 40_000 });
  expect(await first.getByTestId("output-image").getAttribute("src")).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  // IRkernel sends a vector's HTML list too: the value shows as R prints it, with no frame.
  await expect(first.getByTestId("output-text")).toHaveText('[1] "R"');
  await expect(first.getByTestId("output-html")).toHaveCount(0);
  await expect(page.getByTestId("kernel-status")).toContainText("idle");
  await expect(page.getByTestId("kernel-status")).toHaveAttribute("title", /IRkernel|R 4/);

  await page.getByTestId("variables-toggle").click();
  await expect(page.getByTestId("variable-row").filter({ hasText: "revenue" })).toContainText("numeric");

  await typeInCell(page, 1, "summ");
  await page.keyboard.press("Control+Space");
  await expect(page.locator(".monaco-editor .suggest-widget")).toContainText("summary");
  await page.keyboard.press("Escape");

  await typeInCell(page, 1, 'who <- readline("Name? ")\ncat("Hello,", who, "\\n")');
  await page.keyboard.press("Control+Enter");
  const input = page.getByTestId("cell").nth(1).getByTestId("stdin-input");
  await expect(input).toBeVisible();
  await input.fill("Ada");
  await input.press("Enter");
  await expect(page.getByTestId("cell").nth(1).getByTestId("cell-output")).toContainText("Hello, Ada");

  await typeInCell(page, 1, "data.frame(month = 1:30, code = letters[1:30])");
  await page.keyboard.press("Control+Enter");
  const table = page.getByTestId("cell").nth(1).getByTestId("output-table");
  await expect(table).toContainText("Showing 1–20 of 30");
  await expect(table.locator("thead")).toContainText("month");

  await typeInCell(page, 1, 'stop("the model did not converge")');
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("cell").nth(1).getByTestId("output-error")).toContainText("the model did not converge");
  // IRkernel repeats the message line in its traceback: it is shown once, then the call stack.
  const shown = await page.getByTestId("cell").nth(1).getByTestId("output-error").innerText();
  expect(shown.split("Error in eval")).toHaveLength(2);
  expect(shown).toContain('1. stop("the model did not converge")');
});
