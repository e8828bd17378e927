// Shared result links on real PostgreSQL: tokens stored only as hashes, the frozen snapshot and its
// provenance, revoke and expiry, owner scoping, view counting, and what the public reader exposes.
import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import type { StoredEvent } from "@/server/contracts/outputs";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { firstPlot } from "./first-plot";
import { countShareView, readSharedNotebook } from "./read-shared-notebook";
import { appOrigin } from "./share-url";

const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const CODE = ['df <- read.csv("datasets/iris.csv")\nplot(df)', 'IRdisplay::display_html("<b>hi</b><script>alert(1)</script>")'];

async function dataset(ownerId: string, name: string, status = "ready") {
  return db.dataset.create({
    data: { ownerId, name, blobName: `users/${ownerId}/${randomUUID()}`, size: BigInt(4096), contentType: "text/csv", status,
      blockSize: 8 * 1024 * 1024, fileKey: randomUUID(), md5: Buffer.from("0123456789abcdef").toString("base64") },
  });
}

async function run(notebookId: string, cellId: string, source: string, sessionId: string, count: number, events: StoredEvent[]) {
  const execution = await db.execution.create({
    data: { notebookId, cellId, sessionId, source, status: "ok", executionCount: count, startedAt: new Date(), finishedAt: new Date() },
  });
  await db.executionEvent.createMany({
    data: events.map((event, i) => ({ executionId: execution.id, notebookId, seq: i + 1, type: event.type, payload: event as Prisma.InputJsonObject })),
  });
}

/** A notebook with a markdown cell, a plot, an HTML output and a dataset read; run on webR. */
async function sharedNotebook(options: { name?: string } = {}) {
  const user = await createUser();
  if (options.name) await db.user.update({ where: { id: user.id }, data: { name: options.name } });
  const api = callerFor(user);
  const { id: notebookId } = await api.notebook.create({ title: "Iris findings" });
  const { version } = await api.notebook.get({ id: notebookId });
  const cells = [
    { id: randomUUID(), kind: "markdown" as const, source: "# Findings\n<img src=x onerror=alert(1)>" },
    { id: randomUUID(), kind: "code" as const, source: CODE[0] },
    { id: randomUUID(), kind: "code" as const, source: CODE[1] },
  ];
  await api.notebook.save({ id: notebookId, version, cells });
  const session = await db.kernelSession.create({
    data: { notebookId, ownerId: user.id, provider: "webr", instanceId: "test", runtime: "R 4.6.0", status: "idle" },
  });
  const at = new Date().toISOString();
  await run(notebookId, cells[1].id, CODE[0], session.id, 1, [
    { type: "status", status: "running", executionCount: 1, at },
    { type: "display_data", data: { "image/png": PNG, "text/plain": "<plot>" } },
    { type: "status", status: "ok", at },
  ]);
  await run(notebookId, cells[2].id, CODE[1], session.id, 2, [
    { type: "display_data", data: { "text/html": "<b>hi</b><script>alert(1)</script>", "text/plain": "hi" } },
  ]);
  await dataset(user.id, "iris.csv");
  await dataset(user.id, "unused.csv");
  return { user, api, notebookId, cells };
}

function tokenOf(url: string): string {
  const match = /\/share\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!match) throw new Error(`not a share URL: ${url}`);
  return match[1];
}

