// The core journey: sign up, write R in Monaco, run it, see output and a plot, reload during a
// streaming run and see it resume, find the runs in history; another user cannot open the notebook.
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

test("a data scientist runs R, reloads mid-run, and finds every output kept", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("ds"));
  await expect(page.getByTestId("notebooks-empty")).toBeVisible();
  const notebookId = await createNotebook(page);

  await typeInCell(page, 0, 'cat("hello from R", R.version$major, "\\n")\nplot(cars)');
  await page.keyboard.press("Shift+Enter");
  const first = page.getByTestId("cell").nth(0);
  await expect(first.getByTestId("stream-stdout")).toContainText("hello from R 4");
  await expect(first.getByTestId("output-image")).toBeVisible();
  const src = await first.getByTestId("output-image").getAttribute("src");
  expect(src).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  await expect(first.getByTestId("execution-count")).toHaveText("[1]");
  await expect(page.getByTestId("kernel-status")).toContainText("idle");

  // Shift+Enter moved on to a new cell: a streaming loop, then a reload while it runs.
  await expect(page.getByTestId("cell")).toHaveCount(2);
  await typeInCell(page, 1, 'for (i in 1:8) { cat("tick", i, "\\n"); Sys.sleep(0.5) }\nwarning("almost done")\nprint(head(cars, 3))');
  await page.keyboard.press("Control+Enter");
  const second = page.getByTestId("cell").nth(1);
  await expect(second.getByTestId("stream-stdout").first()).toContainText("tick 2");
  await expect(second.getByTestId("stream-stdout").first()).not.toContainText("tick 8");
  await page.reload();
  const resumed = page.getByTestId("cell").nth(1);
  // The loop's lines are the first stdout block; print() after the warning makes a second one.
  const ticks = resumed.getByTestId("stream-stdout").first();
  await expect(ticks).toContainText("tick 1");
  await expect(ticks).toContainText("tick 8", { timeout: 20_000 });
  await expect(resumed.getByTestId("output-warning")).toContainText("almost done");
  await expect(resumed.getByTestId("cell-output")).toContainText("speed dist");
  await expect(resumed.getByTestId("execution-count")).toHaveText("[2]");
  await expect(page.getByTestId("save-state")).toHaveText("Saved");

  // History lists both runs with their code.
  await page.getByTestId("history-toggle").click();
  await expect(page.getByTestId("history-item")).toHaveCount(2);
  await expect(page.getByTestId("history-item").first()).toContainText("tick");

  // A second user cannot open the first user's notebook.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, uniqueEmail("other"));
  await otherPage.goto(`/notebooks/${notebookId}`);
  await expect(otherPage.getByText("Notebook not found")).toBeVisible();
  await expect(otherPage.getByText("hello from R")).toHaveCount(0);
  const input = encodeURIComponent(JSON.stringify({ json: { id: notebookId } }));
  const api = await otherPage.request.get(`/api/trpc/notebook.get?input=${input}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain("hello");
  await other.close();
});

test("an R error is shown as an error and stops Run all", async ({ page }) => {
  await signUp(page, uniqueEmail("err"));
  await createNotebook(page);
  await typeInCell(page, 0, 'stop("the data is missing")');
  await page.getByRole("button", { name: "Add cell below" }).first().click();
  await typeInCell(page, 1, 'cat("should not run\\n")');
  await page.getByRole("button", { name: "Run all" }).click();
  await expect(page.getByTestId("cell").nth(0).getByTestId("output-error")).toContainText("the data is missing");
  // Once, as the R console and JupyterLab show it (webR's traceback repeats the message).
  expect((await page.getByTestId("cell").nth(0).getByTestId("output-error").innerText()).split("the data is missing")).toHaveLength(2);
  await expect(page.getByTestId("cell").nth(1).getByTestId("cell-output")).toContainText(/not run/i);
  await expect(page.getByTestId("cell").nth(1).getByTestId("stream-stdout")).toHaveCount(0);
});

test("closing the browser does not stop a run; its output is there on return", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, uniqueEmail("close"));
  const id = await createNotebook(page);
  await typeInCell(page, 0, 'for (i in 1:6) { cat("line", i, "\\n"); Sys.sleep(0.5) }\ncat("finished\\n")');
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("stream-stdout")).toContainText("line 1");
  const cookies = await context.cookies();
  await context.close(); // the browser is gone mid-run

  await new Promise((r) => setTimeout(r, 4_000));
  const later = await browser.newContext();
  await later.addCookies(cookies);
  const back = await later.newPage();
  await back.goto(`/notebooks/${id}`);
  await expect(back.getByTestId("stream-stdout")).toContainText("line 6");
  await expect(back.getByTestId("stream-stdout")).toContainText("finished");
  await expect(back.getByTestId("execution-count")).toHaveText("[1]");
  await later.close();
});
