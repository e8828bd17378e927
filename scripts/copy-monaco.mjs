// Serves Monaco from our own origin: copies the installed monaco-editor's AMD build into public/.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const from = resolve(root, "node_modules/monaco-editor/min/vs");
const to = resolve(root, "public/monaco/vs");
const version = JSON.parse(readFileSync(resolve(root, "node_modules/monaco-editor/package.json"), "utf8")).version;
const stamp = resolve(root, "public/monaco/VERSION");
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== version) {
  cpSync(from, to, { recursive: true });
  cpSync(resolve(root, "node_modules/monaco-editor/package.json"), resolve(root, "public/monaco/package.json"));
  writeFileSync(stamp, version);
}
