// Why a Backend.AI session ended, in a sentence for the user: the manager records the reason in
// status_info (KernelLifecycleEventReason values: idle-timeout, exec-timeout, force-terminated…)
// and the kernel's exit code in status_data; an exit code 137 is an out-of-memory kill.
import type { SessionFate } from "./client";

const REASONS = [
  "idle-timeout", "idle-session-lifetime", "idle-utilization", "exec-timeout", "hang-timeout", "self-terminated",
  "force-terminated", "user-requested", "agent-termination", "terminated-unknown-container", "container-not-found",
] as const;
type Reason = (typeof REASONS)[number];

const ENDED: ReadonlySet<string> = new Set(["TERMINATING", "TERMINATED", "CANCELLED", "ERROR"]);

/** True when the fate says the session is gone or going (not merely interrupted). */
export function hasEnded(fate: SessionFate | null): boolean {
  return fate === null || ENDED.has(fate.status);
}

function exitCodeOf(fate: SessionFate): number | null {
  const kernel = fate.statusData.kernel;
  const code = kernel && typeof kernel === "object" ? (kernel as Record<string, unknown>).exit_code : undefined;
  return typeof code === "number" ? code : null;
}

const BY_CLUSTER = "The Backend.AI session was terminated by the cluster";

function sentence(reason: Reason, exitCode: number | null): string {
  switch (reason) {
    case "idle-timeout":
    case "idle-session-lifetime":
    case "idle-utilization":
      return `${BY_CLUSTER} (idle timeout).`;
    case "exec-timeout":
      return "The run exceeded the session's execution time limit; Backend.AI terminated the session.";
    case "hang-timeout":
      return `${BY_CLUSTER} (the kernel stopped responding).`;
    case "self-terminated":
      if (exitCode === 137) return `${BY_CLUSTER} (out of memory: the kernel was killed).`;
      return `The Backend.AI session's kernel exited by itself${exitCode === null ? "" : ` (exit code ${exitCode})`}.`;
    case "force-terminated":
      return "The Backend.AI session was terminated by an administrator.";
    case "user-requested":
      return "The Backend.AI session was shut down.";
    case "agent-termination":
    case "terminated-unknown-container":
    case "container-not-found":
      return `${BY_CLUSTER} (its agent stopped or lost the container).`;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}

/** The user's sentence for a session that ended; a generic one when the reason is unknown. */
export function terminationMessage(fate: SessionFate | null): string {
  if (!fate) return "The Backend.AI session no longer exists; it was terminated while the code was running.";
  const reason = REASONS.find((r) => r === fate.statusInfo);
  if (reason) return sentence(reason, exitCodeOf(fate));
  return `${BY_CLUSTER}${fate.statusInfo && fate.statusInfo !== "None" ? ` (${fate.statusInfo})` : ""}.`;
}
