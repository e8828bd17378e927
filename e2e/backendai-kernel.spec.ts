// The Backend.AI journey against the repo's protocol test server (started by scripts/test.mjs
// without a service keypair): store the keypair in Settings (the secret never comes back), pick an
// image and its resources, plot from R, interrupt a long loop (restart offered if it keeps going),
// upload a file into the session and read it from R, and create a notebook from an example.
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

const accessKey = process.env.E2E_BACKEND_ACCESS_KEY ?? "";
const secretKey = process.env.E2E_BACKEND_SECRET_KEY ?? "";

async function storeKeypair(page: Page) {
  await page.getByTestId("settings-link").click();
  const section = page.getByTestId("login-backendai");
  await expect(section.getByTestId("login-backendai-using")).toContainText("no shared keypair");
  await section.getByLabel("Access key").fill(accessKey);
  await section.getByLabel("Secret key").fill(`${secretKey}x`);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByRole("alert")).toContainText("did not accept this login");
  await section.getByLabel("Secret key").fill(secretKey);
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByTestId("login-backendai-identity")).toContainText(accessKey);
  // Write-only: the form is empty again and the page holds no trace of the secret.
  await expect(section.getByLabel("Secret key")).toHaveValue("");
  expect(await page.content()).not.toContain(secretKey);
}

test("a notebook on a Backend.AI R image plots, interrupts, and reads an uploaded file", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("backendai"));
  await storeKeypair(page);
  await page.goto("/notebooks");
  await createNotebook(page);

  const picker = page.getByTestId("kernel-picker");
  const rImage = picker.locator("option", { hasText: "R 4.2.3 — Backend.AI" });
  await expect(rImage).toHaveCount(1, { timeout: 15_000 });
  await expect(picker.locator("option", { hasText: "Microsoft R Open" })).toHaveCount(1);
  await expect(picker.locator("option", { hasText: "CNTK" })).not.toHaveCount(0);
  await picker.selectOption({ label: "R 4.2.3 — Backend.AI" });
  await expect(page.getByTestId("kernel-resources")).toBeVisible();
  await page.getByTestId("kernel-resources").click();
  await page.getByTestId("resource-cpu").selectOption("2");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("kernel-resources")).toContainText("2");

  await typeInCell(page, 0, 'x <- c(3, 1, 4, 1, 5, 9, 2, 6)\nplot(x, type = "b", main = "on Backend.AI")');
  await page.keyboard.press("Shift+Enter");
  const first = page.getByTestId("cell").nth(0);
  await expect(first.getByTestId("output-image")).toBeVisible({ timeout: 60_000 });
  expect(await first.getByTestId("output-image").getAttribute("src")).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  await expect(page.getByTestId("kernel-status")).toContainText("idle");

  // A long loop streams, then stops on Interrupt (or, if the kernel ignores it, on the offered restart).
  await typeInCell(page, 1, 'for (i in 1:600) { cat("tick", i, "\\n"); Sys.sleep(0.2) }');
  await page.keyboard.press("Shift+Enter");
  const loop = page.getByTestId("cell").nth(1);
  await expect(loop.getByTestId("cell-output")).toContainText("tick 3", { timeout: 30_000 });
  await page.getByRole("button", { name: "Interrupt" }).click();
  const stuck = page.getByTestId("interrupt-stuck");
  const outcome = async () => ((await stuck.isVisible()) ? "stuck" : await loop.getAttribute("data-status"));
  await expect.poll(outcome, { timeout: 20_000 }).toMatch(/stuck|interrupted|error|aborted|lost/);
  if ((await outcome()) === "stuck") {
    await stuck.getByRole("button", { name: "Restart kernel" }).click();
    await page.getByRole("button", { name: "Restart kernel" }).last().click();
  }
  await expect(page.getByTestId("kernel-status")).toContainText("idle", { timeout: 30_000 });
  expect(await loop.getByTestId("cell-output").textContent()).toContain("tick 3");

  // A file uploaded into the session's working directory is there for R to read.
  await page.getByTestId("files-toggle").click();
  await page.getByTestId("files-input").setInputFiles({ name: "sales.csv", mimeType: "text/csv", buffer: Buffer.from("region,amount\nnorth,12\nsouth,30\n") });
  await expect(page.getByTestId("file-row").filter({ hasText: "sales.csv" })).toBeVisible({ timeout: 20_000 });
  await typeInCell(page, 2, 'sales <- read.csv("sales.csv")\ncat("total:", sum(sales$amount), "\\n")');
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("cell").nth(2).getByTestId("cell-output")).toContainText("total: 42", { timeout: 30_000 });
});

test("the MRO example opens on the Microsoft R Open image", async ({ page }) => {
  await signUp(page, uniqueEmail("examples"));
  await storeKeypair(page);
  await page.goto("/notebooks");
  await page.getByTestId("new-from-example").click();
  await page.getByTestId("example-mro-linear-algebra").click();
  await expect(page.getByTestId("notebook-title")).toContainText("Microsoft R Open: multithreaded linear algebra", { timeout: 15_000 });
  await expect(page.getByTestId("kernel-picker").locator("option:checked")).toContainText("Microsoft R Open");
  await expect(page.getByTestId("cell").first()).toContainText("lablup/kernel-r:mro-3.4.2-ubuntu");
});
