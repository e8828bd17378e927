// The usage report against the real database: executions per day by provider and outcome,
// kernel-hours per day (sessions across midnight, still-open ones), busiest users, admin only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { getUsage } from "./get-usage";

// A week long past, so that other tests' rows (made "now") never fall inside it.
const RANGE = { from: "2021-06-01", to: "2021-06-07" };
const NOW = new Date("2021-06-06T06:00:00Z");
const at = (iso: string) => new Date(`${iso}Z`);

type Seeded = { u1: string; u2: string; u3: string };
let seeded: Seeded;

async function notebook(ownerId: string, provider: string) {
  return (await db.notebook.create({ data: { ownerId, title: "usage", provider } })).id;
}

async function session(args: { ownerId: string; notebookId: string; provider: string; startedAt: string; endedAt: string | null }) {
  const { startedAt, endedAt, ...rest } = args;
  const row = await db.kernelSession.create({
    data: { ...rest, instanceId: "test", status: endedAt ? "ended" : "idle", startedAt: at(startedAt), endedAt: endedAt ? at(endedAt) : null },
  });
  return row.id;
}

async function executions(args: { notebookId: string; sessionId: string | null; queuedAt: string; statuses: string[] }) {
  await db.execution.createMany({
    data: args.statuses.map((status) => ({ notebookId: args.notebookId, sessionId: args.sessionId, source: "1", status, queuedAt: at(args.queuedAt) })),
  });
}

beforeAll(async () => {
  const [u1, u2, u3] = [(await createUser()).id, (await createUser()).id, (await createUser()).id];
  const [nbW, nbB, nbJ] = [await notebook(u1, "webr"), await notebook(u2, "backendai"), await notebook(u3, "jupyter")];
  // u1: webR across midnight, 22:00 → 02:00 (2 h on each day).
  const s1 = await session({ ownerId: u1, notebookId: nbW, provider: "webr", startedAt: "2021-06-02T22:00:00", endedAt: "2021-06-03T02:00:00" });
  // u2: Backend.AI, 3 h on the 3rd, then one still open since the 5th at 20:00 (until NOW: 4 h + 6 h).
  const s2 = await session({ ownerId: u2, notebookId: nbB, provider: "backendai", startedAt: "2021-06-03T10:00:00", endedAt: "2021-06-03T13:00:00" });
  await session({ ownerId: u2, notebookId: nbB, provider: "backendai", startedAt: "2021-06-05T20:00:00", endedAt: null });
  // u3: Jupyter from before the range (1 h inside it), and one after it.
  await session({ ownerId: u3, notebookId: nbJ, provider: "jupyter", startedAt: "2021-05-31T23:00:00", endedAt: "2021-06-01T01:00:00" });
  await session({ ownerId: u3, notebookId: nbJ, provider: "jupyter", startedAt: "2021-06-09T10:00:00", endedAt: "2021-06-09T12:00:00" });

  await executions({ notebookId: nbW, sessionId: s1, queuedAt: "2021-06-02T22:30:00", statuses: ["ok", "ok", "error"] });
  await executions({ notebookId: nbW, sessionId: s1, queuedAt: "2021-06-03T00:10:00", statuses: ["ok", "interrupted"] });
  await executions({ notebookId: nbB, sessionId: s2, queuedAt: "2021-06-03T11:00:00", statuses: ["aborted"] });
  // No session: the notebook's provider counts; a queued one has no outcome yet.
  await executions({ notebookId: nbB, sessionId: null, queuedAt: "2021-06-04T09:00:00", statuses: ["lost", "queued"] });
  await executions({ notebookId: nbJ, sessionId: null, queuedAt: "2021-06-08T00:00:00", statuses: ["ok"] });
  seeded = { u1, u2, u3 };
});

const valuesOn = (series: { rows: { day: string; values: Record<string, number> }[] }, day: string) => series.rows.find((r) => r.day === day)!.values;

