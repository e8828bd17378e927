// When the page reads the kernel state again by itself. Changes that come with execution events
// (busy, idle after a run, a crash under a running cell) refresh it at once through the event
// stream, so there is no steady 2-second poll: only while a kernel starts (its phase changes with
// no event), when an idle shutdown is due, and a slow safety check for what no event covers (a
// kernel stopped from another tab, or by an administrator).
import type { KernelStatus } from "@/server/kernels/types";

export const STARTING_CHECK_MS = 1_000;
/** After the shutdown time: the server's idle reaper runs every 30 s. */
export const SHUTDOWN_DUE_CHECK_MS = 5_000;
export const SAFETY_CHECK_MS = 30_000;

type KernelLike = { status: KernelStatus; idleShutdownAt: Date } | null | undefined;

export function nextKernelCheckMs(kernel: KernelLike, now: number): number {
  if (!kernel) return SAFETY_CHECK_MS;
  switch (kernel.status) {
    case "starting":
      return STARTING_CHECK_MS;
    case "idle": {
      const due = kernel.idleShutdownAt.getTime() - now;
      return due > 0 ? Math.min(due + 1_000, SAFETY_CHECK_MS) : SHUTDOWN_DUE_CHECK_MS;
    }
    case "busy":
    case "dead":
      return SAFETY_CHECK_MS;
    default: {
      const unreachable: never = kernel.status;
      return unreachable;
    }
  }
}
