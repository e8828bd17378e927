// Notebook procedures through tRPC against real PostgreSQL: ownership, saving, stale versions, limits.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";

describe("notebook procedures", () => {
  it("creates, lists, renames and deletes only the caller's notebooks", async () => {
    const alice = callerFor(await createUser());
    const bob = callerFor(await createUser());
    const nb = await alice.notebook.create({ title: "Sales model" });
    expect((await alice.notebook.list()).map((n) => n.id)).toContain(nb.id);
    expect(await bob.notebook.list()).toEqual([]);
    await alice.notebook.rename({ id: nb.id, title: "Sales model v2" });
    expect((await alice.notebook.get({ id: nb.id })).title).toBe("Sales model v2");
    await alice.notebook.delete({ id: nb.id });
    await expect(alice.notebook.get({ id: nb.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers another user's notebook id with not found, for every procedure", async () => {
    const alice = callerFor(await createUser());
    const bob = callerFor(await createUser());
    const nb = await alice.notebook.create({});
    const { version, cells } = await alice.notebook.get({ id: nb.id });
    const attempts = [
      () => bob.notebook.get({ id: nb.id }),
      () => bob.notebook.rename({ id: nb.id, title: "mine now" }),
      () => bob.notebook.save({ id: nb.id, version, cells: [] }),
      () => bob.notebook.delete({ id: nb.id }),
      () => bob.execution.run({ notebookId: nb.id, cells: [{ cellId: cells[0].id, source: "1" }] }),
      () => bob.execution.history({ notebookId: nb.id, limit: 10 }),
      () => bob.kernel.get({ notebookId: nb.id }),
      () => bob.kernel.restart({ notebookId: nb.id }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Notebook not found." });
    expect((await alice.notebook.get({ id: nb.id })).cells).toHaveLength(1);
  });

  it("refuses anonymous callers", async () => {
    await expect(callerFor(null).notebook.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("saves cell order, kinds and sources, and refuses a save based on a stale version", async () => {
    const alice = callerFor(await createUser());
    const nb = await alice.notebook.create({});
    const loaded = await alice.notebook.get({ id: nb.id });
    const first = loaded.cells[0];
    const md = { id: randomUUID(), kind: "markdown" as const, source: "# Title" };
    const saved = await alice.notebook.save({
      id: nb.id, version: loaded.version, cells: [md, { ...first, source: "summary(cars)" }],
    });
    expect(saved.version).toBe(loaded.version + 1);
    const reloaded = await alice.notebook.get({ id: nb.id });
    expect(reloaded.cells.map((c) => [c.kind, c.source])).toEqual([["markdown", "# Title"], ["code", "summary(cars)"]]);

    // A second tab still holding the first version cannot overwrite the newer content.
    await expect(
      alice.notebook.save({ id: nb.id, version: loaded.version, cells: [{ ...first, source: "stale" }] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await alice.notebook.get({ id: nb.id })).cells.map((c) => c.source)).toEqual(["# Title", "summary(cars)"]);

    // Removing a cell deletes it.
    await alice.notebook.save({ id: nb.id, version: saved.version, cells: [{ ...first, source: "x" }] });
    expect((await alice.notebook.get({ id: nb.id })).cells.map((c) => c.id)).toEqual([first.id]);
  });

  it("validates input: titles, duplicate cell ids, cell ids of another notebook", async () => {
    const alice = callerFor(await createUser());
    const a = await alice.notebook.create({});
    const b = await alice.notebook.create({});
    await expect(alice.notebook.rename({ id: a.id, title: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const la = await alice.notebook.get({ id: a.id });
    const lb = await alice.notebook.get({ id: b.id });
    const dup = { id: randomUUID(), kind: "code" as const, source: "" };
    await expect(alice.notebook.save({ id: a.id, version: la.version, cells: [dup, dup] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      alice.notebook.save({ id: a.id, version: la.version, cells: [{ ...lb.cells[0], source: "hijack" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await alice.notebook.get({ id: b.id })).cells[0].source).toBe("");
  });

  it("refuses code over the size limit with a clear message", async () => {
    const alice = callerFor(await createUser());
    const nb = await alice.notebook.create({});
    const { cells } = await alice.notebook.get({ id: nb.id });
    const huge = "x <- 1\n".repeat(60_000);
    await expect(alice.execution.run({ notebookId: nb.id, cells: [{ cellId: cells[0].id, source: huge }] })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/limit is 256 KB/),
    });
  });

  it("creates example notebooks where no cluster offers their image: R on webR, Python naming its image", async () => {
    const alice = callerFor(await createUser());
    const mro = await alice.notebook.createFromExample({ exampleId: "mro-linear-algebra" });
    expect(mro).toMatchObject({ title: "Microsoft R Open: multithreaded linear algebra", provider: "webr", runtime: null });
    const loaded = await alice.notebook.get({ id: mro.id });
    expect(loaded.cells[0].kind).toBe("markdown");
    expect(loaded.cells.filter((c) => c.kind === "code").length).toBeGreaterThanOrEqual(4);
    const cntk = await alice.notebook.createFromExample({ exampleId: "cntk-logistic-regression" });
    expect(cntk).toMatchObject({ provider: "backendai", runtime: "lablup/python-cntk:2.7-py36" });
    expect((await alice.notebook.get({ id: cntk.id })).language).toBe("python");
    expect((await callerFor(await createUser()).notebook.list()).map((n) => n.id)).not.toContain(mro.id);
  });
});
