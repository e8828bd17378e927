// Notebook open time in headless Chromium: from navigation to the first cell being interactive
// (rendered, hydrated, a click enters edit mode), for a generated 200-cell notebook with outputs and a 1-cell one.
import { randomUUID } from "node:crypto";
import { signedInBrowser } from "./lib/browser.mjs";
import { summary } from "./lib/stats.mjs";

const ROUNDS = 7;

async function makeNotebook(client, cellCount) {
  const nb = await client.mutation("notebook.create", { title: `bench: ${cellCount} cells` });
  const loaded = await client.query("notebook.get", { id: nb.id });
  const cells = Array.from({ length: cellCount }, (_, i) => ({
    id: i === 0 ? loaded.cells[0].id : randomUUID(), kind: "code",
    source: `# cell ${i}\nx${i} <- rnorm(20)\nsummary(x${i})\nhead(data.frame(a = x${i}, b = x${i} * 2), 3)`,
  }));
  await client.mutation("notebook.save", { id: nb.id, version: loaded.version, cells });
  let remaining = cellCount;
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  const close = await client.openEventStream(nb.id, loaded.lastEventId, (e) => {
    if (e.event.type === "status" && !["queued", "running"].includes(e.event.status) && --remaining === 0) resolveDone();
  });
  await client.mutation("execution.run", { notebookId: nb.id, cells: cells.map((c) => ({ cellId: c.id, source: c.source })) });
  await done;
  close();
  await client.mutation("kernel.shutdown", { notebookId: nb.id });
  return nb.id;
}

async function timeOpen(context, url) {
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  const first = page.locator('[data-testid="cell"]').first();
  // Interactive = a click on the first cell is handled (it enters edit mode); clicks that land
  // before hydration do nothing, so click until one takes.
  for (;;) {
    await first.locator('[data-testid="cell-code"]').click({ timeout: 30_000 });
    if (await first.getAttribute("data-editing", { timeout: 30_000 }) === "true") break;
    if (Date.now() - t0 > 30_000) throw new Error("the first cell never became interactive");
    await page.waitForTimeout(10);
  }
  const interactive = Date.now() - t0;
  const t1 = Date.now();
  await first.locator(".monaco-editor").waitFor({ timeout: 30_000 });
  const editor = Date.now() - t1;
  await page.close();
  return { interactive, editor };
}

export async function benchNotebookOpen(client, baseUrl) {
  const small = await makeNotebook(client, 1);
  const large = await makeNotebook(client, 200);
  const { browser, context } = await signedInBrowser(baseUrl, client);
  try {
    await timeOpen(context, `${baseUrl}/notebooks/${small}`); // warm the server's route and the browser cache
    const s = [], l = [], e = [];
    for (let i = 0; i < ROUNDS; i++) {
      s.push((await timeOpen(context, `${baseUrl}/notebooks/${small}`)).interactive);
      const r = await timeOpen(context, `${baseUrl}/notebooks/${large}`);
      l.push(r.interactive);
      e.push(r.editor);
    }
    return { small: summary(s), large: summary(l), editor: summary(e) };
  } finally {
    await browser.close();
  }
}
