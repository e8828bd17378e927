// Prepares each R process behind a new kernel connection (start, attach, restart, reconnect) so a
// data frame shows as the same paged table as on webR: one silent execute of table-repr.R.ts.
// It does not hold up the connection: the kernel runs shell requests in order, so every cell sent
// after it already finds the repr. If it fails, the kernel works as before (HTML tables) and the
// server log says why.
import type { KernelConnection } from "@jupyterlab/services";
import { KernelError } from "@/server/errors";
import { withDeadline } from "./deadline";
import { ZDisplay, ZExecuteReply, type KernelInfo } from "./schemas";
import { SETUP_MIME, TABLE_REPR_CODE } from "./table-repr.R";

export type SetUpRKernelOptions = {
  kernelId: string;
  info: KernelInfo;
  /** How long to wait for the kernel's answer before giving up on it (and warning). */
  timeoutMs: number;
};

/** Sends the setup to an R kernel (nothing for other languages); never rejects. */
export async function setUpRKernel(connection: KernelConnection, options: SetUpRKernelOptions): Promise<void> {
  if (options.info.language_info.name.toLowerCase() !== "r") return;
  try {
    const outcome = await runSetup(connection, options.timeoutMs);
    if (outcome !== "ok") warn(options.kernelId, outcome);
  } catch (e) {
    // A connection dropped meanwhile (restart, death, shutdown) is not a failure: the next one sets up again.
    if (connection.isDisposed) return;
    warn(options.kernelId, e instanceof Error ? e.message : "unknown error");
  }
}

/** "ok", or why the setup did not happen. */
async function runSetup(connection: KernelConnection, timeoutMs: number): Promise<string> {
  const future = connection.requestExecute({ code: TABLE_REPR_CODE, silent: true, store_history: false, allow_stdin: false, stop_on_error: false });
  let outcome: string | undefined;
  future.onIOPub = (msg) => {
    const display = msg.header.msg_type === "display_data" ? ZDisplay.safeParse(msg.content) : undefined;
    const value = display?.success ? display.data.data[SETUP_MIME] : undefined;
    if (typeof value === "string") outcome = value;
  };
  const reply = await withDeadline(future.done, { timeoutMs, what: "confirm the table setup", onGiveUp: () => future.dispose() });
  const parsed = ZExecuteReply.safeParse(reply.content);
  if (!parsed.success) throw new KernelError("UNAVAILABLE", "The kernel's execute_reply is not one Kernelbook can read.", { cause: parsed.error });
  if (parsed.data.status !== "ok") return `the setup code ended with status "${parsed.data.status}" (is IRkernel's IRdisplay installed?)`;
  return outcome ?? "the kernel did not report the outcome";
}

function warn(kernelId: string, reason: string): void {
  console.warn(`[kernelbook] Jupyter R kernel ${kernelId}: data frames will show as HTML, not as paged tables: ${reason}`);
}
