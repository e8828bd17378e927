// Why: POST /session/{id} execute in query/continue/input modes (spec §5.1–5.2), served FIFO per
// session against the session's real kernel.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { ExecResult } from "./console";
import type { Faults } from "./faults";
import type { Ctx, Reply } from "./http-types";
import { checkParams, jsonBody } from "./params";
import { agentFailure, agentTimeout, ProblemError } from "./problems";
import { Run } from "./run";
import type { Session, SessionStore } from "./sessions";

const MODES = ["query", "batch", "continue", "input", "complete"] as const;
const QUEUE_LIMIT_MS = 30_000;

const ZExecute = z.object({
  mode: z.string().nullish(),
  runId: z.string().nullish(),
  run_id: z.string().nullish(),
  code: z.string().nullish(),
  options: z.unknown().optional(),
});

export type ExecuteDeps = { store: SessionStore; flushMs: number; faults: Faults };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForTurn(s: Session): Promise<void> {
  const deadline = Date.now() + QUEUE_LIMIT_MS;
  while (s.current && !s.current.finished) {
    const left = deadline - Date.now();
    if (left <= 0) throw agentTimeout();
    await Promise.race([s.current.whenFinished(), sleep(left)]);
  }
}

async function startQuery(s: Session, runId: string, code: string, deps: ExecuteDeps): Promise<ExecResult> {
  await waitForTurn(s);
  if (!s.imageDef.lang) throw agentFailure("RuntimeError", "This image has no query-mode runtime (features: uid-match).");
  const kernel = s.kernel;
  if (!kernel || kernel.exited) throw agentTimeout();
  const run = new Run(runId);
  s.runs.set(runId, run);
  s.current = run;
  s.numQueriesExecuted += 1;
  kernel.run(code, run.onEvent);
  // The agent's watchdog (spec §5.2): past the execution timeout the run reports exec-timeout.
  if (deps.faults.execTimeoutMs > 0) {
    const timer = setTimeout(() => deps.store.execTimeout(s, run), deps.faults.execTimeoutMs);
    void run.whenFinished().then(() => clearTimeout(timer));
  }
  return run.poll(deps.flushMs);
}

async function continueRun(s: Session, runId: string, flushMs: number, input: string | null): Promise<ExecResult> {
  const run = s.runs.get(runId);
  if (!run) {
    // An unknown run id just yields empty "continued" results (spec §5.2).
    await sleep(flushMs);
    return { status: "continued", runId, exitCode: null, options: null, files: [], console: [] };
  }
  if (input !== null && run.waitingInput) {
    s.kernel?.sendInput(input);
    run.resumeAfterInput();
  }
  return run.poll(flushMs);
}

export async function execute(ctx: Ctx, deps: ExecuteDeps): Promise<Reply> {
  const body = jsonBody(ctx);
  const p = checkParams(ZExecute, body);
  if (!("runId" in body) && !("run_id" in body)) throw new ProblemError("invalid-api-params", { msg: "runId is missing!" });
  if (!p.mode) throw new ProblemError("invalid-api-params", { msg: "mode is missing or empty!" });
  const mode = MODES.find((m) => m === p.mode);
  if (!mode) throw new ProblemError("invalid-api-params", { msg: "mode has an invalid value." });
  const runId = p.run_id ?? p.runId ?? null;
  if ((mode === "continue" || mode === "input") && !runId)
    throw new ProblemError("invalid-api-params", { msg: "continuation requires explicit run ID" });
  const s = ctx.params.id ? deps.store.find(ctx.params.id, ctx.keypair.accessKey) : null;
  if (!s) throw new ProblemError("url-not-found");
  if (s.status === "PREPARING" || s.status === "RESTARTING") await s.started.catch(() => {});
  if (s.delayMs > 0) await sleep(s.delayMs);
  const code = p.code ?? "";
  let result: ExecResult;
  switch (mode) {
    case "query":
      result = await startQuery(s, runId ?? randomBytes(16).toString("hex"), code, deps);
      break;
    case "continue":
      result = await continueRun(s, runId ?? "", deps.flushMs, null);
      break;
    case "input":
      result = await continueRun(s, runId ?? "", deps.flushMs, code);
      break;
    case "batch":
    case "complete":
      throw new ProblemError("invalid-api-params", { msg: `mode ${mode} is not supported by the test server` });
    default: {
      const never: never = mode;
      throw new Error(`unknown mode ${String(never)}`);
    }
  }
  return { status: 200, body: { result } };
}
