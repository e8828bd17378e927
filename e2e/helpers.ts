// Shared steps of the end-to-end journeys: accounts, notebooks, typing into Monaco.
import { expect, type Page } from "@playwright/test";

export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@e2e.local`;
}

export async function signUp(page: Page, email: string, password = "a-good-password"): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
}

export async function createNotebook(page: Page): Promise<string> {
  await page.goto("/notebooks");
  await page.getByRole("button", { name: /new notebook|create your first notebook/i }).first().click();
  await expect(page).toHaveURL(/\/notebooks\/[^/]+$/);
  return page.url().split("/").at(-1)!;
}

/** Replaces the text of the n-th cell's editor (opening Monaco on it) with `code`. */
export async function typeInCell(page: Page, index: number, code: string): Promise<void> {
  const cell = page.getByTestId("cell").nth(index);
  await cell.scrollIntoViewIfNeeded();
  const editor = cell.locator(".monaco-editor");
  if (!(await editor.isVisible())) await cell.getByTestId("cell-code").click();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // insertText delivers the text as one input, so Monaco's bracket auto-closing does not add to it.
  await page.keyboard.insertText(code);
}
