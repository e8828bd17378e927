// One cell on ML Server: `POST /sessions/{id}/execute` blocks until the code ends, so while it is
// in flight `GET /sessions/{id}/console-output` is polled and new text streamed; then the rest of
// the console, the error (success=false) and the plots listed in changedFiles (§2.5, §3).
import { randomBytes } from "node:crypto";
import type { ExecEvent } from "@/server/contracts/outputs";
import { KernelError } from "@/server/errors";
import type { MlServerClient } from "./client";
import { ConsoleReader, type ConsoleRecord } from "./console";
import { fetchPlots } from "./plots";
import { runnerCode } from "./runner.R";
import type { ExecuteResult, RuntimeType } from "./schemas";

export type RunOptions = {
  client: MlServerClient;
  sessionId: string;
  code: string;
  runtime: RuntimeType;
  pollMs: number;
  executeTimeoutMs: number;
  /** Whether an interrupt was asked for during this run (the error then reads "Interrupted"). */
  interrupted: () => boolean;
  signal?: AbortSignal;
};

type Reply = { result: ExecuteResult } | { error: unknown };

export function newNonce(): string {
  return randomBytes(8).toString("hex");
}

/** Console records as events: text on stdout, the runner's warning and message records. */
export function recordEvents(records: ConsoleRecord[]): ExecEvent[] {
  const events: ExecEvent[] = [];
  for (const record of records) {
    if (record.kind === "text") events.push({ type: "stream", name: "stdout", text: record.text });
    else if (record.mark === "warning") events.push({ type: "warning", text: record.payload });
    else if (record.mark === "message") events.push({ type: "message", text: record.payload });
  }
  return events;
}

/** `success: false` as an error event: "Error in f() : boom" gives evalue "boom". */
export function errorEvent(errorMessage: string, interrupted: boolean): ExecEvent {
  const text = errorMessage.replace(/\r\n/g, "\n").trim();
  const r = /^Error(?: in [\s\S]*? :|:)\s*([\s\S]*)$/.exec(text);
  const evalue = (r?.[1] ?? text).trim() || "The code failed; ML Server gave no error message.";
  return { type: "error", ename: interrupted ? "Interrupted" : "Error", evalue, traceback: text ? text.split("\n") : [] };
}

export async function* runCell(options: RunOptions): AsyncGenerator<ExecEvent, void, undefined> {
  const { client, sessionId } = options;
  const nonce = options.runtime === "R" ? newNonce() : undefined;
  let request: string;
  try {
    request = nonce ? runnerCode(options.code, nonce) : options.code;
  } catch {
    yield { type: "error", ename: "Error", evalue: "The code contains a NUL character, which R cannot read.", traceback: [] };
    return;
  }
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const reader = new ConsoleReader(nonce);
  const seen: Liveness = { polled: false };
  const pending: Promise<Reply> = client
    .execute(sessionId, { code: request, signal, timeoutMs: options.executeTimeoutMs })
    .then((result) => ({ result }), (error: unknown) => ({ error }));
  try {
    // Without the runner's start marker (Python) a poll cannot tell this run's text from the last one's.
    if (nonce) yield* pollConsole({ ...options, reader, pending, signal, seen });
    const reply = await pending;
    if ("error" in reply) throw lost(reply.error, reader.started || seen.polled);
    const { result } = reply;
    const dropTail = result.success ? undefined : result.errorMessage;
    yield* recordEvents(reader.read(result.consoleOutput, { final: true, dropTail }));
    yield* await fetchPlots({ client, sessionId, changedFiles: result.changedFiles, nonce, signal: options.signal });
    if (!result.success) yield errorEvent(result.errorMessage, options.interrupted());
  } finally {
    stop.abort();
  }
}

/** Whether a console poll succeeded during the run: the session existed while the code ran. */
type Liveness = { polled: boolean };

type PollOptions = RunOptions & { reader: ConsoleReader; pending: Promise<Reply>; signal: AbortSignal; seen: Liveness };

/** Streams console text until the execute answers; a 404 on a poll means the session was dropped. */
async function* pollConsole(options: PollOptions): AsyncGenerator<ExecEvent, void, undefined> {
  const { client, sessionId, reader } = options;
  // A poll still in flight when the execute answers is dropped rather than waited for.
  const answered = new AbortController();
  void options.pending.then(() => answered.abort());
  const signal = AbortSignal.any([options.signal, answered.signal]);
  for (;;) {
    if (await settlesWithin(options.pending, options.pollMs)) return;
    let text: string;
    try {
      text = await client.consoleOutput(sessionId, { signal });
    } catch (error) {
      if (answered.signal.aborted && !options.signal.aborted) return;
      if (signal.aborted) throw error;
      if (error instanceof KernelError && error.code === "NOT_FOUND") throw lost(error, true);
      continue; // a busy or slow poll is not the run's failure; the execute call decides
    }
    options.seen.polled = true;
    yield* recordEvents(reader.read(text, { final: false }));
  }
}

/** A failed execute: the session vanished mid-run (DEAD), or was unknown from the start. */
function lost(error: unknown, started: boolean): unknown {
  if (!(error instanceof KernelError) || error.code !== "NOT_FOUND" || !started) return error;
  return new KernelError("DEAD", "The ML Server session ended while the code was running (closed, expired or dropped by the server); the output above is what it produced.", { cause: error });
}

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
