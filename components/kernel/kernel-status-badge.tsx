"use client";
// The kernel badge: status (or "no kernel"), runtime and start time on hover, how long an idle
// kernel has left before it shuts itself down, and, after an idle shutdown, that it was one (not a
// crash): its variables are gone and the next run starts a new kernel.
import { formatAbsolute, formatTimeLeft } from "@/components/notebook/format";
import type { KernelStateData } from "@/components/notebook/types";
import { useNow } from "@/components/notebook/use-now";
import styles from "./kernel.module.css";

type Props = { kernel: KernelStateData | undefined; loading: boolean; failed: boolean };

export function KernelStatusBadge({ kernel, loading, failed }: Props) {
  const now = useNow(15_000, Boolean(kernel && kernel.status === "idle"));
  const status = kernel?.status ?? null;
  const idleStopped = status === "dead" && kernel?.endCause === "idle_timeout";
  const label = idleStopped ? "stopped (idle)" : (status ?? (loading ? "…" : "no kernel"));
  const idleShutdownAt = kernel && status === "idle" ? kernel.idleShutdownAt.getTime() : null;
  const left = idleShutdownAt === null ? null : formatTimeLeft(idleShutdownAt, now);
  return (
    <span className={styles.wrap}>
      <span
        data-testid="kernel-status"
        data-status={idleStopped ? "stopped" : (status ?? "none")}
        className={`badge ${styles.badge}`}
        title={describe(kernel, failed)}
        role="status"
        aria-label={`Kernel: ${label}`}
      >
        <span className={`dot ${styles[`dot-${idleStopped ? "none" : (status ?? "none")}`] ?? ""}`} aria-hidden />
        {label}
      </span>
      {status === "starting" && kernel?.phase && (
        <span data-testid="kernel-phase" className={`muted ${styles.phase}`} title={kernel.phase}>{kernel.phase}</span>
      )}
      {idleStopped && kernel?.endReason && (
        <span data-testid="kernel-idle-stopped" className={`muted ${styles.idleLeft}`}>{kernel.endReason}</span>
      )}
      {left && idleShutdownAt !== null && (
        <span data-testid="kernel-idle-left" className={`muted ${styles.idleLeft}`} title={`At ${formatAbsolute(idleShutdownAt)}`}>
          shuts down in {left} if idle
        </span>
      )}
    </span>
  );
}

function describe(kernel: KernelStateData | undefined, failed: boolean): string {
  if (failed) return "The kernel state could not be read.";
  if (!kernel) return "No kernel yet: one starts when you run a cell.";
  const parts = [`Kernel ${kernel.status}`, kernel.runtime ?? kernel.provider, `started ${formatAbsolute(kernel.startedAt.getTime())}`];
  if (kernel.queued > 0) parts.push(`${kernel.queued} queued`);
  if (kernel.status === "dead" && kernel.endReason) parts.push(kernel.endReason);
  return parts.join(" · ");
}
