// The Machine Learning Server journey against the repo's ML Server protocol test server (started
// by scripts/test.mjs without a service login): store the login in Settings, run R on an ML Server
// session (live console output, a plot), save a snapshot, start the kernel again from it, publish
// a cell as a web service with typed inputs and outputs, read its swagger, call it, and clean up.
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

const username = process.env.E2E_MLSERVER_USERNAME ?? "";
const password = process.env.E2E_MLSERVER_PASSWORD ?? "";

/** Remote sessions start slowly: generous waits for anything that may start one. */
const KERNEL_START_MS = 120_000;

async function storeLogin(page: Page) {
  await page.getByTestId("settings-link").click();
  const section = page.getByTestId("login-mlserver");
  await section.getByLabel("User name").fill(username);
  await section.getByLabel("Password").fill(password);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByTestId("login-mlserver-identity")).toContainText(username);
  await expect(section.getByLabel("Password")).toHaveValue("");
}

/** Types `code` into the n-th cell and runs it, moving on to (or creating) the next cell. */
async function runCell(page: Page, index: number, code: string) {
  await typeInCell(page, index, code);
  await page.keyboard.press("Shift+Enter");
  return page.getByTestId("cell").nth(index);
}

async function openMenuItem(page: Page, testId: string) {
  await page.getByTestId("mlserver-menu").click();
  await page.getByTestId(testId).click();
}

