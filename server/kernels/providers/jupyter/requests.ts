// The editor's questions to a Jupyter kernel: completion (complete_request), help
// (inspect_request) and the environment pane (a silent execute_request), each parsed with zod.
import { KernelError } from "@/server/errors";
import type { CodePosition, Completion, Inspection, VariableInfo } from "../../types";
import type { JupyterKernel } from "./kernel";
import { ZCompleteReply, ZDisplay, ZInspectReply, ZVariableRows } from "./schemas";
import { toCodePoints, toPlainText, toUtf16 } from "./text";
import { VARIABLES_CODE, VARIABLES_MIME } from "./variables.R";

export async function complete(kernel: JupyterKernel, position: CodePosition): Promise<Completion> {
  const { code, cursor, signal } = position;
  const reply = await kernel.request((c) => c.requestComplete({ code, cursor_pos: toCodePoints(code, cursor) }), { what: "answer the completion request", signal });
  const parsed = ZCompleteReply.safeParse(reply.content);
  if (!parsed.success) throw unreadable("complete_reply", parsed.error);
  if (parsed.data.status !== "ok") return { matches: [], cursorStart: cursor, cursorEnd: cursor };
  return {
    matches: parsed.data.matches,
    cursorStart: toUtf16(code, parsed.data.cursor_start),
    cursorEnd: toUtf16(code, parsed.data.cursor_end),
  };
}

// IRkernel answers found=true with this text for names that have no help page.
const NO_DOCUMENTATION = /^(# Help document:\s*)?No documentation for /;

export async function inspect(kernel: JupyterKernel, position: CodePosition): Promise<Inspection> {
  const { code, cursor, signal } = position;
  const reply = await kernel.request(
    (c) => c.requestInspect({ code, cursor_pos: toCodePoints(code, cursor), detail_level: 0 }),
    { what: "answer the help request", signal },
  );
  const parsed = ZInspectReply.safeParse(reply.content);
  if (!parsed.success) throw unreadable("inspect_reply", parsed.error);
  const plain = parsed.data.data["text/plain"];
  const text = typeof plain === "string" ? toPlainText(plain).trim() : "";
  if (parsed.data.status !== "ok" || !parsed.data.found || !text || NO_DOCUMENTATION.test(text)) return { found: false };
  return { found: true, text };
}

/** The R workspace, described by a silent execute_request that leaves no trace (see variables.R.ts). */
export async function variables(kernel: JupyterKernel, options: { signal?: AbortSignal } = {}): Promise<VariableInfo[]> {
  if (kernel.info && kernel.info.language_info.name.toLowerCase() !== "r") {
    throw new KernelError("UNAVAILABLE", "The environment pane needs an R kernel.");
  }
  let published: unknown;
  let dropPending: (() => void) | undefined;
  const reply = await kernel.request(
    async (c) => {
      const future = c.requestExecute({ code: VARIABLES_CODE, silent: true, store_history: false, allow_stdin: false, stop_on_error: false });
      dropPending = () => future.dispose();
      future.onIOPub = (msg) => {
        const display = msg.header.msg_type === "display_data" ? ZDisplay.safeParse(msg.content) : undefined;
        if (display?.success && VARIABLES_MIME in display.data.data) published = display.data.data[VARIABLES_MIME];
      };
      return future.done;
    },
    { what: "list its workspace", signal: options.signal, onGiveUp: () => dropPending?.() },
  );
  if (reply.content.status !== "ok" || typeof published !== "string") {
    throw new KernelError("UNAVAILABLE", "The kernel could not list its workspace (is IRkernel's IRdisplay package installed?).");
  }
  let rows: unknown;
  try {
    rows = JSON.parse(published);
  } catch (e) {
    throw unreadable("workspace listing", e);
  }
  const parsed = ZVariableRows.safeParse(rows);
  if (!parsed.success) throw unreadable("workspace listing", parsed.error);
  return parsed.data.map((row) => ({ name: row.name, type: row.type, shape: row.shape, sizeBytes: row.size, preview: row.preview }));
}

function unreadable(what: string, cause: unknown): KernelError {
  return new KernelError("UNAVAILABLE", `The kernel's ${what} is not one Kernelbook can read.`, { cause });
}
