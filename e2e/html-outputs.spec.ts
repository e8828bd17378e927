// IRkernel's HTML outputs drawn at their content's height (#14 item 1): a short vector leaves no
// empty box, framed HTML (styles) is as tall as its content, a 60-row table is fully visible with no
// inner scrollbar, and no remote image (tracking pixel) loads, inline or framed.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

async function run(page: Page, index: number, code: string): Promise<Locator> {
  await typeInCell(page, index, code);
  await page.keyboard.press("Shift+Enter");
  const output = page.getByTestId("cell").nth(index).getByTestId("cell-output");
  await expect(output).toBeVisible({ timeout: 40_000 });
  return output;
}

const height = async (l: Locator) => (await l.boundingBox())?.height ?? Number.NaN;

test("HTML outputs are sized to their content and load nothing remote", async ({ page }) => {
  test.setTimeout(150_000);
  const hits: string[] = [];
  const pixels: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    res.end();
  });
  await new Promise<void>((r) => pixels.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(pixels.address() as AddressInfo).port}`;
  try {
    await signUp(page, uniqueEmail("html-out"));
    await createNotebook(page);
    await page.getByTestId("kernel-picker").selectOption("jupyter:ir");

    // A short vector: one line of text, and the output box is no taller than that line.
    const vector = await run(page, 0, "1:3");
    const text = vector.getByTestId("output-text");
    await expect(text).toHaveText("[1] 1 2 3");
    const textHeight = await height(text);
    expect(textHeight).toBeLessThan(24);
    expect(Math.abs((await height(vector)) - textHeight - 8)).toBeLessThanOrEqual(3); // the area's 6 + 2 px padding

    // HTML with a style sheet: a sandboxed frame as tall as its content.
    const styled = await run(page, 1, 'IRdisplay::display_html("<style>b{color:teal}</style><b>styled</b> output")');
    const frameBox = styled.locator("[data-sized='true']");
    await expect(frameBox).toHaveCount(1);
    const frameEl = styled.getByTestId("output-html");
    await expect(frameEl).toHaveAttribute("sandbox", "allow-scripts");
    const frame = await (await frameEl.elementHandle())!.contentFrame();
    const content = await frame!.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom + 4));
    expect(Math.abs((await height(frameBox)) - content)).toBeLessThanOrEqual(3);
    expect(await height(frameBox)).toBeLessThan(40);

    // A 60-row table: inline, every row inside the output, nothing scrolls inside it.
    const table = await run(page, 2,
      'IRdisplay::display_html(paste0("<table>", paste0("<tr><td>row ", 1:60, "</td></tr>", collapse = ""), "</table>"))');
    const inline = table.getByTestId("output-html-inline");
    await expect(inline.locator("td")).toHaveCount(60);
    const box = await inline.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    const [outer, last] = [await inline.boundingBox(), await inline.locator("td").last().boundingBox()];
    expect(last!.y + last!.height).toBeLessThanOrEqual(outer!.y + outer!.height);
    await inline.locator("td").last().scrollIntoViewIfNeeded();
    await expect(inline.locator("td").last()).toBeInViewport();

    // Remote images and CSS backgrounds, inline and framed: none is requested.
    const pixelCode = [
      `IRdisplay::display_html('<p>inline pixel <img src="${origin}/inline.gif"><span style="background:url(${origin}/inline-css.gif)">x</span></p>')`,
      `IRdisplay::display_html('<style>p{background:url(${origin}/frame-css.gif)}</style><p>framed pixel <img src="${origin}/frame.gif"></p>')`,
    ].join("\n");
    const remote = await run(page, 3, pixelCode);
    await expect(remote.getByTestId("output-html-inline")).toContainText("inline pixel");
    await expect(remote.locator("[data-sized='true']")).toHaveCount(1);
    await page.waitForTimeout(1_000);
    expect(hits).toEqual([]);
  } finally {
    pixels.close();
  }
});
