// One cell run on Backend.AI: query with a client run id, then `continue` polls (each call waits
// up to ~2 s for output) until `finished`, answering `waiting-input` through sendInput (§5.2).
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import { newRunId, type BackendAIClient, type ExecuteMode } from "./client";
import { consoleEvents, splitPrompt } from "./events";

export type RunOptions = {
  client: BackendAIClient;
  sessionId: string;
  code: string;
  signal?: AbortSignal;
  /** Resolves with the user's answer to an input request (set up by the provider). */
  waitForInput: (signal?: AbortSignal) => Promise<string>;
};

/** Exit codes a query-mode run reports for Backend.AI-side failures (spec §5.2, §5.4). */
function exitError(exitCode: number): ExecEvent {
  if (exitCode === 130) return { type: "error", ename: "Interrupted", evalue: "The run was interrupted or the kernel stopped (exit code 130).", traceback: [] };
  if (exitCode === 127) return { type: "error", ename: "KernelUnavailable", evalue: "The session's kernel was unavailable (exit code 127).", traceback: [] };
  return { type: "error", ename: "ExitCode", evalue: `The run ended with exit code ${exitCode}.`, traceback: [] };
}

export async function* runCode(options: RunOptions): AsyncGenerator<ExecEvent, void, undefined> {
  const { client, sessionId, signal } = options;
  const runId = newRunId();
  let mode: ExecuteMode = "query";
  let code = options.code;
  for (let call = 0; ; call++) {
    const result = await client.execute({ sessionId, mode, runId, code, signal }).catch((error: unknown) => {
      if (call > 0 && error instanceof KernelError && error.code === "NOT_FOUND") {
        throw new KernelError("DEAD", "The Backend.AI session was terminated while the code was running.", { cause: error });
      }
      throw error;
    });
    switch (result.status) {
      case "continued":
      case "clean-finished":
      case "build-finished":
        yield* consoleEvents(result.console);
        mode = "continue";
        code = "";
        break;
      case "waiting-input": {
        const { items, prompt } = splitPrompt(result.console);
        yield* consoleEvents(items);
        // Listen before yielding: the consumer may answer while handling the request.
        const answer = options.waitForInput(signal);
        answer.catch(() => undefined);
        yield { type: "input_request", prompt, password: result.options?.is_password ?? false };
        code = await answer;
        mode = "input";
        break;
      }
      case "finished":
        yield* consoleEvents(result.console);
        if (result.exitCode) yield exitError(result.exitCode);
        return;
      case "exec-timeout":
        yield* consoleEvents(result.console);
        throw new KernelError("TIMEOUT", "The code ran longer than Backend.AI's execution time limit; the session is being terminated.");
      default: {
        const unreachable: never = result.status;
        return unreachable;
      }
    }
  }
}
