// Starts a built Kernelbook on a free port against a throw-away database, for benchmarks.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTestDatabase, dropTestDatabase } from "../../test/test-database.mjs";
import { startJupyterServer } from "../../test/jupyter-server.mjs";
import { startProtocolServer } from "../../test/protocol-server.mjs";
import { startAzurite } from "../../scripts/azurite.mjs";
import { freePort, waitForHttp } from "../../test/net.mjs";

const root = resolve(import.meta.dirname, "../..");
const nextBin = join(root, "node_modules/next/dist/bin/next");

export async function startApp({ build }) {
  const database = await createTestDatabase("kb_bench");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const jupyter = await startJupyterServer();
  const backendai = await startProtocolServer({ main: "test/backendai-server/main.ts", expect: ["BACKEND_ENDPOINT", "BACKEND_ACCESS_KEY", "BACKEND_SECRET_KEY"] });
  // Datasets: Azurite with its data on disk (a 1 GiB upload would sit in RAM otherwise).
  const azuriteDir = await mkdtemp(join(tmpdir(), "kb-bench-azurite-"));
  const azurite = await startAzurite({ port: await freePort(), location: azuriteDir });
  const mlserver = await startProtocolServer({ main: "test/mlserver-server/main.ts", expect: ["MLSERVER_URL", "MLSERVER_USERNAME", "MLSERVER_PASSWORD"] });
  const env = {
    ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench", NEXTAUTH_URL: url,
    NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", KB_INSTANCE_ID: `bench:${port}`,
    JUPYTER_URL: jupyter.url, JUPYTER_TOKEN: jupyter.token, ...backendai.settings, ...mlserver.settings,
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
  };
  if (build || !existsSync(join(root, ".next/BUILD_ID"))) {
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (r.status !== 0) throw new Error("next build failed");
  }
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  await waitForHttp(`${url}/sign-in`, 60_000);
  return {
    url, pid: child.pid, jupyter, backendai: backendai.settings, mlserver: mlserver.settings, storage: azurite.connectionString,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      await jupyter.stop();
      await backendai.stop();
      await mlserver.stop();
      await azurite.stop();
      await rm(azuriteDir, { recursive: true, force: true });
      await dropTestDatabase(database.name);
    },
  };
}

/** Resident memory (MiB) of a process and all its descendants, from /proc. */
export function treeRssMiB(pid) {
  const out = spawnSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout;
  const rows = out.trim().split("\n").map((l) => l.trim().split(/\s+/).map(Number));
  const members = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of rows) if (members.has(pp) && !members.has(p)) { members.add(p); grew = true; }
  }
  return rows.filter(([p]) => members.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

/** CPU seconds (user + system) used so far by this process's descendants whose command line matches. */
export function descendantsCpuSeconds(match) {
  const out = spawnSync("ps", ["-e", "-o", "pid=,ppid=,times=,args="], { encoding: "utf8" }).stdout;
  const rows = out.trim().split("\n").map((l) => {
    const [pid, ppid, times, ...args] = l.trim().split(/\s+/);
    return { pid: Number(pid), ppid: Number(ppid), seconds: Number(times), args: args.join(" ") };
  });
  const members = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) if (members.has(r.ppid) && !members.has(r.pid)) { members.add(r.pid); grew = true; }
  }
  return rows.filter((r) => r.pid !== process.pid && members.has(r.pid) && match.test(r.args)).reduce((sum, r) => sum + r.seconds, 0);
}
