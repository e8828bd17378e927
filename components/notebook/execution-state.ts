// Folds execution events (from the notebook load and the live stream) into each cell's latest
// execution: de-duplicated by executionId+seq, kept in seq order, statuses only moving forward.
import type { NotebookEvent } from "@/server/contracts/events";
import type { ExecutionStatus, StoredEvent } from "@/server/contracts/outputs";

export type SeqEvent = { seq: number; event: StoredEvent };

export type CellExecution = {
  executionId: string;
  cellId: string;
  status: ExecutionStatus;
  /** Seq of the status event that set `status` (0: from the load summary or local). */
  statusSeq: number;
  executionCount: number | null;
  queuedAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  reason: string | null;
  events: SeqEvent[];
  /** Set while the server has not yet confirmed this run; `previous` comes back if it fails. */
  pending?: { token: string; previous: CellExecution | null };
};

export type ExecState = {
  byCell: Readonly<Record<string, CellExecution>>;
  /** Executions replaced by a newer run of their cell: their late events are dropped. */
  superseded: ReadonlySet<string>;
  /** Counts executions seen finishing live (lets the history panel refresh). */
  finished: number;
};

export type ExecutionSummaryLike = {
  id: string;
  cellId: string | null;
  status: ExecutionStatus;
  executionCount: number | null;
  queuedAt: Date | string;
  startedAt: Date | string | null;
  finishedAt: Date | string | null;
};

export type ExecAction =
  | { type: "load"; executions: ExecutionSummaryLike[]; events: NotebookEvent[] }
  | { type: "events"; events: NotebookEvent[] }
  | { type: "pending"; token: string; cellIds: string[]; at: number }
  | { type: "pendingFailed"; token: string }
  | { type: "queued"; token: string | null; executions: { id: string; cellId: string; queuedAt: Date | string }[] };

export const emptyExecState: ExecState = { byCell: {}, superseded: new Set(), finished: 0 };

