// The page says when live output cannot reach it (a "Reconnecting…" banner while the app server is
// down, gone when it is back), and words an idle shutdown as such: in the toolbar, and in the next
// run's cell, which started a new kernel without the old variables. Runs its own app server (the
// same build and database) so it can stop it, with a 6-second idle timeout.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { freePort, waitForHttp } from "../test/net.mjs";
import { createNotebook, signUp, typeInCell, uniqueEmail } from "./helpers";

const root = join(import.meta.dirname, "..");

async function startApp(port: number): Promise<ChildProcess> {
  const url = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: url, KB_INSTANCE_ID: `e2e-own:${port}`, KERNEL_IDLE_TIMEOUT_MINUTES: "0.1" },
    stdio: "ignore",
    detached: true, // its own process group: `next start` runs the server (and kernels) in child processes
  });
  await waitForHttp(`${url}/sign-in`, 60_000);
  return app;
}

/** Stops the whole app at once, as a crash or a killed container would (no graceful close). */
async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.pid === undefined) return;
  const exited = new Promise((r) => app.once("exit", r));
  process.kill(-app.pid, "SIGKILL");
  await exited;
}

/** A page whose relative URLs go to this spec's own app server. */
async function ownPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
  return context.newPage();
}

let port = 0;
let app: ChildProcess | null = null;

test.beforeAll(async () => {
  port = (await freePort()) as number;
  app = await startApp(port);
});

test.afterAll(async () => {
  if (app) await stopApp(app);
});

test("a reconnecting banner shows while the server is down and goes when it is back", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await ownPage(browser);
  await signUp(page, uniqueEmail("conn"));
  await createNotebook(page);
  await typeInCell(page, 0, 'cat("before the cut\\n")');
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("cell").first().getByTestId("cell-output")).toContainText("before the cut", { timeout: 60_000 });
  await expect(page.getByTestId("connection-banner")).toHaveCount(0);

  await stopApp(app!);
  await expect(page.getByTestId("connection-banner")).toContainText("Reconnecting…");
  app = await startApp(port);
  await expect(page.getByTestId("connection-banner")).toHaveCount(0, { timeout: 30_000 });
});

test("an idle shutdown is worded as such, and the next run says it started a new kernel", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await ownPage(browser);
  await signUp(page, uniqueEmail("idle"));
  await createNotebook(page);
  await typeInCell(page, 0, "x <- 42; cat('x is', x, '\\n')");
  await page.keyboard.press("Control+Enter");
  const first = page.getByTestId("cell").first();
  await expect(first.getByTestId("cell-output")).toContainText("x is 42", { timeout: 60_000 });

  await expect(page.getByTestId("kernel-status")).toHaveText("stopped (idle)", { timeout: 30_000 });
  await expect(page.getByTestId("kernel-idle-stopped")).toHaveText(
    "Kernel stopped after 6 s idle — variables cleared; the next run starts a new kernel.",
  );

  await typeInCell(page, 0, "cat(exists('x'), '\\n')");
  await page.keyboard.press("Control+Enter");
  await expect(first.getByTestId("output-notice")).toContainText("Started a new kernel: the previous one stopped after being idle", { timeout: 60_000 });
  await expect(first.getByTestId("stream-stdout")).toContainText("FALSE");
  await page.reload();
  await expect(page.getByTestId("cell").first().getByTestId("output-notice")).toContainText("Variables from earlier runs are gone");
});
