// The normalized output model shared by server and browser: Jupyter's message model, plus R's
// warnings and messages kept distinct, so .ipynb export is a direct mapping.
import { z } from "zod";

/** A MIME bundle: MIME type to content (text, or base64 for binary types such as image/png). */
export const ZMimeBundle = z.record(z.string(), z.string());
export type MimeBundle = z.infer<typeof ZMimeBundle>;

export const ZExecEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("stream"), name: z.enum(["stdout", "stderr"]), text: z.string() }),
  z.object({ type: z.literal("warning"), text: z.string() }),
  z.object({ type: z.literal("message"), text: z.string() }),
  z.object({ type: z.literal("display_data"), data: ZMimeBundle, metadata: z.record(z.string(), z.unknown()).optional() }),
  z.object({ type: z.literal("execute_result"), data: ZMimeBundle }),
  z.object({ type: z.literal("error"), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()) }),
  /** The kernel waits for the user to type a line (R readline); answered with sendInput. */
  z.object({ type: z.literal("input_request"), prompt: z.string(), password: z.boolean() }),
]);
/** One thing a kernel produced while running a cell. */
export type ExecEvent = z.infer<typeof ZExecEvent>;

export const EXECUTION_STATUSES = ["queued", "running", "ok", "error", "interrupted", "aborted", "lost"] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** Events as stored and streamed: kernel output, the user's answers to it, and the execution's own lifecycle. */
export type StoredEvent =
  | ExecEvent
  /** What the user typed for the input_request before it ("••••" for a password). */
  | { type: "input_reply"; value: string }
  | { type: "status"; status: ExecutionStatus; executionCount?: number; at: string; reason?: string }
  | { type: "truncated"; limitBytes: number }
  /** Something the page says about the run itself, e.g. that it started a new kernel. */
  | { type: "notice"; text: string };

export type StoredEventType = StoredEvent["type"];

export function isTerminalStatus(status: ExecutionStatus): boolean {
  switch (status) {
    case "queued":
    case "running":
      return false;
    case "ok":
    case "error":
    case "interrupted":
    case "aborted":
    case "lost":
      return true;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
