// Gives an attach the notebook's kernel to itself while it runs R of its own (the move into
// datasets/ on ML Server): no cell may run then, since the provider would refuse the second
// execute as BUSY. Cells queued meanwhile wait and run once the work is done.
import "server-only";
import type { Db } from "@/server/db";
import { KernelError } from "@/server/errors";
import { scheduleDrain } from "@/server/executions/drain-queue";
import { liveKernels } from "@/server/kernels/live-kernels";

export async function withKernelToItself<T>(db: Db, args: { userId: string; notebookId: string }, work: () => Promise<T>): Promise<T> {
  const kernel = liveKernels.get(args.notebookId);
  if (!kernel || kernel.ownerId !== args.userId || kernel.stopping) {
    throw new KernelError("NOT_FOUND", "The notebook's kernel stopped: run a cell to start one, then attach the dataset again.");
  }
  if (kernel.draining || kernel.running !== null || kernel.queue.length > 0) {
    throw new KernelError("BUSY", "The kernel is running cells: attach the dataset once they have finished.");
  }
  // Holding the queue's drain flag keeps cells queued meanwhile from starting (see drain-queue.ts).
  kernel.draining = true;
  try {
    return await work();
  } finally {
    kernel.draining = false;
    if (kernel.queue.length > 0 && liveKernels.get(args.notebookId) === kernel) scheduleDrain(db, kernel);
  }
}
