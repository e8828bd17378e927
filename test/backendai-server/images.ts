// Why: which image references the test manager knows, and which language each one runs (spec §10).
import type { KernelLang } from "./kernel";

const R_NAMES = new Set(["r-base", "kernel-r", "r", "rscript", "mro", "r-mro", "microsoft-r-open"]);
const PY_NAMES = new Set(["python", "kernel-python", "python-cntk", "python-ff"]);

/** Resolves an image reference or alias ("R", "lablup/r-base:4.2.3", "lablup/kernel-r:mro-3.4.2-ubuntu"). */
export function resolveImage(ref: string): KernelLang | null {
  const last = ref.split("/").pop() ?? "";
  const name = last.split(":")[0].toLowerCase();
  if (R_NAMES.has(name) || ref.toLowerCase() === "microsoft r open") return "r";
  if (PY_NAMES.has(name)) return "python";
  return null;
}

export function registryOf(ref: string): string {
  const parts = ref.split("/");
  return parts.length > 2 ? parts[0] : "index.docker.io";
}
