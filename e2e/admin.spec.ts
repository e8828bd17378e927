// The admin journey: an administrator (ADMIN_EMAILS) finds a user, stops the kernel running that
// user's cell from the Kernels tab (the cell says "Stopped by an administrator"), finds it in the
// audit log; ordinary users get the 404 page at /admin; repeated failed sign-ins are throttled.
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.local";
const ADMIN_PASSWORD = "overseer-e2e-pass";

/** Signs up as the configured admin address; when an earlier journey already created it, the same
 * form signs in with its password (sign-up answers a taken email as a new one). */
async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
  await expect(page.getByTestId("admin-link")).toBeVisible();
}

test("an admin stops another user's running kernel; the user's cell says so", async ({ page, browser }) => {
  // User B runs a long loop in a notebook of their own, in a browser of their own.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const userEmail = uniqueEmail("b");
  await signUp(userPage, userEmail);
  await expect(userPage.getByTestId("admin-link")).toHaveCount(0);
  await createNotebook(userPage);
  await typeInCell(userPage, 0, 'for (i in 1:300) { cat(i, "\\n"); Sys.sleep(0.2) }');
  await userPage.keyboard.press("Control+Enter");
  const cell = userPage.getByTestId("cell").nth(0);
  await expect(cell.getByTestId("stream-stdout").first()).toContainText("3", { timeout: 60_000 });

  await signInAsAdmin(page);
  await page.getByTestId("admin-link").click();
  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole("heading", { name: "Admin" })).toBeVisible();

  // Users: B is listed with their notebook.
  await page.getByTestId("admin-user-search").fill(userEmail);
  const userRow = page.getByTestId("admin-user-row").filter({ hasText: userEmail });
  await expect(userRow).toHaveCount(1);
  await expect(page.getByTestId("admin-user-row")).toHaveCount(1);

  // Kernels: B's kernel is busy; stop it.
  await page.getByRole("tab", { name: "Kernels" }).click();
  const kernelRow = page.getByTestId("admin-kernel-row").filter({ hasText: userEmail });
  await expect(kernelRow).toHaveCount(1);
  await expect(kernelRow.getByTestId("admin-kernel-status")).toHaveText("busy");
  await kernelRow.getByRole("button", { name: "Stop" }).click();
  await page.getByRole("dialog", { name: "Stop this kernel?" }).getByRole("button", { name: "Stop kernel" }).click();
  await expect(kernelRow).toHaveCount(0);

  // B's cell ends at once with the administrator's message, the loop far from done.
  await expect(cell.getByTestId("output-status")).toContainText("Stopped by an administrator.", { timeout: 15_000 });
  await expect(cell.getByTestId("stream-stdout").first()).not.toContainText("300");

  // Audit: the stop is logged with B as the target.
  await page.getByRole("tab", { name: "Audit" }).click();
  await page.getByTestId("audit-action").selectOption("admin.kernel_stop");
  await expect(page.getByTestId("audit-row").filter({ hasText: userEmail })).toHaveCount(1);

  // B is no admin: /admin does not exist for them.
  await userPage.goto("/admin");
  await expect(userPage.getByText("This page could not be found.")).toBeVisible();
  await expect(userPage.getByRole("heading", { name: "Admin" })).toHaveCount(0);
  await userContext.close();
});

test("repeated failed sign-ins are throttled with a clear message", async ({ page }) => {
  const email = uniqueEmail("guess");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  const attempt = async (password: string) => {
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  };
  for (let i = 1; i <= 4; i++) {
    await attempt(`wrong-${i}`);
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await attempt("wrong-5");
  await expect(page.getByText("Too many failed sign-ins: try again in 15 minutes.")).toBeVisible();
  await expect(page.getByText("Wrong email or password.")).toHaveCount(0);
});
