// Asks a notebook's live kernel an editor question (completion, help, variables) only when it can
// answer now: started, the user's, no cell running or queued. It never starts a kernel, never waits
// behind a cell, and turns a missing capability, a failure or a slow answer into the fallback.
import "server-only";
import type { KernelProvider } from "./types";
import { liveKernels } from "./live-kernels";

export type IdleKernel = { provider: KernelProvider; remoteId: string };

type AskArgs = { userId: string; notebookId: string; timeoutMs: number };

/** `ask` returns null when the provider lacks the capability. */
export async function askIdleKernel<T>(
  args: AskArgs,
  fallback: T,
  ask: (kernel: IdleKernel, signal: AbortSignal) => Promise<T> | null,
): Promise<T> {
  const kernel = findIdleKernel(args);
  if (!kernel) return fallback;
  const signal = AbortSignal.timeout(args.timeoutMs);
  try {
    const answer = ask(kernel, signal);
    if (!answer) return fallback;
    return await untilAborted(answer, signal, fallback);
  } catch (e) {
    console.warn("[kernelbook] an editor request to the kernel failed; answering nothing", e);
    return fallback;
  }
}

function findIdleKernel(args: { userId: string; notebookId: string }): IdleKernel | null {
  const kernel = liveKernels.get(args.notebookId);
  if (!kernel || kernel.ownerId !== args.userId || kernel.stopping) return null;
  if (!kernel.remoteId || kernel.running !== null || kernel.queue.length > 0) return null;
  return { provider: kernel.provider, remoteId: kernel.remoteId };
}

/** `work`'s value, or `fallback` once `signal` aborts (a provider may not honour the signal). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, fallback: T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => resolve(fallback);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
