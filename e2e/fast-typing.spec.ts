// What is typed is exactly what the cell holds, is saved and is run: a 200-character R function
// typed key by key at several speeds, also with every server request slowed by 300 ms.
import type { Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { createNotebook, signUp, uniqueEmail } from "./helpers";

// One line (Monaco's auto-indent after Enter would change the text) whose brackets Monaco closes by
// itself and then types over: the editor must still end with exactly these characters.
const CODE =
  "summary_stats <- function(values, weights) { total <- sum(values * weights); n <- sum(weights); " +
  "list(mean = total / n, spread = max(values) - min(values), n = n) }; s <- summary_stats(c(2, 4, 9), c(1, 1, 2))";
const EXPECTED_OUTPUT = "mean=6 spread=7 n=4";
const CALL = '; cat(sprintf("mean=%g spread=%g n=%g\\n", s$mean, s$spread, s$n))';

/** The text of the one live Monaco editor, exactly (the DOM shows spaces as non-breaking ones). */
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const monaco = (window as unknown as { monaco: { editor: { getEditors(): { getValue(): string }[] } } }).monaco;
    return monaco.editor.getEditors()[0]?.getValue() ?? "<no editor>";
  });
}

/** Sources the page sent to execution.run (the code the server was asked to run). */
function recordRuns(page: Page): string[] {
  const sources: string[] = [];
  page.on("request", (request) => {
    if (!request.url().includes("execution.run")) return;
    const body = request.postData() ?? "";
    for (const m of body.matchAll(/"source":"((?:[^"\\]|\\.)*)"/g)) sources.push(JSON.parse(`"${m[1]}"`) as string);
  });
  return sources;
}

const DELAYS = [0, 10, 20, 40];

for (const slowServer of [false, true]) {
  test(`typing at ${DELAYS.join(", ")} ms per key${slowServer ? ", server slowed by 300 ms," : ""} keeps every character`, async ({ page }) => {
    test.setTimeout(180_000);
    await signUp(page, uniqueEmail("typing"));
    const id = await createNotebook(page);
    if (slowServer) {
      await page.route("**/api/trpc/**", async (route) => {
        await new Promise((r) => setTimeout(r, 300));
        await route.continue().catch(() => undefined);
      });
    }
    const runs = recordRuns(page);
    const typed = CODE + CALL;
    const cells = page.getByTestId("cell");
    for (const [i, delay] of DELAYS.entries()) {
      if (i > 0) {
        await page.keyboard.press("Escape");
        await page.keyboard.press("b");
        await expect(cells).toHaveCount(i + 1);
      }
      const cell = cells.nth(i);
      await cell.getByTestId("cell-code").click();
      await expect(cell.locator(".monaco-editor")).toBeVisible();
      await page.keyboard.type(CODE, { delay });
      // The call that prints is pasted in one input, after the typed part.
      await page.keyboard.insertText(CALL);
      expect(await editorText(page), `editor after typing at ${delay} ms per key`).toBe(typed);

      await page.keyboard.press("Control+Enter");
      await expect(cell.getByTestId("cell-output")).toContainText(EXPECTED_OUTPUT, { timeout: 60_000 });
      expect(runs, `sources run after typing at ${delay} ms per key`).toEqual(Array(i + 1).fill(typed));
    }
    await expect(page.getByTestId("save-state")).toHaveText("Saved");

    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.goto(`/notebooks/${id}`);
    for (const [i, delay] of DELAYS.entries()) {
      await cells.nth(i).getByTestId("cell-code").click();
      await expect(cells.nth(i).locator(".monaco-editor")).toBeVisible();
      expect(await editorText(page), `saved source of the cell typed at ${delay} ms per key`).toBe(typed);
      await page.keyboard.press("Escape");
    }
  });
}
