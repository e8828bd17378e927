// One cell run on Backend.AI: query with a client run id, then `continue` polls (each call waits
// up to ~2 s for output) until `finished`, answering `waiting-input` through sendInput (§5.2).
// A session the cluster ends mid-run (exec timeout, idle timeout, OOM, admin) keeps the output
// already yielded, then reports why as an error event and a KernelError "DEAD".
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { newRunId, type BackendAIClient, type ExecuteMode, type SessionFate } from "./client";
import { consoleEvents, splitPrompt } from "./events";
import type { ExecutionResult } from "./schemas";
import { hasEnded, terminationMessage } from "./termination";

export type RunOptions = {
  client: BackendAIClient;
  sessionId: string;
  code: string;
  signal?: AbortSignal;
  /** Resolves with the user's answer to an input request (set up by the provider). */
  waitForInput: (signal?: AbortSignal) => Promise<string>;
};

/** What became of the session: GraphQL first (it knows terminated sessions), then GET /session. */
async function fateOf(client: BackendAIClient, sessionId: string, signal?: AbortSignal): Promise<SessionFate | null> {
  try {
    const fate = await client.sessionFate(sessionId, { signal });
    if (fate) return fate;
  } catch {
    // Older managers cannot look a session up by id over GraphQL; the REST lookup below decides.
  }
  try {
    const info = await client.getSession(sessionId, { signal });
    return { status: info.status, statusInfo: info.statusInfo ?? null, statusData: info.statusData ?? {} };
  } catch (error) {
    if (error instanceof KernelError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The error event for a session that ended, and the DEAD error that ends the run after it. */
function ended(ename: string, message: string, cause?: unknown): { event: ExecEvent; error: KernelError } {
  return { event: { type: "error", ename, evalue: message, traceback: [] }, error: new KernelError("DEAD", message, { cause }) };
}

/** Exit code 130 (spec §5.2): the agent returned nothing — interrupted, or the session is gone. */
async function afterExit130(options: RunOptions): Promise<{ event: ExecEvent; error?: KernelError }> {
  const fate = await fateOf(options.client, options.sessionId, options.signal);
  if (hasEnded(fate)) return ended("SessionTerminated", terminationMessage(fate));
  return { event: { type: "error", ename: "Interrupted", evalue: "The run was interrupted (exit code 130).", traceback: [] } };
}

/** Exit codes a query-mode run reports for Backend.AI-side failures (spec §5.2, §5.4). */
function exitError(exitCode: number): ExecEvent {
  if (exitCode === 127) return { type: "error", ename: "KernelUnavailable", evalue: "The session's kernel was unavailable (exit code 127).", traceback: [] };
  return { type: "error", ename: "ExitCode", evalue: `The run ended with exit code ${exitCode}.`, traceback: [] };
}

type Step = { result: ExecutionResult } | { gone: { event: ExecEvent; error: KernelError } };

/** One execute call; a session gone after the first call (404) is explained from its fate. */
async function step(options: RunOptions, request: { mode: ExecuteMode; runId: string; code: string; first: boolean }): Promise<Step> {
  const { client, sessionId, signal } = options;
  try {
    return { result: await client.execute({ sessionId, mode: request.mode, runId: request.runId, code: request.code, signal }) };
  } catch (error) {
    if (request.first || !(error instanceof KernelError && error.code === "NOT_FOUND")) throw error;
    const fate = await fateOf(client, sessionId, signal).catch(() => null);
    return { gone: ended("SessionTerminated", terminationMessage(fate), error) };
  }
}

/** The end of a run: its last output, then what its exit code means. */
async function* finish(result: ExecutionResult, options: RunOptions): AsyncGenerator<ExecEvent, void, undefined> {
  yield* consoleEvents(result.console);
  if (result.exitCode === 130) {
    const outcome = await afterExit130(options);
    yield outcome.event;
    if (outcome.error) throw outcome.error;
  } else if (result.exitCode) {
    yield exitError(result.exitCode);
  }
}

export async function* runCode(options: RunOptions): AsyncGenerator<ExecEvent, void, undefined> {
  const runId = newRunId();
  let mode: ExecuteMode = "query";
  let code = options.code;
  for (let call = 0; ; call++) {
    const next = await step(options, { mode, runId, code, first: call === 0 });
    if ("gone" in next) {
      yield next.gone.event;
      throw next.gone.error;
    }
    const result = next.result;
    switch (result.status) {
      case "continued":
      case "clean-finished":
      case "build-finished":
        yield* consoleEvents(result.console);
        [mode, code] = ["continue", ""];
        break;
      case "waiting-input": {
        const { items, prompt } = splitPrompt(result.console);
        yield* consoleEvents(items);
        // Listen before yielding: the consumer may answer while handling the request.
        const answer = options.waitForInput(options.signal);
        answer.catch(() => undefined);
        yield { type: "input_request", prompt, password: result.options?.is_password ?? false };
        [mode, code] = ["input", await answer];
        break;
      }
      case "finished":
        yield* finish(result, options);
        return;
      case "exec-timeout": {
        // The agent destroys the container after an exec timeout (spec §5.2, fixture execute-exec-timeout).
        yield* consoleEvents(result.console);
        const timeout = ended("ExecutionTimeLimit", terminationMessage({ status: "TERMINATING", statusInfo: "exec-timeout", statusData: {} }));
        yield timeout.event;
        throw timeout.error;
      }
      default: {
        const unreachable: never = result.status;
        return unreachable;
      }
    }
  }
}
