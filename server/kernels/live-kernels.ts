// In-memory state of the kernels this process holds: provider handle, queue of executions, runner.
import "server-only";
import type { StoredEvent } from "@/server/contracts/outputs";
import type { KernelProvider, StartPhase } from "./types";

export type QueuedExecution = { executionId: string; cellId: string | null; source: string };

/** Appends to the running execution's stored events, in order with what its kernel yields. */
export type ActiveWriter = { executionId: string; append(event: StoredEvent): Promise<void>; flush(): Promise<void> };

export type LiveKernel = {
  sessionId: string;
  notebookId: string;
  ownerId: string;
  provider: KernelProvider;
  /** Resolves to the provider's remote id once the kernel has started. */
  ready: Promise<string>;
  remoteId: string | null;
  /** While the kernel starts: the provider's phase (e.g. waiting in a cluster's queue). */
  phase?: StartPhase;
  /** Executions waiting to run, in order, with the source they snapshot. */
  queue: QueuedExecution[];
  /** The kernel's execution counter ([n] in the notebook); mirrored to KernelSession. */
  executionCount: number;
  running: string | null;
  /** The running execution's event writer (set while it runs), e.g. to record an input reply. */
  activeWriter?: ActiveWriter;
  interruptRequested: boolean;
  /** Set once shutdown began: a failing execution then ends as interrupted, not lost. */
  stopping: boolean;
  /** What the running cell says when the kernel is stopped under it (e.g. by an administrator). */
  stopNotice?: string;
  /** Said in the first cell this kernel runs: it replaced an ended kernel, whose variables are gone. */
  startNotice?: string;
  draining: boolean;
};

declare global {
  var __kbLiveKernels: Map<string, LiveKernel> | undefined;
}

/** Live kernels by notebook id (one kernel per notebook). */
export const liveKernels: Map<string, LiveKernel> = (globalThis.__kbLiveKernels ??= new Map());
