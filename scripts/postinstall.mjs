// Makes a plain `npm ci` produce a working tree: generates the Prisma client (offline: the CLI's
// engine download is skipped by pointing it at an existing file) and copies Monaco into public/.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
execFileSync(process.execPath, [resolve(root, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
await import("./copy-monaco.mjs");
