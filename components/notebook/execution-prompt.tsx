"use client";
// The prompt left of a code cell: [ ] never run, [*] queued (greyed) or running (with a live
// elapsed time), [n] when finished (with its duration and, if it did not succeed, how it ended).
import type { ExecutionStatus } from "@/server/contracts/outputs";
import { elapsedMs, type CellExecution } from "./execution-state";
import { formatDuration } from "./format";
import { useNow } from "./use-now";
import styles from "./cell.module.css";

const STATUS_LABEL: Record<ExecutionStatus, string | null> = {
  queued: "queued", running: "running", ok: null, error: "error", interrupted: "interrupted", aborted: "not run", lost: "lost",
};

export function ExecutionPrompt({ execution }: { execution: CellExecution | undefined }) {
  const status = execution?.status ?? null;
  const now = useNow(100, status === "running");
  const elapsed = execution ? elapsedMs(execution, now) : null;
  const active = status === "queued" || status === "running";
  const count = execution?.executionCount;
  const label = active ? "[*]" : count != null ? `[${count}]` : "[ ]";
  const statusLabel = status ? STATUS_LABEL[status] : null;
  return (
    <div className={styles.prompt} data-status={status ?? "none"}>
      <span data-testid="execution-count" className={status === "queued" ? styles.promptQueued : undefined}>{label}</span>
      {statusLabel && status !== "running" && (
        <span data-testid="execution-status" className={`${styles.promptMeta} ${styles[`status-${status}`] ?? ""}`}>{statusLabel}</span>
      )}
      {elapsed !== null && (
        <span data-testid="execution-time" className={styles.promptMeta} title={status === "running" ? "Running for" : "Ran for"}
          suppressHydrationWarning>
          {formatDuration(elapsed)}
        </span>
      )}
    </div>
  );
}
