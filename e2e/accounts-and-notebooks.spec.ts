// Accounts and the notebook list: pages need a session, sign-out and sign-in, wrong passwords,
// create / rename / delete with confirmation.
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, uniqueEmail } from "./helpers";

test("pages other than sign-in and sign-up need a session", async ({ page }) => {
  await page.goto("/notebooks");
  await expect(page).toHaveURL(/\/sign-in/);
  const res = await page.request.get("/api/trpc/notebook.list");
  expect(res.status()).toBe(401);
});

test("sign out, refuse a wrong password, sign back in", async ({ page }) => {
  const email = uniqueEmail("auth");
  await signUp(page, email, "first-password");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-my-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill("first-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
});

test("sign-up refuses common passwords with a meter, and does not tell whether an email has an account", async ({ page }) => {
  const email = uniqueEmail("dup");
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("12345678");
  await expect(page.getByTestId("password-meter")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("password-meter")).toContainText("too common");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/This password is too common/);
  await page.getByLabel("Password").fill("a-good-password");
  await expect(page.getByTestId("password-meter")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("password-meter")).toContainText(/Strength: (Good|Strong)/);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The same email again, with another password: no "already exists", the account is untouched.
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("another-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Could not sign you in with this email and password/);
  await expect(page.getByText(/already exists/)).toHaveCount(0);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
});

test("create, rename and delete notebooks", async ({ page }) => {
  await signUp(page, uniqueEmail("list"));
  await createNotebook(page);
  await page.goto("/notebooks");
  const row = page.getByTestId("notebook-row");
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^Rename/ }).click();
  await page.getByLabel("Notebook title").fill("Churn analysis");
  await page.keyboard.press("Enter");
  await expect(row.getByRole("link")).toHaveText("Churn analysis");
  await row.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByRole("dialog")).toContainText("Churn analysis");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("notebooks-empty")).toBeVisible();
});
