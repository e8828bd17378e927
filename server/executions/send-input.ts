// Answers the input request of a notebook's running cell (R's readline) and records the answer
// among the cell's outputs, so history and a reload show what was typed (masked for passwords).
import "server-only";
import type { Db } from "@/server/db";
import { ExecutionError, KernelError } from "@/server/errors";
import type { SendInputInput } from "@/server/contracts/execution";
import { liveKernels } from "@/server/kernels/live-kernels";
import { findOwnedNotebook } from "@/server/notebooks/find-owned-notebook";

const MASK = "••••";

export async function sendInput(db: Db, args: { userId: string } & SendInputInput): Promise<void> {
  const notebook = await findOwnedNotebook(db, { userId: args.userId, notebookId: args.notebookId });
  const kernel = liveKernels.get(notebook.id);
  const writer = kernel?.activeWriter;
  if (!kernel || !kernel.remoteId || kernel.running !== args.executionId || writer?.executionId !== args.executionId) {
    throw new ExecutionError("NOT_FOUND", "That cell is not running any more, so it cannot take input.");
  }
  const { provider, remoteId } = kernel;
  if (!provider.sendInput || !provider.capabilities.stdin) {
    throw new KernelError("UNAVAILABLE", "This notebook's kernel cannot ask for input.");
  }
  await writer.flush(); // the input request is stored before it is read back
  const request = await db.executionEvent.findFirst({
    where: { executionId: args.executionId, type: "input_request" },
    orderBy: { seq: "desc" },
    select: { payload: true },
  });
  const password = isPasswordRequest(request?.payload);
  await provider.sendInput(remoteId, args.value);
  // Appended right after the kernel has the answer, before any output it prints with it.
  await writer.append({ type: "input_reply", value: password ? MASK : args.value });
}

function isPasswordRequest(payload: unknown): boolean {
  return typeof payload === "object" && payload !== null && "password" in payload && payload.password === true;
}