describe("share.create", () => {
  it("makes a 256-bit token, stores only its SHA-256, and audits the creation", async () => {
    const { user, api, notebookId } = await sharedNotebook();
    const first = await api.share.create({ notebookId });
    const second = await api.share.create({ notebookId, expiresInDays: 7 });
    const [a, b] = [tokenOf(first.url), tokenOf(second.url)];
    expect(first.url).toBe(new URL(`/share/${a}`, appOrigin()).toString());
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(first.expiresAt).toBeNull();
    expect(second.expiresAt!.getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);

    const row = await db.shareLink.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(a).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(a);
    const audit = await db.auditEvent.findMany({ where: { actorId: user.id, action: "share.create" } });
    expect(audit.map((e) => e.target).sort()).toEqual([first.id, second.id].sort());
  });

  it("refuses another user's notebook as not found, and anonymous callers", async () => {
    const { notebookId } = await sharedNotebook();
    await expect(callerFor(await createUser()).share.create({ notebookId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).share.create({ notebookId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.shareLink.count({ where: { notebookId } })).toBe(0);
  });
});

describe("the snapshot", () => {
  it("keeps cells in order with their latest outputs, and the provenance", async () => {
    const { api, notebookId, user } = await sharedNotebook();
    const { url } = await api.share.create({ notebookId });
    const shared = await readSharedNotebook(db, { token: tokenOf(url) });
    expect(shared).not.toBeNull();
    const { snapshot } = shared!;
    expect(snapshot.title).toBe("Iris findings");
    expect(snapshot.cells.map((c) => c.kind)).toEqual(["markdown", "code", "code"]);
    const [, plot, html] = snapshot.cells;
    expect(plot).toMatchObject({ kind: "code", source: CODE[0], executionCount: 1, status: "ok" });
    expect(plot.kind === "code" && plot.events.map((e) => e.type)).toEqual(["status", "display_data", "status"]);
    expect(html.kind === "code" && html.events[0]).toMatchObject({ type: "display_data", data: { "text/html": expect.stringContaining("<b>hi</b>") } });
    expect(firstPlot(snapshot)?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    expect(snapshot.author).toBe(user.email.split("@")[0]);
    expect(snapshot.kernel).toEqual({ provider: "webr", providerLabel: "embedded webR", runtime: "R 4.6.0" });
    expect(snapshot.codeSha256).toBe(createHash("sha256").update(CODE.join("\n")).digest("hex"));
    expect(snapshot.datasets).toEqual([{ name: "iris.csv", size: 4096, md5: Buffer.from("0123456789abcdef").toString("hex") }]);
    expect(snapshot.lastRunAt).not.toBeNull();
  });

  it("uses the author's name when set, and stays as it was when the notebook changes", async () => {
    const { api, notebookId } = await sharedNotebook({ name: "Ada Lovelace" });
    const { url } = await api.share.create({ notebookId });
    const { version } = await api.notebook.get({ id: notebookId });
    await api.notebook.save({ id: notebookId, version, cells: [{ id: randomUUID(), kind: "code", source: "secret <- 42" }] });
    await api.notebook.rename({ id: notebookId, title: "Renamed" });
    const shared = await readSharedNotebook(db, { token: tokenOf(url) });
    expect(shared!.snapshot.author).toBe("Ada Lovelace");
    expect(shared!.title).toBe("Iris findings");
    expect(shared!.snapshot.cells).toHaveLength(3);
    expect(JSON.stringify(shared)).not.toContain("secret <- 42");
  });

  it("falls back to the notebook's provider, with no plot, no datasets and an empty hash input, for a notebook never run", async () => {
    const user = await createUser();
    const api = callerFor(user);
    const { id: notebookId } = await api.notebook.create({});
    const { url } = await api.share.create({ notebookId });
    const { snapshot } = (await readSharedNotebook(db, { token: tokenOf(url) }))!;
    expect(snapshot.kernel.provider).toBe("webr");
    expect(snapshot.datasets).toEqual([]);
    expect(firstPlot(snapshot)).toBeNull();
    expect(snapshot.codeSha256).toBe(createHash("sha256").update("").digest("hex"));
  });
});

describe("the public reader", () => {
  it("returns only the snapshot and the link's dates: no email, ids or other notebooks", async () => {
    const { user, api, notebookId } = await sharedNotebook();
    const other = await api.notebook.create({ title: "Private other notebook" });
    const { url } = await api.share.create({ notebookId });
    const shared = await readSharedNotebook(db, { token: tokenOf(url) });
    expect(Object.keys(shared!).sort()).toEqual(["createdAt", "expiresAt", "snapshot", "title"]);
    const text = JSON.stringify(shared);
    for (const secret of [user.email, "@test.local", user.id, notebookId, other.id, "Private other notebook", "unused.csv"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("finds nothing for malformed, unknown, revoked or expired tokens", async () => {
    const { user, api, notebookId } = await sharedNotebook();
    expect(await readSharedNotebook(db, { token: "short" })).toBeNull();
    expect(await readSharedNotebook(db, { token: "A".repeat(43) })).toBeNull();

    const revoked = await api.share.create({ notebookId });
    await api.share.revoke({ id: revoked.id });
    expect(await readSharedNotebook(db, { token: tokenOf(revoked.url) })).toBeNull();
    const audit = await db.auditEvent.findFirst({ where: { actorId: user.id, action: "share.revoke" } });
    expect(audit?.target).toBe(revoked.id);

    const expiring = await api.share.create({ notebookId, expiresInDays: 1 });
    expect(await readSharedNotebook(db, { token: tokenOf(expiring.url) })).not.toBeNull();
    await db.shareLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readSharedNotebook(db, { token: tokenOf(expiring.url) })).toBeNull();
    const states = Object.fromEntries((await api.share.list({ notebookId })).map((l) => [l.id, l.state]));
    expect(states).toEqual({ [revoked.id]: "revoked", [expiring.id]: "expired" });
  });

  it("counts views by anyone but the owner, and none once revoked", async () => {
    const { user, api, notebookId } = await sharedNotebook();
    const { id, url } = await api.share.create({ notebookId });
    const token = tokenOf(url);
    await countShareView(db, { token, viewerId: null });
    await countShareView(db, { token, viewerId: (await createUser()).id });
    await countShareView(db, { token, viewerId: user.id });
    const [link] = await api.share.list({ notebookId });
    expect(link).toMatchObject({ id, views: 2, state: "active" });
    expect(link.lastViewedAt).toBeInstanceOf(Date);
    await api.share.revoke({ id });
    await countShareView(db, { token, viewerId: null });
    expect((await db.shareLink.findUniqueOrThrow({ where: { id } })).views).toBe(2);
  });
});

describe("share.list and share.revoke", () => {
  it("list the caller's links only, without token hash or snapshot, optionally for one notebook", async () => {
    const { api, notebookId } = await sharedNotebook();
    const { id: otherNotebook } = await api.notebook.create({});
    const a = await api.share.create({ notebookId });
    const b = await api.share.create({ notebookId: otherNotebook });
    expect((await api.share.list({ notebookId })).map((l) => l.id)).toEqual([a.id]);
    const all = await api.share.list();
    expect(all.map((l) => l.id)).toEqual([b.id, a.id]);
    expect(Object.keys(all[0]).sort()).toEqual(["createdAt", "expiresAt", "id", "lastViewedAt", "notebookId", "revokedAt", "state", "title", "views"]);

    const stranger = callerFor(await createUser());
    expect(await stranger.share.list()).toEqual([]);
    expect(await stranger.share.list({ notebookId })).toEqual([]);
    await expect(stranger.share.revoke({ id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(null).share.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await readSharedNotebook(db, { token: tokenOf(a.url) })).not.toBeNull();
  });

  it("revoking twice keeps the first revocation and audits it once", async () => {
    const { user, api, notebookId } = await sharedNotebook();
    const { id } = await api.share.create({ notebookId });
    const first = await api.share.revoke({ id });
    const again = await api.share.revoke({ id });
    expect(again.revokedAt).toEqual(first.revokedAt);
    expect(await db.auditEvent.count({ where: { actorId: user.id, action: "share.revoke", target: id } })).toBe(1);
  });
});
