// `node bench/vs-jupyter.mjs [--build]`: Kernelbook beside classic Jupyter Notebook 6.4 on the same
// IRkernel, in headless Chromium, rounds interleaved: Shift+Enter → output visible for `1+<n>`
// (printed with cat(), so both pages show it as text: IRkernel's rich display of a value is an HTML
// frame in Kernelbook and inline HTML in Jupyter);
// streaming lag (R prints a timestamp every 10 ms for 3 s: arrival in the page minus print time);
// a flood (5000 lines, time until its last line shows). Prints medians, p95 and ratios; asserts nothing.
// Needs Debian's classic notebook: apt-get install -y --no-install-recommends jupyter-notebook
// (not installed by .ci/run: benchmarks are not part of `npm test`).
import { randomUUID } from "node:crypto";
import { AppClient } from "./lib/app-client.mjs";
import { startApp } from "./lib/app-server.mjs";
import { signedInBrowser } from "./lib/browser.mjs";
import { ms, summary } from "./lib/stats.mjs";
import { startJupyterServer } from "../test/jupyter-server.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const STREAM_ROUNDS = Number(process.env.BENCH_STREAM_ROUNDS ?? 3);
const STREAM_CODE = 'for (i in 1:300) { cat(sprintf("T%.1f\\n", as.numeric(Sys.time()) * 1000)); Sys.sleep(0.01) }; cat("STREAM-", "END\\n", sep = "")'; // the end marker is not in the code
// Kernelbook shows a long stream's first 500 lines and a "Show all 5,001 lines" button: that is its done.
const FLOOD_DONE = "FLOOD-END|Show all 5,001 lines";
const FLOOD_CODE = 'for (i in 1:5000) cat(i, strrep("x", 80), "\\n"); cat("FLOOD-", "END\\n", sep = "")';

/** `1+n`, and the text that shows it is done. */
const sumOf = (n) => [`cat("V", 1+${n}, "\\n", sep = "")`, `V${1 + n}\\b`];

/** In the page: remembers when Shift+Enter went down, and watches the first cell's text. */
const PAGE_HELPERS = `
  window.__kbBench ??= (() => {
    document.addEventListener("keydown", (e) => { if (e.key === "Enter" && e.shiftKey) window.__kbBench.keyAt = performance.now(); }, true);
    const now = () => performance.timeOrigin + performance.now();
    return {
      keyAt: 0,
      arm(selector, endPattern) {
        const end = new RegExp(endPattern);
        const cell = () => document.querySelectorAll(selector)[0];
        const lags = [];
        this.result = new Promise((resolve) => {
          const check = () => {
            const text = cell()?.textContent ?? "";
            const stamps = [...text.matchAll(/T(\\d{13}\\.\\d)/g)];
            for (let i = lags.length; i < stamps.length; i++) lags.push(now() - Number(stamps[i][1]));
            if (end.test(text)) { observer.disconnect(); resolve({ at: performance.now(), lags }); }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      },
    };
  })();`;

