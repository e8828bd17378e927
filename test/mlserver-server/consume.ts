// Why: POST /api/{name}/{version} (§4): a stateless run of a published service in a fresh shell
// (snapshot loaded, initCode, code) with JSON inputs, answering the WebServiceResult model.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { MlApiError } from "./errors";
import { runAndDiff, withLineEnding } from "./execute";
import type { Faults } from "./faults";
import { Kernel } from "./kernel";
import type { ParameterType } from "./r-literal";
import type { WebService } from "./services";
import type { SnapshotStore } from "./snapshots";

export type WebServiceResult = {
  success: boolean;
  errorMessage: string;
  consoleOutput: string;
  changedFiles: string[];
  outputParameters: Record<string, unknown>;
  outputFiles: Record<string, string>;
};

const SCALAR_TYPES: ParameterType[] = ["logical", "numeric", "integer", "character"];

/** R writes length-1 vectors as scalars; the declared type decides the JSON shape. */
function shapeOutput(value: unknown, type: ParameterType): unknown {
  if (type === "vector" && value !== null && !Array.isArray(value)) return [value];
  if (SCALAR_TYPES.includes(type) && Array.isArray(value) && value.length === 1) return value[0];
  return value;
}

export async function consumeService(opts: { service: WebService; inputs: Record<string, unknown>; snapshots: SnapshotStore; faults: Faults; root: string }): Promise<WebServiceResult> {
  const { service, faults } = opts;
  if (faults.busy503) throw new MlApiError("BUSY", "Server busy: no free shell on the compute node.", { shape: "empty" });
  const dir = mkdtempSync(join(opts.root, "consume-"));
  const kernel = new Kernel({ runtime: service.runtime, workDir: join(dir, "wd"), ctlDir: join(dir, "ctl") });
  try {
    await kernel.ready;
    if (service.snapshot) await opts.snapshots.loadInto(kernel, service.snapshot);
    let console = "";
    const onOutput = (t: string) => (console += t);
    const init = service.initCode ? await runAndDiff({ kernel, code: service.initCode, inputs: [], outputs: [], onOutput }) : undefined;
    const inputs = service.inputs.filter((d) => d.name in opts.inputs).map((d) => ({ name: d.name, value: opts.inputs[d.name], type: d.type }));
    const run = init && !init.success ? init : await runAndDiff({ kernel, code: service.code, inputs, outputs: service.outputs.map((o) => o.name), onOutput });
    const types = new Map(service.outputs.map((o) => [o.name, o.type]));
    const outputFiles = Object.fromEntries(
      service.outputFileNames.filter((f) => existsSync(join(kernel.workDir, f))).map((f) => [f, readFileSync(join(kernel.workDir, f)).toString("base64")]),
    );
    return {
      success: run.success,
      errorMessage: withLineEnding(run.errorMessage, faults.lineEnding),
      consoleOutput: withLineEnding(console, faults.lineEnding),
      changedFiles: [...new Set([...(init?.changedFiles ?? []), ...run.changedFiles])].sort(),
      outputParameters: Object.fromEntries(run.outputParameters.map((o) => [o.name, shapeOutput(o.value, types.get(o.name) ?? "vector")])),
      outputFiles,
    };
  } finally {
    await kernel.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
