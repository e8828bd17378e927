import { describe, expect, it } from "vitest";
import type { NotebookEvent } from "@/server/contracts/events";
import type { StoredEvent } from "@/server/contracts/outputs";
import { elapsedMs, emptyExecState, execReducer, type ExecState } from "./execution-state";

let nextId = 1;
const ev = (executionId: string, cellId: string, seq: number, event: StoredEvent): NotebookEvent => ({ id: String(nextId++), executionId, cellId, seq, event });
const running = (count: number, at = "2026-01-01T00:00:00.000Z"): StoredEvent => ({ type: "status", status: "running", executionCount: count, at });
const done = (status: "ok" | "error" | "aborted" | "interrupted", at = "2026-01-01T00:00:01.500Z", reason?: string): StoredEvent =>
  ({ type: "status", status, at, ...(reason ? { reason } : {}) });
const out = (text: string): StoredEvent => ({ type: "stream", name: "stdout", text });

const live = (s: ExecState, ...events: NotebookEvent[]) => execReducer(s, { type: "events", events });

describe("execReducer", () => {
  it("loads summaries and folds their events", () => {
    const s = execReducer(emptyExecState, {
      type: "load",
      executions: [{
        id: "x1", cellId: "c1", status: "ok", executionCount: 3, queuedAt: new Date(0),
        startedAt: new Date("2026-01-01T00:00:00.000Z"), finishedAt: new Date("2026-01-01T00:00:01.500Z"),
      }],
      events: [ev("x1", "c1", 1, running(3)), ev("x1", "c1", 2, out("hi\n")), ev("x1", "c1", 3, done("ok"))],
    });
    const x = s.byCell.c1;
    expect(x).toMatchObject({ executionId: "x1", status: "ok", executionCount: 3 });
    expect(x.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(elapsedMs(x, Date.now())).toBe(1500);
    expect(s.finished).toBe(0);
  });

  it("keeps a terminal status from the summary when its final event is not in the load yet", () => {
    const s = execReducer(emptyExecState, {
      type: "load",
      executions: [{ id: "x1", cellId: "c1", status: "ok", executionCount: 1, queuedAt: new Date(0), startedAt: new Date(0), finishedAt: new Date(10) }],
      events: [ev("x1", "c1", 1, running(1))],
    });
    expect(s.byCell.c1.status).toBe("ok");
    const t = live(s, ev("x1", "c1", 2, done("ok")));
    expect(t.byCell.c1.status).toBe("ok");
  });

  it("drops duplicate (executionId, seq) pairs and orders by seq", () => {
    let s = live(emptyExecState, ev("x1", "c1", 1, running(1)), ev("x1", "c1", 3, out("b")));
    const before = s;
    s = live(s, ev("x1", "c1", 3, out("b")));
    expect(s).toBe(before);
    s = live(s, ev("x1", "c1", 2, out("a")));
    expect(s.byCell.c1.events.map((e) => e.event)).toEqual([running(1), out("a"), out("b")]);
  });

  it("moves status forward only: queued → running → terminal", () => {
    let s = execReducer(emptyExecState, { type: "queued", token: null, executions: [{ id: "x1", cellId: "c1", queuedAt: new Date(5) }] });
    expect(s.byCell.c1).toMatchObject({ status: "queued", queuedAt: 5, executionCount: null });
    s = live(s, ev("x1", "c1", 1, running(7)));
    expect(s.byCell.c1).toMatchObject({ status: "running", executionCount: 7, startedAt: Date.parse("2026-01-01T00:00:00.000Z") });
    expect(elapsedMs(s.byCell.c1, Date.parse("2026-01-01T00:00:01.200Z"))).toBe(1200);
    s = live(s, ev("x1", "c1", 2, done("error")));
    expect(s.byCell.c1.status).toBe("error");
    expect(s.finished).toBe(1);
    // A replayed "running" must not bring it back.
    s = live(s, ev("x1", "c1", 1, running(7)));
    expect(s.byCell.c1.status).toBe("error");
  });

  it("shows the reason of an aborted execution", () => {
    const s = live(emptyExecState, ev("x1", "c1", 1, done("aborted", "2026-01-01T00:00:00.000Z", "Not run: a cell before it failed.")));
    expect(s.byCell.c1).toMatchObject({ status: "aborted", reason: "Not run: a cell before it failed.", executionCount: null });
  });

  it("replaces a cell's output when a newer execution starts, and ignores the old one afterwards", () => {
    let s = live(emptyExecState, ev("x1", "c1", 1, running(1)), ev("x1", "c1", 2, out("old")));
    s = execReducer(s, { type: "queued", token: null, executions: [{ id: "x2", cellId: "c1", queuedAt: new Date(9) }] });
    expect(s.byCell.c1).toMatchObject({ executionId: "x2", status: "queued", events: [] });
    s = live(s, ev("x1", "c1", 3, out("late")), ev("x1", "c1", 4, done("ok")));
    expect(s.byCell.c1.executionId).toBe("x2");
    expect(s.byCell.c1.events).toEqual([]);
  });

  it("lets an execution seen first in the stream win over its own later 'queued' answer", () => {
    let s = live(emptyExecState, ev("x2", "c1", 1, running(4)));
    s = execReducer(s, { type: "queued", token: null, executions: [{ id: "x2", cellId: "c1", queuedAt: new Date(1) }] });
    expect(s.byCell.c1).toMatchObject({ executionId: "x2", status: "running", queuedAt: 1 });
  });

  it("shows a run as queued before the server answers, and restores the old output if it fails", () => {
    let s = live(emptyExecState, ev("x1", "c1", 1, running(1)), ev("x1", "c1", 2, done("ok")));
    const old = s.byCell.c1;
    s = execReducer(s, { type: "pending", token: "t1", cellIds: ["c1", "c2"], at: 100 });
    expect(s.byCell.c1).toMatchObject({ status: "queued", events: [] });
    expect(s.byCell.c2.status).toBe("queued");
    s = execReducer(s, { type: "pendingFailed", token: "t1" });
    expect(s.byCell.c1).toBe(old);
    expect(s.byCell.c2).toBeUndefined();
    expect(live(s, ev("x1", "c1", 3, out("more"))).byCell.c1.events).toHaveLength(3);
  });

  it("confirms pending runs with their execution ids; an older answer never replaces a newer pending run", () => {
    let s = execReducer(emptyExecState, { type: "pending", token: "t1", cellIds: ["c1"], at: 1 });
    s = execReducer(s, { type: "pending", token: "t2", cellIds: ["c1"], at: 2 });
    s = execReducer(s, { type: "queued", token: "t1", executions: [{ id: "x1", cellId: "c1", queuedAt: new Date(1) }] });
    expect(s.byCell.c1.pending?.token).toBe("t2");
    s = live(s, ev("x1", "c1", 1, running(1)));
    expect(s.byCell.c1.pending?.token).toBe("t2");
    s = execReducer(s, { type: "queued", token: "t2", executions: [{ id: "x2", cellId: "c1", queuedAt: new Date(2) }] });
    expect(s.byCell.c1).toMatchObject({ executionId: "x2", status: "queued" });
    expect(s.byCell.c1.pending).toBeUndefined();
  });

  it("ignores events of executions without a cell", () => {
    const s = live(emptyExecState, { id: "1", executionId: "x", cellId: null, seq: 1, event: out("x") });
    expect(s).toBe(emptyExecState);
  });
});
