// Starts Azurite's Blob service (Microsoft's Azure Storage emulator, installed from npm) on a
// loopback port with its data in `location`, for `npm start`, the tests and the benchmarks, and
// returns the connection string of its well-known development account. Azurite is a development
// dependency (it drags hundreds of packages in): a production install (`npm ci --omit=dev`) has
// none, and `npm start` then needs AZURE_STORAGE_CONNECTION_STRING for datasets.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
/** Azurite's published development account (documented by Microsoft; not a secret). */
const ACCOUNT = "devstoreaccount1";
const ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/** Said when no storage is configured and the emulator is not installed. */
export const AZURITE_MISSING = "Datasets are off: no Blob storage is configured (AZURE_STORAGE_CONNECTION_STRING) and the "
  + "embedded Azurite emulator is not installed (it is a development dependency: `npm ci` without --omit=dev installs it).";

/** Azurite's Blob server script as installed beside `from` (default: this repository), or null. */
export function findAzurite({ from = root } = {}) {
  try {
    return createRequire(join(from, "package.json")).resolve("azurite/dist/src/blob/main.js");
  } catch {
    return null;
  }
}

export function azuriteConnectionString(port) {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}

/**
 * `location`: its data folder (kept across restarts for `npm start`); `inMemory`: nothing on disk.
 * Resolves once it accepts connections; `stop()` ends it.
 */
export async function startAzurite({ port, location, inMemory = false, timeoutMs = 30_000 }) {
  const main = findAzurite();
  if (!main) throw new Error(AZURITE_MISSING);
  const args = [
    main, "--blobHost", "127.0.0.1", "--blobPort", String(port),
    // The SDK speaks a newer API version than Azurite 3.35 knows (STACK-NOTES); loose: ignore unsupported headers.
    "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
  ];
  if (inMemory) args.push("--inMemoryPersistence");
  else {
    mkdirSync(location, { recursive: true });
    args.push("--location", location);
  }
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  for (const s of [child.stdout, child.stderr]) s.on("data", (c) => (log = (log + String(c)).slice(-8000)));
  const stop = () => new Promise((r) => {
    if (child.exitCode !== null) return r();
    child.once("exit", r);
    child.kill("SIGTERM");
  });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  await waitForPort(port, child, () => log, timeoutMs).catch(async (e) => {
    await stop();
    throw e;
  });
  return {
    connectionString: azuriteConnectionString(port),
    async stop() {
      process.removeListener("exit", kill);
      await stop();
    },
  };
}

async function waitForPort(port, child, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited (code ${child.exitCode}):\n${log()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/${ACCOUNT}?comp=list`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`Azurite did not answer on port ${port} within ${timeoutMs / 1000} s:\n${log()}`);
}