export function execReducer(state: ExecState, action: ExecAction): ExecState {
  switch (action.type) {
    case "load":
      return applyEvents(load(action.executions), action.events, { live: false });
    case "events":
      return applyEvents(state, action.events, { live: true });
    case "pending":
      return markPending(state, action.token, action.cellIds, action.at);
    case "pendingFailed":
      return restorePending(state, action.token);
    case "queued":
      return action.executions.reduce((s, e) => registerQueued(s, action.token, e.id, e.cellId, toMs(e.queuedAt)), state);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function toMs(value: Date | string | null): number | null {
  if (value === null) return null;
  return typeof value === "string" ? Date.parse(value) : value.getTime();
}

function fresh(executionId: string, cellId: string, status: ExecutionStatus, queuedAt: number | null): CellExecution {
  return {
    executionId, cellId, status, statusSeq: 0, executionCount: null, queuedAt,
    startedAt: null, finishedAt: null, reason: null, events: [],
  };
}

function load(executions: ExecutionSummaryLike[]): ExecState {
  const byCell: Record<string, CellExecution> = {};
  for (const e of executions) {
    if (!e.cellId) continue;
    byCell[e.cellId] = {
      ...fresh(e.id, e.cellId, e.status, toMs(e.queuedAt)),
      executionCount: e.executionCount,
      startedAt: toMs(e.startedAt),
      finishedAt: toMs(e.finishedAt),
    };
  }
  return { byCell, superseded: new Set(), finished: 0 };
}

function withAdded(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (set.has(id)) return set;
  const next = new Set(set);
  next.add(id);
  return next;
}

/** Makes `exec` the cell's current execution; the one it replaces is superseded. */
function replaceCurrent(state: ExecState, exec: CellExecution): ExecState {
  const current = state.byCell[exec.cellId];
  const superseded = current && !current.pending && current.executionId !== exec.executionId
    ? withAdded(state.superseded, current.executionId)
    : state.superseded;
  return { ...state, superseded, byCell: { ...state.byCell, [exec.cellId]: exec } };
}

/**
 * Folds a batch of events in one pass: the cell map (and the superseded set) is copied once per
 * batch, not once per event, so loading a 2,000-cell notebook's events is linear, not quadratic.
 */
function applyEvents(state: ExecState, events: NotebookEvent[], opts: { live: boolean }): ExecState {
  const byCell: Record<string, CellExecution> = { ...state.byCell };
  let superseded: Set<string> | null = null;
  let finished = state.finished;
  let changed = false;
  for (const e of events) {
    if (!e.cellId || (superseded ?? state.superseded).has(e.executionId)) continue;
    const current = byCell[e.cellId];
    const base = current && current.executionId === e.executionId ? current : fresh(e.executionId, e.cellId, "queued", null);
    const seqEvents = insertBySeq(base.events, { seq: e.seq, event: e.event });
    if (seqEvents === base.events) continue;
    let exec: CellExecution = { ...base, events: seqEvents };
    if (e.event.type === "status") exec = applyStatus(exec, e.seq, e.event);
    if (opts.live && exec.status !== base.status && isTerminalStatus(exec.status)) finished++;
    // The execution it replaces (if any) is superseded: its late events are dropped.
    if (current && !current.pending && current.executionId !== exec.executionId) {
      superseded ??= new Set(state.superseded);
      superseded.add(current.executionId);
    }
    byCell[e.cellId] = exec;
    changed = true;
  }
  return changed ? { ...state, byCell, superseded: superseded ?? state.superseded, finished } : state;
}

/** Inserts keeping seq order; returns the same array when that seq is already there. */
function insertBySeq(events: SeqEvent[], item: SeqEvent): SeqEvent[] {
  let i = events.length;
  while (i > 0 && events[i - 1].seq > item.seq) i--;
  if (i > 0 && events[i - 1].seq === item.seq) return events;
  return [...events.slice(0, i), item, ...events.slice(i)];
}

/** queued 0 → running 1 → finished 2 (a local copy: the contracts module would bring zod into the page). */
function rank(status: ExecutionStatus): 0 | 1 | 2 {
  switch (status) {
    case "queued":
      return 0;
    case "running":
      return 1;
    case "ok":
    case "error":
    case "interrupted":
    case "aborted":
    case "lost":
      return 2;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export function isTerminalStatus(status: ExecutionStatus): boolean {
  return rank(status) === 2;
}

type StatusEvent = Extract<StoredEvent, { type: "status" }>;

function applyStatus(exec: CellExecution, seq: number, ev: StatusEvent): CellExecution {
  const at = Date.parse(ev.at);
  const filled: CellExecution = {
    ...exec,
    executionCount: exec.executionCount ?? ev.executionCount ?? null,
    startedAt: exec.startedAt ?? (ev.status === "running" ? at : null),
  };
  const newer = rank(ev.status) > rank(exec.status) || (rank(ev.status) === rank(exec.status) && seq > exec.statusSeq);
  if (!newer) return filled;
  const terminal = isTerminalStatus(ev.status);
  return {
    ...filled,
    status: ev.status,
    statusSeq: seq,
    executionCount: ev.executionCount ?? filled.executionCount,
    startedAt: ev.status === "running" ? at : filled.startedAt,
    finishedAt: terminal ? at : filled.finishedAt,
    reason: terminal ? (ev.reason ?? null) : filled.reason,
  };
}

function markPending(state: ExecState, token: string, cellIds: string[], at: number): ExecState {
  let next = state;
  for (const cellId of cellIds) {
    const previous = next.byCell[cellId] ?? null;
    const exec: CellExecution = { ...fresh(`pending:${token}:${cellId}`, cellId, "queued", at), pending: { token, previous } };
    next = replaceCurrent(next, exec);
  }
  return next;
}

function restorePending(state: ExecState, token: string): ExecState {
  const byCell = { ...state.byCell };
  const superseded = new Set(state.superseded);
  let changed = false;
  for (const [cellId, exec] of Object.entries(state.byCell)) {
    if (exec.pending?.token !== token) continue;
    changed = true;
    const previous = exec.pending.previous;
    if (previous) {
      byCell[cellId] = previous;
      superseded.delete(previous.executionId);
    } else delete byCell[cellId];
  }
  return changed ? { ...state, byCell, superseded } : state;
}

function registerQueued(state: ExecState, token: string | null, id: string, cellId: string, queuedAt: number | null): ExecState {
  const current = state.byCell[cellId];
  if (current?.executionId === id) {
    return current.queuedAt === null ? { ...state, byCell: { ...state.byCell, [cellId]: { ...current, queuedAt } } } : state;
  }
  if (state.superseded.has(id)) return state;
  // A newer run of this cell is already waiting for its answer: this one is older.
  if (current?.pending && current.pending.token !== token) return { ...state, superseded: withAdded(state.superseded, id) };
  return replaceCurrent(state, fresh(id, cellId, "queued", queuedAt));
}

/** Milliseconds the execution ran (or has been running, given `now`); null before it starts. */
export function elapsedMs(exec: CellExecution, now: number): number | null {
  if (exec.startedAt === null) return null;
  const end = isTerminalStatus(exec.status) ? (exec.finishedAt ?? exec.startedAt) : now;
  return Math.max(0, end - exec.startedAt);
}
