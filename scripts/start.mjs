// `npm start`: runs Kernelbook with embedded defaults for whatever is not configured (PostgreSQL
// via PGlite and Azurite under .data/, generated secrets), applies migrations, builds once, serves.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { deploy } from "./migrate.mjs";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { AZURITE_MISSING, findAzurite, startAzurite } from "./azurite.mjs";

const root = resolve(import.meta.dirname, "..");
const dataDir = resolve(root, process.env.KB_DATA_DIR ?? ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const nextBin = join(root, "node_modules/next/dist/bin/next");

function sessionSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(dataDir, "secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** The key sealing users' stored Backend.AI / ML Server logins: CREDENTIALS_KEY, else kept in .data. */
function credentialsKey() {
  if (process.env.CREDENTIALS_KEY) return process.env.CREDENTIALS_KEY;
  const file = join(dataDir, "credentials-key");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function newestSourceMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const buildId = join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "server", "generated"].some((d) => existsSync(join(root, d)) && newestSourceMtime(join(root, d)) > built);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  let embedded = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, "pglite"), port: Number(process.env.KB_PGLITE_PORT ?? 5499) });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) on ${databaseUrl.replace(/:[^:@/]+@/, ":***@")}, data in ${join(dataDir, "pglite")}`);
  }
  let azurite = null;
  const storage = {};
  const storageConfigured = Boolean(process.env.AZURE_STORAGE_CONNECTION_STRING || process.env.AZURE_STORAGE_ACCOUNT_URL);
  if (!storageConfigured && !findAzurite()) {
    console.warn(AZURITE_MISSING); // everything but datasets works; the Datasets page says they are unavailable
  } else if (!storageConfigured) {
    const azuritePort = Number(process.env.KB_AZURITE_PORT ?? 10000);
    azurite = await startAzurite({ port: azuritePort, location: join(dataDir, "azurite") });
    storage.AZURE_STORAGE_CONNECTION_STRING = azurite.connectionString;
    console.log(`Embedded Azure Blob Storage (Azurite) on http://127.0.0.1:${azuritePort}, data in ${join(dataDir, "azurite")}`);
  }
  const applied = await deploy(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: sessionSecret(), CREDENTIALS_KEY: credentialsKey(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
    KB_INSTANCE_ID: process.env.KB_INSTANCE_ID ?? `${hostname()}:${port}`, NEXT_TELEMETRY_DISABLED: "1", ...storage,
  };
  if (!dev && needsBuild()) {
    console.log("Building Kernelbook (first start or changed sources)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port), "-H", host], { cwd: root, env, stdio: ["inherit", "pipe", "inherit"] });
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    if (/Ready in|started server|✓ Ready/i.test(String(chunk))) console.log(`\nKernelbook is running at ${url}\n`);
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code) => {
    await embedded?.stop().catch(() => {});
    await azurite?.stop().catch(() => {});
    process.exit(code ?? 0);
  });
}

await main();
