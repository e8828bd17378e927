// Starts Debian's jupyter-server (with IRkernel) on a free loopback port, with a random token and
// its own temp dir, for integration tests and the end-to-end run; `stop()` shuts its kernels and
// the server down and leaves no process behind. Plain .mjs so scripts/*.mjs can import it too.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { freePort } from "./net.mjs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOG_KEEP = 16 * 1024;

export async function startJupyterServer({ timeoutMs = 60_000, command = "jupyter-server" } = {}) {
  const dir = await mkdtemp(join(tmpdir(), "kb-jupyter-"));
  const runtimeDir = join(dir, "runtime");
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(command, [
    "--no-browser", "--ip=127.0.0.1", `--port=${port}`, "--port-retries=0", "--allow-root", `--ServerApp.root_dir=${dir}`,
    // Only IRkernel: a machine with Python kernels installed (python3-ipykernel) must not change what
    // the tests see in the kernel picker.
    "--KernelSpecManager.ensure_native_kernel=False", "--KernelSpecManager.allowed_kernelspecs=ir",
  ], {
    cwd: dir,
    // The token goes through the environment (jupyter-server reads JUPYTER_TOKEN), not argv: `ps` shows argv.
    env: { ...process.env, JUPYTER_TOKEN: token, JUPYTER_RUNTIME_DIR: runtimeDir, JUPYTER_CONFIG_DIR: join(dir, "config") },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  const keep = (chunk) => (log = (log + String(chunk)).slice(-LOG_KEEP));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  child.once("error", (error) => keep(`\n${error.message}\n`));
  const onExit = () => killEverything(child.pid, dir);
  process.once("exit", onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await shutdownKernels(url, token).catch(() => undefined);
    await stopProcess(child, exited);
    killStragglers(runtimeDir);
    process.removeListener("exit", onExit);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForServer(url, token, exited, timeoutMs);
  } catch (error) {
    await stop();
    const tail = log.split(token).join("***").slice(-4000);
    throw new Error(`jupyter-server did not start: ${error.message}\n--- its log ---\n${tail}`);
  }
  return { url, token, stop };
}

async function waitForServer(url, token, exited, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let gone = null;
  void exited.then((how) => (gone = how));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`it exited (code ${gone.code}, signal ${gone.signal})`);
    try {
      const response = await fetch(`${url}/api/status`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer at ${url}/api/status within ${timeoutMs / 1000} s`);
}

/** Shuts down every kernel through the API (IRkernel does not exit when its server dies). */
async function shutdownKernels(url, token) {
  const headers = { Authorization: `token ${token}` };
  const response = await fetch(`${url}/api/kernels`, { headers, signal: AbortSignal.timeout(5000) });
  if (!response.ok) return;
  const kernels = await response.json();
  await Promise.all(kernels.map((k) =>
    fetch(`${url}/api/kernels/${encodeURIComponent(k.id)}`, { method: "DELETE", headers, signal: AbortSignal.timeout(10_000) }).catch(() => undefined)));
}

async function stopProcess(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  signalGroup(child.pid, "SIGTERM");
  const done = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
  if (!done) {
    signalGroup(child.pid, "SIGKILL");
    await exited;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills, by pid, kernel processes of this server still alive: their argv names its runtime dir. */
function killStragglers(runtimeDir) {
  let pids = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return; // no /proc: nothing more we can find
  }
  for (const pid of pids) {
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmdline.includes(runtimeDir)) continue;
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // exited meanwhile
    }
  }
}

/** Last resort when the test process exits without `stop()`: synchronous, so it runs in "exit". */
function killEverything(pid, dir) {
  if (pid) signalGroup(pid, "SIGKILL");
  killStragglers(join(dir, "runtime"));
  rmSync(dir, { recursive: true, force: true });
}