test("a notebook on ML Server streams output, snapshots its workspace and publishes a web service", async ({ page }) => {
  test.setTimeout(600_000);
  await signUp(page, uniqueEmail("mlserver"));
  await storeLogin(page);
  await createNotebook(page);

  // The ML Server menu appears only once the notebook's kernel is on ML Server.
  const picker = page.getByTestId("kernel-picker");
  await expect(picker.locator("option", { hasText: "R — ML Server" })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId("mlserver-menu")).toHaveCount(0);
  await picker.selectOption({ label: "R — ML Server" });
  await expect(picker.locator("option:checked")).toHaveText("R — ML Server");
  await expect(page.getByTestId("mlserver-menu")).toBeVisible();

  // Console output arrives while the cell still runs.
  const loop = await runCell(page, 0, 'for (i in 1:5) { cat("step", i, "\\n"); Sys.sleep(1) }');
  await expect(loop.getByTestId("cell-output")).toContainText("step 2", { timeout: KERNEL_START_MS });
  await expect(loop).toHaveAttribute("data-status", "running");
  expect(await loop.getByTestId("cell-output").textContent()).not.toContain("step 5");
  await expect(loop).toHaveAttribute("data-status", "ok", { timeout: 30_000 });
  await expect(loop.getByTestId("cell-output")).toContainText("step 5");

  const plot = await runCell(page, 1, 'plot(1:10, (1:10)^2, type = "b", main = "on ML Server")');
  await expect(plot.getByTestId("output-image")).toBeVisible({ timeout: 60_000 });
  expect(await plot.getByTestId("output-image").getAttribute("src")).toMatch(/^data:image\/png;base64,/);

  const assign = await runCell(page, 2, "x <- 42");
  await expect(assign).toHaveAttribute("data-status", "ok", { timeout: 60_000 });

  // Save a snapshot holding x = 42.
  const snapshotName = `e2e x is 42 ${Date.now()}`;
  await openMenuItem(page, "mlserver-save-snapshot");
  const saveDialog = page.getByTestId("snapshot-dialog");
  await expect(saveDialog.getByTestId("snapshot-name")).not.toHaveValue("");
  await saveDialog.getByTestId("snapshot-name").fill(snapshotName);
  await saveDialog.getByTestId("snapshot-save-submit").click();
  await expect(saveDialog.getByTestId("snapshot-saved")).toContainText(snapshotName, { timeout: KERNEL_START_MS });
  await saveDialog.getByRole("button", { name: "Done" }).click();
  await expect(saveDialog).toHaveCount(0);

  // Change x, then start from the snapshot (confirmed: a kernel runs) and x is 42 again.
  const change = await runCell(page, 3, "x <- 7");
  await expect(change).toHaveAttribute("data-status", "ok", { timeout: 60_000 });
  await expect(page.getByTestId("kernel-status")).toContainText("idle");
  await openMenuItem(page, "mlserver-snapshots");
  const snapshotRow = page.getByTestId("snapshot-row").filter({ hasText: snapshotName });
  await expect(snapshotRow).toHaveCount(1, { timeout: 30_000 });
  await snapshotRow.getByTestId("snapshot-start").click();
  await page.getByRole("dialog", { name: "Start from this snapshot?" }).getByRole("button", { name: "Start from snapshot" }).click();
  await expect(page.getByTestId("snapshots-notice")).toContainText(snapshotName, { timeout: KERNEL_START_MS });
  await expect(page.getByTestId("kernel-status")).toContainText("idle", { timeout: 60_000 });
  const readBack = await runCell(page, 4, "cat(x)");
  await expect(readBack.getByTestId("cell-output")).toContainText("42", { timeout: 60_000 });

  // Publish the selected cell as a web service: input x, output y, both numeric.
  const serviceName = `e2e-double-${Date.now()}`;
  await typeInCell(page, 5, "y <- x * 2");
  await openMenuItem(page, "mlserver-publish");
  const publish = page.getByTestId("publish-dialog");
  await expect(publish.getByTestId("publish-version")).toHaveValue("1.0");
  await expect(publish.getByTestId("publish-cell-5")).toBeChecked();
  await expect(publish.getByTestId("publish-cell-4")).not.toBeChecked();
  await expect(publish.getByTestId("publish-code-preview")).toHaveText("y <- x * 2");
  await publish.getByTestId("publish-submit").click();
  await expect(publish.getByTestId("publish-error")).toContainText("Name the service");
  await publish.getByTestId("publish-name").fill(serviceName);
  await publish.getByTestId("publish-add-input").click();
  await publish.getByTestId("publish-input-name-0").fill("x");
  await publish.getByTestId("publish-input-type-0").selectOption("numeric");
  await publish.getByTestId("publish-add-output").click();
  await publish.getByTestId("publish-output-name-0").fill("y");
  await publish.getByTestId("publish-output-type-0").selectOption("numeric");
  await publish.getByTestId("publish-submit").click();
  await expect(publish).toHaveCount(0, { timeout: KERNEL_START_MS });

  // The services panel shows it; its swagger, then a call with x = 21 answers y = 42.
  const service = page.getByTestId("services-panel").getByTestId("service-row").filter({ hasText: serviceName });
  await expect(service).toHaveCount(1);
  await expect(service.getByTestId("service-inputs")).toHaveText("x numeric");
  await expect(service.getByTestId("service-outputs")).toHaveText("y numeric");
  await service.getByTestId("service-swagger").click();
  await expect(service.getByTestId("service-swagger-json")).toContainText('"swagger"', { timeout: 30_000 });
  await service.getByTestId("service-swagger").click();
  await expect(service.getByTestId("service-swagger-json")).toHaveCount(0);

  await service.getByTestId("service-call").click();
  const input = service.getByTestId("service-call-input");
  await expect(input).toHaveValue(/"x": 1.5/);
  await input.fill('{"x": }');
  await service.getByTestId("service-call-submit").click();
  await expect(service.getByTestId("service-call-parse-error")).toContainText("not valid JSON");
  await input.fill('{"x": 21}');
  await service.getByTestId("service-call-submit").click();
  const result = service.getByTestId("service-call-result");
  await expect(result).toContainText("Succeeded", { timeout: KERNEL_START_MS });
  await expect(result.getByTestId("service-call-outputs")).toContainText("y");
  await expect(result.getByTestId("service-call-outputs")).toContainText("42");

  // Clean up: delete the service and the snapshot (each after a confirmation).
  await service.getByTestId("service-delete").click();
  await page.getByRole("dialog", { name: "Delete this web service?" }).getByRole("button", { name: "Delete service" }).click();
  await expect(service).toHaveCount(0, { timeout: 30_000 });
  await openMenuItem(page, "mlserver-snapshots");
  await snapshotRow.getByTestId("snapshot-delete").click();
  await page.getByRole("dialog", { name: "Delete this snapshot?" }).getByRole("button", { name: "Delete snapshot" }).click();
  await expect(snapshotRow).toHaveCount(0, { timeout: 30_000 });
});