describe("getUsage", () => {
  it("counts executions per day by provider, every day present with zeros", async () => {
    const report = await getUsage(db, { ...RANGE, now: NOW });
    const series = report.executionsByProvider;
    expect(series.keys).toEqual(["webr", "backendai"]);
    expect(series.rows.map((r) => r.day)).toEqual(["2021-06-01", "2021-06-02", "2021-06-03", "2021-06-04", "2021-06-05", "2021-06-06", "2021-06-07"]);
    expect(valuesOn(series, "2021-06-01")).toEqual({ webr: 0, backendai: 0 });
    expect(valuesOn(series, "2021-06-02")).toEqual({ webr: 3, backendai: 0 });
    expect(valuesOn(series, "2021-06-03")).toEqual({ webr: 2, backendai: 1 });
    expect(valuesOn(series, "2021-06-04")).toEqual({ webr: 0, backendai: 2 });
    expect(report.totals.executions).toBe(8);
  });

  it("counts finished executions per day by outcome", async () => {
    const series = (await getUsage(db, { ...RANGE, now: NOW })).executionsByOutcome;
    expect(series.keys).toEqual(["ok", "error", "interrupted", "aborted", "lost"]);
    expect(valuesOn(series, "2021-06-02")).toEqual({ ok: 2, error: 1, interrupted: 0, aborted: 0, lost: 0 });
    expect(valuesOn(series, "2021-06-03")).toEqual({ ok: 1, error: 0, interrupted: 1, aborted: 1, lost: 0 });
    expect(valuesOn(series, "2021-06-04")).toEqual({ ok: 0, error: 0, interrupted: 0, aborted: 0, lost: 1 });
  });

  it("splits kernel-hours at midnight and counts open sessions up to now", async () => {
    const report = await getUsage(db, { ...RANGE, now: NOW });
    const series = report.kernelHoursByProvider;
    expect(series.keys).toEqual(["webr", "jupyter", "backendai"]);
    const hours = (day: string) => Object.fromEntries(Object.entries(valuesOn(series, day)).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    expect(hours("2021-06-01")).toEqual({ webr: 0, jupyter: 1, backendai: 0 });
    expect(hours("2021-06-02")).toEqual({ webr: 2, jupyter: 0, backendai: 0 });
    expect(hours("2021-06-03")).toEqual({ webr: 2, jupyter: 0, backendai: 3 });
    expect(hours("2021-06-05")).toEqual({ webr: 0, jupyter: 0, backendai: 4 });
    expect(hours("2021-06-06")).toEqual({ webr: 0, jupyter: 0, backendai: 6 });
    expect(hours("2021-06-07")).toEqual({ webr: 0, jupyter: 0, backendai: 0 });
    expect(report.totals.kernelHours).toBeCloseTo(18, 6);
  });

  it("ranks the busiest users by executions and by kernel-hours", async () => {
    const { busiestUsers } = await getUsage(db, { ...RANGE, now: NOW });
    const { u1, u2, u3 } = seeded;
    expect(busiestUsers.byExecutions.map((u) => [u.userId, u.executions])).toEqual([[u1, 5], [u2, 3]]);
    expect(busiestUsers.byKernelHours.map((u) => [u.userId, Math.round(u.kernelHours * 1000) / 1000])).toEqual([[u2, 13], [u1, 4], [u3, 1]]);
    expect(busiestUsers.byExecutions[0]).toMatchObject({ email: expect.stringContaining("@test.local"), kernelHours: 4 });
  });

  it("gives zeros for a range with nothing in it", async () => {
    const report = await getUsage(db, { from: "2020-01-01", to: "2020-01-03", now: NOW });
    expect(report.executionsByProvider).toEqual({ keys: [], rows: ["2020-01-01", "2020-01-02", "2020-01-03"].map((day) => ({ day, values: {} })) });
    expect(report.executionsByOutcome.rows[0]!.values).toEqual({ ok: 0, error: 0, interrupted: 0, aborted: 0, lost: 0 });
    expect(report.busiestUsers).toEqual({ byExecutions: [], byKernelHours: [] });
    expect(report.totals).toEqual({ executions: 0, kernelHours: 0 });
  });
});

describe("adminStats.usage", () => {
  it("answers admins, counting the open session up to the real now", async () => {
    const admin = callerFor(await createUser("ADMIN"));
    const report = await admin.adminStats.usage(RANGE);
    expect(report.from).toBe(RANGE.from);
    expect(valuesOn(report.kernelHoursByProvider, "2021-06-07").backendai).toBeCloseTo(24, 6);
  });

  it("is not found for other users and rejects a reversed range", async () => {
    const user = callerFor(await createUser());
    await expect(user.adminStats.usage(RANGE)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(user.adminStats.health()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(user.adminStats.storage()).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = callerFor(await createUser("ADMIN"));
    await expect(admin.adminStats.usage({ from: "2021-06-07", to: "2021-06-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
