// `npm test`: every test in one run. The typecheck (tsc --noEmit), unit + integration (Vitest, real PostgreSQL, real Jupyter
// server with IRkernel), then one `next build` and Playwright end-to-end in Debian's Chromium
// against the app, configured with a Jupyter server and the Backend.AI and ML Server protocol test
// servers of its own. Prints one total line.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { createTestDatabase, dropTestDatabase } from "../test/test-database.mjs";
import { startJupyterServer } from "../test/jupyter-server.mjs";
import { freePort, waitForHttp } from "../test/net.mjs";
import { startProtocolServer } from "../test/protocol-server.mjs";
import { startAzurite } from "./azurite.mjs";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules/.bin", name);
const only = process.argv[2]; // "unit" | "e2e" | undefined (all)
/** `npm test -- e2e e2e/some.spec.ts`: the rest is handed to Playwright (or Vitest) as is. */
const passThrough = process.argv.slice(3);

function run(cmd, args, env, options = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: options.stdio ?? "inherit" });
    child.on("exit", (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

function countsFrom(file, pick) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  try { return pick(JSON.parse(readFileSync(file, "utf8"))); } catch { return { passed: 0, failed: 1, skipped: 0 }; }
}

const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) });
const playwrightCounts = (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + (r.stats.flaky ?? 0), skipped: r.stats.skipped });

async function e2e(env) {
  const build = await run(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], env);
  if (build !== 0) return build;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const jupyter = await startJupyterServer();
  // Backend.AI without a service keypair: the journeys store the test keypair in Settings first.
  const backendai = await startProtocolServer({ main: "test/backendai-server/main.ts", expect: ["BACKEND_ENDPOINT", "BACKEND_ACCESS_KEY", "BACKEND_SECRET_KEY"] });
  // ML Server likewise without a service login: the journey stores the test user's login first.
  // Blob storage for datasets: Azurite, in memory, CORS set by the app for its own origin.
  const azurite = await startAzurite({ port: await freePort(), inMemory: true });
  const mlserver = await startProtocolServer({ main: "test/mlserver-server/main.ts", expect: ["MLSERVER_URL", "MLSERVER_USERNAME", "MLSERVER_PASSWORD"] });
  const appEnv = {
    ...env, PORT: String(port), NEXTAUTH_URL: url, KB_INSTANCE_ID: `test:${port}`,
    JUPYTER_URL: jupyter.url, JUPYTER_TOKEN: jupyter.token, BACKEND_ENDPOINT: backendai.settings.BACKEND_ENDPOINT,
    MLSERVER_URL: mlserver.settings.MLSERVER_URL, AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    // The admin journey signs up as this address; every other account is an ordinary user.
    ADMIN_EMAILS: "admin@e2e.local",
  };
  const e2eEnv = {
    ...appEnv, E2E_BASE_URL: url,
    E2E_BACKEND_ACCESS_KEY: backendai.settings.BACKEND_ACCESS_KEY, E2E_BACKEND_SECRET_KEY: backendai.settings.BACKEND_SECRET_KEY,
    E2E_ADMIN_EMAIL: "admin@e2e.local", E2E_MLSERVER_USERNAME: mlserver.settings.MLSERVER_USERNAME, E2E_MLSERVER_PASSWORD: mlserver.settings.MLSERVER_PASSWORD,
  };
  const app = spawn(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, env: appEnv, stdio: ["ignore", "pipe", "pipe"],
  });
  const log = [];
  for (const s of [app.stdout, app.stderr]) s.on("data", (c) => log.push(String(c)));
  try {
    await waitForHttp(`${url}/sign-in`, 60_000);
    let code = await run(bin("playwright"), ["test", ...(only === "e2e" ? passThrough : [])], e2eEnv);
    if (code !== 0) console.log(`\n--- app server log ---\n${log.join("").slice(-20_000)}`);
    // Every exchange the app had with the ML Server test server must be valid against the swagger
    // (it prints violations twice a second).
    await new Promise((r) => setTimeout(r, 700));
    const violations = mlserver.log().split("\n").filter((l) => l.startsWith("swagger violation"));
    if (violations.length > 0) {
      console.log(`\n--- ML Server exchanges that break mlserver-swagger-9.3.0.json ---\n${violations.join("\n")}`);
      code ||= 1;
    }
    return code;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode === null ? app.once("exit", r) : r()));
    await jupyter.stop();
    await backendai.stop();
    await mlserver.stop();
    await azurite.stop();
  }
}

async function main() {
  rmSync(join(root, ".reports"), { recursive: true, force: true }); // never count a previous run
  mkdirSync(join(root, ".reports"), { recursive: true });
  const database = await createTestDatabase("kb_test");
  const env = {
    ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "test-secret-test-secret-test-secret",
    CREDENTIALS_KEY: randomBytes(32).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production",
  };
  // The typecheck first (about 15 s): a type error fails the run before any test starts up.
  const typeCode = only ? 0 : await run(bin("tsc"), ["--noEmit", "--incremental", "false"], env);
  if (typeCode !== 0) console.log("\ntsc --noEmit found type errors (above)");
  let unitCode = 0;
  let e2eCode = 0;
  try {
    if (only !== "e2e") {
      unitCode = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile.json=.reports/vitest.json", ...(only === "unit" ? passThrough : [])], { ...env, NODE_ENV: "test" });
    }
    if (only !== "unit") e2eCode = await e2e(env);
  } finally {
    await dropTestDatabase(database.name).catch((e) => console.warn("could not drop test database", e));
  }
  const parts = [
    only !== "e2e" ? countsFrom(join(root, ".reports/vitest.json"), vitestCounts) : null,
    only !== "unit" ? countsFrom(join(root, ".reports/e2e.json"), playwrightCounts) : null,
  ].filter(Boolean);
  const total = parts.reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped }));
  const failed = total.failed + (typeCode !== 0 ? 1 : 0) + (unitCode !== 0 && total.failed === 0 ? 1 : 0) + (e2eCode !== 0 && total.failed === 0 ? 1 : 0);
  console.log(`\n${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
  process.exit(typeCode || unitCode || e2eCode ? 1 : 0);
}

await main();
