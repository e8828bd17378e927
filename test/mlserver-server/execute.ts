// Why: one blocking execute (§2.5, §3): runs the code in the session's shell, keeps the console
// text pollable while it runs, and reports the ExecuteResponse fields including changedFiles.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { MlApiError } from "./errors";
import type { Faults } from "./faults";
import { KernelError, type Kernel, type RunResult, type WorkspaceObject } from "./kernel";
import type { ParameterType } from "./r-literal";
import type { Session } from "./sessions";

export type ExecuteResponse = {
  success: boolean;
  errorMessage: string;
  outputParameters: WorkspaceObject[];
  consoleOutput: string;
  changedFiles: string[];
};

/** Top-level regular files of a directory and a stamp that changes when a file is written. */
export function fileStamps(dir: string): Map<string, string> {
  const stamps = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const st = statSync(join(dir, entry.name), { bigint: true });
    stamps.set(entry.name, `${st.mtimeNs}:${st.ctimeNs}:${st.size}:${st.ino}`);
  }
  return stamps;
}

export function changedSince(before: Map<string, string>, dir: string): string[] {
  return [...fileStamps(dir)].filter(([name, stamp]) => before.get(name) !== stamp).map(([name]) => name).sort();
}

export const withLineEnding = (text: string, eol: Faults["lineEnding"]) => text.replace(/\r?\n/g, eol);

/** Runs code in a kernel and reports what it changed in its working directory. */
export async function runAndDiff(opts: {
  kernel: Kernel;
  code: string;
  inputs: (WorkspaceObject & { type?: ParameterType })[];
  outputs: string[];
  onOutput: (text: string) => void;
}): Promise<RunResult & { changedFiles: string[] }> {
  const before = fileStamps(opts.kernel.workDir);
  const result = await opts.kernel.exec(opts);
  return { ...result, outputParameters: result.success ? result.outputParameters : [], changedFiles: changedSince(before, opts.kernel.workDir) };
}

export type ExecuteRequest = { code: string; inputParameters?: WorkspaceObject[]; outputParameters?: string[] };

/** POST /sessions/{id}/execute: blocks until the run ends; runs of one session queue up. */
export function executeInSession(session: Session, req: ExecuteRequest, faults: Faults): Promise<ExecuteResponse> {
  const run = session.tail.then(async (): Promise<ExecuteResponse> => {
    session.history.push(req.code);
    session.console = "";
    try {
      const r = await runAndDiff({
        kernel: session.kernel,
        code: req.code,
        inputs: req.inputParameters ?? [],
        outputs: req.outputParameters ?? [],
        onOutput: (t) => (session.console += t),
      });
      return {
        success: r.success,
        errorMessage: withLineEnding(r.errorMessage, faults.lineEnding),
        outputParameters: r.outputParameters,
        consoleOutput: withLineEnding(session.console, faults.lineEnding),
        changedFiles: r.changedFiles,
      };
    } catch (cause) {
      if (cause instanceof KernelError && cause.code === "DEAD") throw new MlApiError("NOT_FOUND", `Session '${session.id}' not found (its shell was lost).`, { cause });
      throw cause;
    }
  });
  session.tail = run.catch(() => {});
  return run;
}