const sides = {
  async kernelbook(app, client, browser) {
    const nb = await client.mutation("notebook.create", { title: `bench: vs jupyter ${randomUUID().slice(0, 8)}` });
    await client.mutation("kernel.choose", { notebookId: nb.id, provider: "jupyter", spec: "ir" });
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/notebooks/${nb.id}`);
    const selector = '[data-testid="cell"]';
    const setCode = async (code) => {
      const cell = page.getByTestId("cell").first();
      const editor = cell.locator(".monaco-editor");
      if (!(await editor.isVisible())) await cell.getByTestId("cell-code").click();
      await editor.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(code);
    };
    return { name: "Kernelbook", page, selector, setCode };
  },
  async jupyter(jupyter, browser) {
    const name = `bench-${randomUUID().slice(0, 8)}.ipynb`;
    const content = { cells: [{ cell_type: "code", source: "", metadata: {}, outputs: [], execution_count: null }], metadata: { kernelspec: { name: "ir", display_name: "R", language: "R" } }, nbformat: 4, nbformat_minor: 4 };
    const res = await fetch(`${jupyter.url}/api/contents/${name}`, { method: "PUT", headers: { Authorization: `token ${jupyter.token}`, "Content-Type": "application/json" }, body: JSON.stringify({ type: "notebook", content }) });
    if (!res.ok) throw new Error(`could not create the Jupyter notebook: ${res.status}`);
    const page = await browser.context.newPage();
    await page.goto(`${jupyter.url}/notebooks/${name}?token=${jupyter.token}`);
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 60_000 });
    const setCode = (code) => page.evaluate((code) => {
      const nb = window.Jupyter.notebook;
      nb.select(0);
      const cell = nb.get_cell(0);
      cell.set_text(code);
      nb.edit_mode();
      cell.code_mirror.focus();
    }, code);
    return { name: "Jupyter", page, selector: "#notebook-container .cell", setCode };
  },
};

/** One Shift+Enter of `code` in the first cell; resolves with the key-to-`endPattern` time and stream lags. */
async function runOnce(side, code, endPattern) {
  await side.setCode(code);
  await side.page.evaluate(PAGE_HELPERS);
  await side.page.evaluate(([s, t]) => window.__kbBench.arm(s, t), [side.selector, endPattern]);
  await side.page.keyboard.press("Shift+Enter");
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`${side.name}: /${endPattern}/ not shown within 90 s`)), 90_000));
  const { at, lags } = await Promise.race([side.page.evaluate(() => window.__kbBench.result), timeout]);
  const keyAt = await side.page.evaluate(() => window.__kbBench.keyAt);
  return { ms: at - keyAt, lags };
}

function line(label, kb, ju, unit = "ms") {
  const f = (v) => (unit === "ms" ? ms(v) : v.toFixed(0));
  console.log(`${label.padEnd(34)} Kernelbook ${f(kb.median)} / p95 ${f(kb.p95)}   Jupyter ${f(ju.median)} / p95 ${f(ju.p95)}   ratio ${(kb.median / ju.median).toFixed(2)}x (p95 ${(kb.p95 / ju.p95).toFixed(2)}x)`);
}

async function main() {
  const app = await startApp({ build: process.argv.includes("--build") });
  const jupyter = await startJupyterServer({ command: "jupyter-notebook" });
  try {
    const client = new AppClient(app.url);
    await client.signUpAndIn(`bench-${Date.now()}@bench.local`, "quiet-Harbor-ledger-47");
    const browser = await signedInBrowser(app.url, client);
    const kb = await sides.kernelbook(app, client, browser);
    const ju = await sides.jupyter(jupyter, browser);
    const both = [["kb", kb], ["ju", ju]];
    for (const [, side] of both) for (let i = 0; i < 3; i++) await runOnce(side, ...sumOf(i)); // warm-up (kernel start)

    const rt = { kb: [], ju: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const [key, side] of r % 2 ? [...both].reverse() : both) rt[key].push((await runOnce(side, ...sumOf(100 + r))).ms);
    }
    const lag = { kb: [], ju: [] };
    for (let r = 0; r < STREAM_ROUNDS; r++) {
      for (const [key, side] of r % 2 ? [...both].reverse() : both) lag[key].push(...(await runOnce(side, STREAM_CODE, "STREAM-END")).lags);
    }
    const flood = { kb: [], ju: [] };
    for (let r = 0; r < 3; r++) {
      for (const [key, side] of r % 2 ? [...both].reverse() : both) flood[key].push((await runOnce(side, FLOOD_CODE, FLOOD_DONE)).ms);
    }
    console.log(`\n== Kernelbook vs classic Jupyter Notebook 6.4, same IRkernel, headless Chromium (interleaved)`);
    line(`Shift+Enter → output, 1+n (x${ROUNDS})`, summary(rt.kb), summary(rt.ju));
    line(`streaming lag (${lag.kb.length}/${lag.ju.length} lines)`, summary(lag.kb), summary(lag.ju));
    line("flood 5000 lines → all arrived", summary(flood.kb), summary(flood.ju));
    await browser.browser.close();
  } finally {
    await jupyter.stop();
    await app.stop();
  }
}

await main();
