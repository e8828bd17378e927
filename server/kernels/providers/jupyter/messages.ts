// Maps the Jupyter messages of one execute request to Kernelbook's ExecEvents, parsing each
// message's content with zod: nothing the kernel sent leaves this provider unchecked.
import type { ExecEvent, MimeBundle } from "@/server/contracts/outputs";
import { ZDisplay, ZError, ZExecuteReply, ZInputRequest, ZStream, type ExecuteReply } from "./schemas";

export type MessageContext = {
  /**
   * IRkernel sends a cell's visible value as display_data, never execute_result. With this set,
   * a display_data that carries no image, no display id and no metadata (what IRkernel sends for
   * a value) becomes the execute_result the rest of the app (and .ipynb export) expects.
   */
  valuesAsDisplayData: boolean;
};

/** The ExecEvent for one iopub message of the request, or null for messages that are not output. */
export function iopubToEvent(msgType: string, content: unknown, context: MessageContext): ExecEvent | null {
  switch (msgType) {
    case "stream": {
      const parsed = ZStream.safeParse(content);
      return parsed.success ? { type: "stream", name: parsed.data.name, text: parsed.data.text } : unreadable(msgType);
    }
    case "display_data":
    case "update_display_data":
    case "execute_result":
      return displayEvent(msgType, content, context);
    case "error": {
      const parsed = ZError.safeParse(content);
      if (!parsed.success) return unreadable(msgType);
      return { type: "error", ename: parsed.data.ename, evalue: parsed.data.evalue, traceback: parsed.data.traceback };
    }
    default:
      // status, execute_input, clear_output, comm_*: not output of the cell.
      return null;
  }
}

function displayEvent(msgType: string, content: unknown, context: MessageContext): ExecEvent {
  const parsed = ZDisplay.safeParse(content);
  if (!parsed.success) return unreadable(msgType);
  const data = toMimeBundle(parsed.data.data);
  const metadata = parsed.data.metadata ?? {};
  if (msgType === "execute_result") return { type: "execute_result", data };
  const hasDisplayId = typeof parsed.data.transient?.display_id === "string";
  const looksLikeValue = !Object.keys(data).some((mime) => mime.startsWith("image/")) && Object.keys(metadata).length === 0;
  if (msgType === "display_data" && context.valuesAsDisplayData && looksLikeValue && !hasDisplayId) {
    return { type: "execute_result", data };
  }
  return Object.keys(metadata).length > 0 ? { type: "display_data", data, metadata } : { type: "display_data", data };
}

/** MIME bundle values as text: strings as they are (base64 for images), line lists joined, JSON stringified. */
export function toMimeBundle(raw: Record<string, unknown>): MimeBundle {
  const bundle: MimeBundle = {};
  for (const [mime, value] of Object.entries(raw)) {
    if (typeof value === "string") bundle[mime] = value;
    else if (Array.isArray(value) && value.every((line) => typeof line === "string")) bundle[mime] = value.join("");
    else if (value !== undefined) bundle[mime] = JSON.stringify(value);
  }
  return bundle;
}

/** The input_request the kernel sent on stdin, as an event. */
export function stdinToEvent(content: unknown): Extract<ExecEvent, { type: "input_request" }> {
  const parsed = ZInputRequest.safeParse(content);
  const { prompt, password } = parsed.success ? parsed.data : { prompt: "", password: false };
  return { type: "input_request", prompt, password };
}

export function parseExecuteReply(content: unknown): ExecuteReply {
  const parsed = ZExecuteReply.safeParse(content);
  return parsed.success ? parsed.data : { status: "error" };
}

/**
 * Events the execute_reply adds: pager payloads (help shown with `?name`) as display_data, and an
 * "Interrupted" error when the kernel aborted the cell without sending an error itself (IRkernel
 * replies "abort" to an interrupt and sends no error message).
 */
export function replyEvents(reply: ExecuteReply, sawError: boolean): ExecEvent[] {
  const events: ExecEvent[] = [];
  for (const item of reply.payload ?? []) {
    if (item.source === "page" && item.data) events.push({ type: "display_data", data: toMimeBundle(item.data) });
  }
  if ((reply.status === "abort" || reply.status === "aborted") && !sawError) {
    events.push({ type: "error", ename: "Interrupted", evalue: "Execution interrupted", traceback: [] });
  }
  return events;
}

function unreadable(msgType: string): ExecEvent {
  return { type: "stream", name: "stderr", text: `[Kernelbook could not read a "${msgType}" message from the kernel]\n` };
}
