// Session statuses, start phases and termination sentences: every status and reason the provider maps.
import { describe, expect, it } from "vitest";
import type { StartPhase } from "@/server/kernels/types";
import { BackendAIClient } from "./client";
import { fakeFetch, KEYPAIR, type Reply, PINNED } from "./fake-manager";
import { SESSION_STATUSES, sessionState, startStep, statusReason, waitUntilRunning, type SessionStatus } from "./start";
import { hasEnded, terminationMessage } from "./termination";

describe("session statuses (spec §4.1)", () => {
  const expected: Record<SessionStatus, [string, string | null]> = {
    PENDING: ["starting", "Waiting in the cluster queue"],
    SCHEDULED: ["starting", "Scheduled on an agent"],
    PULLING: ["starting", "Pulling the image"],
    PREPARING: ["starting", "Preparing the session"],
    RESTARTING: ["starting", "Restarting the session"],
    TIMEOUT: ["starting", "Still starting"],
    RUNNING: ["idle", null],
    RUNNING_DEGRADED: ["idle", null],
    TERMINATING: ["dead", null],
    TERMINATED: ["dead", null],
    ERROR: ["dead", null],
    CANCELLED: ["dead", null],
  };
  it.each(SESSION_STATUSES)("maps %s to a kernel status and a start phase", (status) => {
    const [state, phase] = expected[status];
    expect(sessionState(status)).toBe(state);
    const step = startStep(status);
    expect(step.kind === "starting" ? step.phase : null).toBe(phase);
  });

  it("treats statuses it does not know as dead", () => {
    expect(sessionState("EXPLODED")).toBe("dead");
  });

  it("prefers the scheduler's message as the reason", () => {
    expect(statusReason({ statusInfo: "predicate-checks-failed", statusData: { scheduler: { msg: "You cannot run more than 1 concurrent sessions" } } })).toBe("You cannot run more than 1 concurrent sessions");
    expect(statusReason({ statusInfo: "None", statusData: {} })).toBeNull();
    expect(statusReason({ statusInfo: "failed-to-start" })).toBe("failed-to-start");
  });
});

function client(replies: Reply[]) {
  const { fetch, seen } = fakeFetch(replies);
  return { client: new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch, apiVersion: PINNED }), seen };
}
const info = (status: string, extra: Record<string, unknown> = {}) => ({ status: 200, body: { status, statusInfo: "None", statusData: {}, ...extra } });

describe("waitUntilRunning", () => {
  it("reports each phase once, in order, until RUNNING", async () => {
    const { client: c } = client([info("PENDING"), info("SCHEDULED"), info("PULLING"), info("PULLING"), info("PREPARING"), info("RUNNING")]);
    const phases: StartPhase[] = [];
    await waitUntilRunning(c, { sessionId: "s", sessionName: "n", status: "PENDING", created: true }, { timeoutMs: 5_000, pollMs: 1, onPhase: (p) => phases.push(p) });
    expect(phases).toEqual([
      { phase: "Waiting in the cluster queue", detail: "PENDING" },
      { phase: "Scheduled on an agent", detail: "SCHEDULED" },
      { phase: "Pulling the image", detail: "PULLING" },
      { phase: "Preparing the session", detail: "PREPARING" },
    ]);
  });

  it("fails with the reason when the session ends instead, and times out while queued", async () => {
    const failed = client([info("ERROR", { statusInfo: "failed-to-start" })]);
    await expect(waitUntilRunning(failed.client, { sessionId: "s", sessionName: "n", status: "PREPARING", created: true }, { timeoutMs: 5_000, pollMs: 1 }))
      .rejects.toMatchObject({ code: "START_FAILED", message: "The Backend.AI session ended up ERROR instead of running (failed-to-start)." });
    const queued = { statusInfo: "predicate-checks-failed", statusData: { scheduler: { msg: "You cannot run more than 1 concurrent sessions" } } };
    const stuck = client(Array.from({ length: 50 }, () => info("PENDING", queued)));
    await expect(waitUntilRunning(stuck.client, { sessionId: "s", sessionName: "n", status: "PENDING", created: true }, { timeoutMs: 30, pollMs: 5 }))
      .rejects.toMatchObject({ code: "TIMEOUT", message: expect.stringContaining("still PENDING: You cannot run more than 1 concurrent sessions") });
  });
});

describe("termination messages", () => {
  const fate = (statusInfo: string | null, statusData: Record<string, unknown> = {}) => ({ status: "TERMINATED", statusInfo, statusData });
  it.each([
    ["idle-timeout", {}, "The Backend.AI session was terminated by the cluster (idle timeout)."],
    ["idle-session-lifetime", {}, "The Backend.AI session was terminated by the cluster (idle timeout)."],
    ["idle-utilization", {}, "The Backend.AI session was terminated by the cluster (idle timeout)."],
    ["exec-timeout", {}, "The run exceeded the session's execution time limit; Backend.AI terminated the session."],
    ["hang-timeout", {}, "The Backend.AI session was terminated by the cluster (the kernel stopped responding)."],
    ["self-terminated", { kernel: { exit_code: 137 } }, "The Backend.AI session was terminated by the cluster (out of memory: the kernel was killed)."],
    ["self-terminated", { kernel: { exit_code: 1 } }, "The Backend.AI session's kernel exited by itself (exit code 1)."],
    ["self-terminated", {}, "The Backend.AI session's kernel exited by itself."],
    ["force-terminated", {}, "The Backend.AI session was terminated by an administrator."],
    ["user-requested", {}, "The Backend.AI session was shut down."],
    ["agent-termination", {}, "The Backend.AI session was terminated by the cluster (its agent stopped or lost the container)."],
    ["terminated-unknown-container", {}, "The Backend.AI session was terminated by the cluster (its agent stopped or lost the container)."],
    ["container-not-found", {}, "The Backend.AI session was terminated by the cluster (its agent stopped or lost the container)."],
    ["something-new", {}, "The Backend.AI session was terminated by the cluster (something-new)."],
    [null, {}, "The Backend.AI session was terminated by the cluster."],
  ])("explains %s", (reason, data, message) => {
    expect(terminationMessage(fate(reason, data))).toBe(message);
  });

  it("knows which fates mean the session is gone", () => {
    expect(terminationMessage(null)).toMatch(/no longer exists/);
    expect(hasEnded(null)).toBe(true);
    expect(hasEnded(fate("idle-timeout"))).toBe(true);
    expect(hasEnded({ status: "RUNNING", statusInfo: null, statusData: {} })).toBe(false);
  });
});
