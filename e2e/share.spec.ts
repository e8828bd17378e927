// Shared result links (#7): an author shares a snapshot with a plot, an HTML output carrying a
// script and markdown carrying an onerror image; a reader without an account sees it read-only with
// its provenance and nothing runs; the preview image answers a PNG; once revoked, the link is 404.
import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { signUp, uniqueEmail } from "./helpers";

const HTML_CODE = 'IRdisplay::display_html("<b>bold html</b><script>alert(1)</script>")';
const PLOT_CODE = "plot(cars)";

/** No kernelspec: imported as an R notebook on webR, its HTML output kept as it was produced. */
const NOTEBOOK = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: "markdown", id: "md", metadata: {}, source: ["# Shared findings\n", "\n", "<img src=x onerror=alert(1)> done"] },
    {
      cell_type: "code", id: "html", metadata: {}, execution_count: 1, source: [HTML_CODE],
      outputs: [{ output_type: "display_data", metadata: {}, data: { "text/html": ["<b>bold html</b><script>alert(1)</script>"], "text/plain": ["bold html"] } }],
    },
    { cell_type: "code", id: "plot", metadata: {}, execution_count: null, source: [PLOT_CODE], outputs: [] },
  ],
};

async function importNotebook(page: Page): Promise<void> {
  await page.getByTestId("import-input").setInputFiles({
    name: "share-me.ipynb", mimeType: "application/x-ipynb+json", buffer: Buffer.from(JSON.stringify(NOTEBOOK)),
  });
  await expect(page).toHaveURL(/\/notebooks\/[^/]+$/);
  await expect(page.getByTestId("cell")).toHaveCount(3);
}

test("a snapshot shared by link reads safely without an account, until it is revoked", async ({ page, browser }) => {
  const email = uniqueEmail("share");
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await signUp(page, email);
  await importNotebook(page);
  await expect(page.getByTestId("cell").nth(1).getByTestId("output-html")).toHaveAttribute("sandbox", "allow-scripts");

  // The imported cell already holds the plot code: run it from its toolbar.
  await page.getByTestId("cell").nth(2).getByRole("button", { name: "Run cell" }).click();
  await expect(page.getByTestId("cell").nth(2).getByTestId("output-image")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("save-state")).toHaveText("Saved");

  await page.getByTestId("share-open").click();
  const dialog = page.getByTestId("share-dialog");
  await dialog.getByTestId("share-expiry").selectOption("7");
  await dialog.getByTestId("share-create").click();
  const url = await dialog.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  const path = new URL(url).pathname;
  await expect(dialog.getByTestId("shared-link")).toHaveCount(1);
  await expect(dialog.getByTestId("shared-link-views")).toHaveText("0 views");

  // A reader with no account, in a fresh browser context.
  const anon = await browser.newContext();
  const reader = await anon.newPage();
  reader.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const response = await reader.goto(path);
  expect(response?.status()).toBe(200);
  await expect(reader).toHaveURL(new RegExp(`${path}$`));
  const shared = reader.getByTestId("shared-notebook");
  await expect(reader.getByTestId("shared-title")).toHaveText("share-me");
  await expect(reader.getByTestId("shared-author")).toHaveText(email.split("@")[0]);
  await expect(reader.getByTestId("shared-provenance")).not.toContainText("@");
  await expect(reader.getByTestId("shared-kernel")).toContainText(/R 4\.\d.* — embedded webR/);
  const codeHash = createHash("sha256").update([HTML_CODE, PLOT_CODE].join("\n")).digest("hex");
  await expect(reader.getByTestId("shared-code-hash")).toHaveText(codeHash);
  await expect(reader.getByTestId("shared-datasets")).toHaveText("none");

  const plot = shared.getByTestId("output-image");
  await expect(plot).toBeVisible();
  expect(await plot.getAttribute("src")).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  const html = shared.getByTestId("output-html");
  await expect(html).toHaveAttribute("sandbox", "allow-scripts");
  expect(await html.getAttribute("srcdoc")).toContain("<script>alert(1)</script>");
  const markdown = shared.getByTestId("shared-markdown");
  await expect(markdown.getByRole("heading", { name: "Shared findings" })).toBeVisible();
  await expect(markdown).toContainText("done");
  await expect(shared.locator("script, [onerror], iframe:not([sandbox='allow-scripts'])")).toHaveCount(0);
  // Read-only: no editor, no run or other buttons, no links anywhere.
  await expect(shared.locator("textarea, input, select, [contenteditable='true'], .monaco-editor")).toHaveCount(0);
  await expect(reader.getByRole("button")).toHaveCount(0);
  await expect(reader.locator("a[href]")).toHaveCount(0);

  // The preview: og:title is the notebook's title, og:image its first plot as PNG.
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute("content", "share-me");
  const ogImage = await reader.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toMatch(new RegExp(`^https?://[^/]+${path}/og$`));
  const image = await anon.request.get(new URL(ogImage!).pathname);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // The author sees the view counted (their own opening would not be), and revokes the link.
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.getByTestId("share-open").click();
  await expect(dialog.getByTestId("shared-link-views")).toHaveText("1 view");
  await dialog.getByTestId("shared-link-revoke").click();
  await expect(dialog.getByTestId("shared-link")).toHaveAttribute("data-state", "revoked");

  const gone = await reader.reload();
  expect(gone?.status()).toBe(404);
  await expect(reader.getByTestId("shared-notebook")).toHaveCount(0);
  await expect(reader.getByText("bold html")).toHaveCount(0);
  expect((await anon.request.get(new URL(ogImage!).pathname)).status()).toBe(404);
  expect(dialogs).toEqual([]);
  await anon.close();
});

test("deleting a shared notebook says its links stop working, and they do", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("share-delete"));
  await importNotebook(page);
  await page.getByTestId("share-open").click();
  const dialog = page.getByTestId("share-dialog");
  const urls: string[] = [];
  for (let i = 0; i < 2; i++) {
    await dialog.getByTestId("share-create").click();
    await expect(dialog.getByTestId("shared-link")).toHaveCount(i + 1);
    urls.push(await dialog.getByTestId("share-url").inputValue());
  }
  const anon = await browser.newContext();
  expect((await anon.request.get(new URL(urls[0]).pathname)).status()).toBe(200);

  await page.goto("/notebooks");
  const row = page.getByTestId("notebook-row").filter({ hasText: "share-me" });
  await row.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByRole("dialog").getByTestId("delete-revokes-links")).toHaveText(/Its 2 shared links stop working/);
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("notebook-row").filter({ hasText: "share-me" })).toHaveCount(0);
  for (const url of urls) expect((await anon.request.get(new URL(url).pathname)).status()).toBe(404);
  await anon.close();
});
