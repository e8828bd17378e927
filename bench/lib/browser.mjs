// Headless Debian Chromium for benchmarks, with a context signed in as the benchmark's AppClient.
import { chromium } from "@playwright/test";

export async function signedInBrowser(baseUrl, client) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const context = await browser.newContext();
  const host = new URL(baseUrl).hostname;
  await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, domain: host, path: "/" })));
  return { browser, context };
}
