// How a Jupyter server's kernelspecs and kernel_info read in Kernelbook: the specs offered (R and
// Python ones), the one started by default, and the runtime line shown beside the kernel.
import type { KernelSpec, KernelStatus } from "../../types";
import type { KernelInfo, KernelSpecs } from "./schemas";

/** The server's R and Python kernel specs, R first, e.g. "R (IRkernel) — Jupyter". */
export function toKernelSpecs(specs: KernelSpecs): KernelSpec[] {
  const offered: KernelSpec[] = [];
  for (const [name, { spec }] of Object.entries(specs.kernelspecs)) {
    const language = spec.language.toLowerCase();
    if (language !== "r" && language !== "python") continue;
    const irkernel = (spec.argv ?? []).some((arg) => arg.includes("IRkernel")) && !spec.display_name.includes("IRkernel");
    offered.push({ name, displayName: `${spec.display_name}${irkernel ? " (IRkernel)" : ""} — Jupyter`, language });
  }
  return offered.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The spec `start` uses when none is named: the first R spec, else the server's default. */
export function defaultSpecName(specs: KernelSpecs): string | undefined {
  const r = toKernelSpecs(specs).find((spec) => spec.language === "r");
  if (r) return r.name;
  if (specs.default && specs.kernelspecs[specs.default]) return specs.default;
  return Object.keys(specs.kernelspecs)[0];
}

/** "R 4.2.2 (IRkernel)" from a kernel_info_reply. */
export function describeRuntime(info: KernelInfo): string {
  const { name, version } = info.language_info;
  const language = [name, version].filter(Boolean).join(" ");
  return info.implementation ? `${language} (${info.implementation})` : language || "Jupyter kernel";
}

/** A kernel's execution_state as the Jupyter REST API reports it. */
export function fromExecutionState(state: string | undefined): KernelStatus {
  switch (state) {
    case "idle":
    case "busy":
    case "dead":
      return state;
    default:
      // "starting", "restarting", "autorestarting" and servers that do not say.
      return "starting";
  }
}

function rank(spec: KernelSpec): number {
  return spec.language === "r" ? 0 : 1;
}
