// Starts one of the repo's protocol test servers (Backend.AI manager, ML Server web node) as a
// child process through tsx, for the end-to-end run and the benchmarks: waits until it printed
// its settings (NAME=value lines), returns them, and `stop()` leaves no process behind.
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { freePort } from "./net.mjs";

const root = resolve(import.meta.dirname, "..");

/**
 * `main` is the server's entry (e.g. "test/backendai-server/main.ts"); `expect` names the settings
 * it prints before it is ready (e.g. ["BACKEND_ENDPOINT", "BACKEND_ACCESS_KEY"]).
 */
export async function startProtocolServer({ main, expect, args = [], timeoutMs = 30_000 }) {
  const port = await freePort();
  const child = spawn(join(root, "node_modules/.bin/tsx"), [join(root, main), "--port", String(port), ...args], {
    cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  let out = "";
  const settings = {};
  const ready = new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`${main} printed no ${expect.join(", ")} within ${timeoutMs / 1000} s:\n${out}`)), timeoutMs);
    const onData = (chunk) => {
      out += String(chunk);
      for (const m of out.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)) settings[m[1]] = m[2].trim();
      if (expect.every((k) => settings[k])) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c) => (out += String(c)));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${main} exited (code ${code}) before it was ready:\n${out}`));
    });
  });
  const kill = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  process.once("exit", kill);
  try {
    await ready;
  } catch (e) {
    kill();
    throw e;
  }
  const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
  return {
    settings,
    log: () => out,
    async stop() {
      process.removeListener("exit", kill);
      kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    },
  };
}
