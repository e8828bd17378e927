// Import and export through tRPC against real PostgreSQL: an imported notebook opens with its outputs,
// exports validate with nbformat, bad files create nothing, and only the owner can export.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor } from "@/test/caller";
import { createUser } from "@/test/fixtures";
import { checkWithNbformat } from "./formats/fixtures/nbformat-validate";
import { readFixture } from "./formats/fixtures/read-fixture";

async function counts(ownerId: string) {
  const where = { notebook: { ownerId } };
  return {
    notebooks: await db.notebook.count({ where: { ownerId } }),
    cells: await db.cell.count({ where }),
    executions: await db.execution.count({ where }),
    events: await db.executionEvent.count({ where: { execution: where } }),
  };
}

describe("notebook import and export", () => {
  it("imports an IRkernel notebook: cells, outputs (plot, stream, error) and prompt numbers show on open", async () => {
    const user = await createUser();
    const alice = callerFor(user);
    const { id, notes } = await alice.notebook.import({ filename: "Cars analysis.ipynb", content: readFixture("ir-cars.ipynb") });
    expect(notes).toEqual([]);
    const nb = await alice.notebook.get({ id });
    expect(nb).toMatchObject({ title: "Cars analysis", provider: "webr" });
    expect(nb.cells.map((c) => c.kind)).toEqual(["markdown", "code", "code", "code", "code"]);
    expect(nb.cells[3].source).toBe('x <- log(-1)\nmessage("computed x")\nx');

    const byCell = new Map(nb.executions.map((e) => [e.cellId, e]));
    expect(nb.cells.map((c) => byCell.get(c.id)?.status ?? null)).toEqual([null, "ok", "ok", "ok", "error"]);
    expect(nb.cells.map((c) => byCell.get(c.id)?.executionCount ?? null)).toEqual([null, 1, 2, 3, 4]);
    const eventsOf = (cellIndex: number) =>
      nb.events.filter((e) => e.executionId === byCell.get(nb.cells[cellIndex].id)?.id).map((e) => e.event);
    expect(eventsOf(2)[0]).toMatchObject({ type: "display_data", data: { "image/png": expect.stringMatching(/^iVBORw0KGgo/) } });
    expect(eventsOf(1)[0]).toEqual({ type: "stream", name: "stdout", text: "rows: 50 \n" });
    expect(eventsOf(4).map((e) => e.type)).toEqual(["error", "status"]);
    expect(eventsOf(4).at(-1)).toMatchObject({ type: "status", status: "error", executionCount: 4 });
    expect((await alice.notebook.list()).find((n) => n.id === id)).toMatchObject({ cellCount: 5 });
  });

  it("imports an nbformat 3 IRkernel notebook upgraded, keeping cell metadata for export", async () => {
    const alice = callerFor(await createUser());
    const { id, notes } = await alice.notebook.import({ filename: "Demo.ipynb", content: readFixture("irkernel-demo-v3.ipynb") });
    expect(notes).toEqual([]);
    const nb = await alice.notebook.get({ id });
    expect(nb.cells.map((c) => c.kind)).toEqual(["markdown", "markdown", "markdown", "code", "code", "code"]);
    expect(nb.cells[0]?.source).toBe("# Native R kernel for IPython");
    expect(nb.events.map((e) => e.event.type)).toEqual(["execute_result", "status", "display_data", "execute_result", "status", "stream", "error", "status"]);
    const file = await alice.notebook.export({ id, format: "ipynb" });
    expect(await checkWithNbformat(file.content)).toEqual({ ok: true, stderr: "" });
    expect(JSON.parse(file.content).cells[3].metadata).toEqual({ collapsed: false });
  });

  it("imports R Markdown, Quarto and R Notebook files and exports the .Rmd back byte for byte", async () => {
    const alice = callerFor(await createUser());
    for (const [filename, fixture] of [
      ["analysis.Rmd", "rmd/rstudio-template.Rmd"], ["penguins.qmd", "rmd/quarto-penguins.qmd"],
      ["windows.Rmd", "rmd/windows-crlf.Rmd"], ["Stopping distances.nb.html", "rmd/rstudio-template.nb.html"],
    ] as const) {
      const { id } = await alice.notebook.import({ filename, content: readFixture(fixture) });
      const nb = await alice.notebook.get({ id });
      expect(nb.cells.length, filename).toBeGreaterThanOrEqual(3);
      const expected = readFixture(fixture.endsWith(".nb.html") ? "rmd/rstudio-template.Rmd" : fixture);
      expect((await alice.notebook.export({ id, format: "rmd" })).content, filename).toBe(expected);
    }
  });

  it("exports .ipynb that nbformat validates and that imports back the same, and .Rmd", async () => {
    const alice = callerFor(await createUser());
    const { id } = await alice.notebook.import({ filename: "cars.ipynb", content: readFixture("ir-cars.ipynb") });
    const file = await alice.notebook.export({ id, format: "ipynb" });
    expect(file).toMatchObject({ filename: "cars.ipynb", contentType: "application/x-ipynb+json" });
    expect(await checkWithNbformat(file.content)).toEqual({ ok: true, stderr: "" });
    const exported = JSON.parse(file.content);
    expect(exported.metadata.kernelspec).toEqual({ name: "ir", display_name: "R", language: "R" });
    const original = JSON.parse(readFixture("ir-cars.ipynb"));
    expect(exported.cells.map((c: { source: string[] }) => c.source.join(""))).toEqual(
      original.cells.map((c: { source: string[] }) => c.source.join("")),
    );
    expect(exported.cells.map((c: { execution_count?: number | null }) => c.execution_count ?? null)).toEqual([null, 1, 2, 3, 4]);
    expect(exported.cells[2].outputs[0].data["image/png"]).toBe(original.cells[2].outputs[0].data["image/png"]);

    const again = await alice.notebook.import({ filename: file.filename, content: file.content });
    const [a, b] = await Promise.all([alice.notebook.get({ id }), alice.notebook.get({ id: again.id })]);
    expect(b.cells.map((c) => [c.kind, c.source])).toEqual(a.cells.map((c) => [c.kind, c.source]));
    expect(b.events.length).toBeLessThanOrEqual(a.events.length); // adjacent stderr streams are one output in nbformat

    const rmd = await alice.notebook.export({ id, format: "rmd" });
    expect(rmd).toMatchObject({ filename: "cars.Rmd", contentType: "text/x-r-markdown" });
    expect(rmd.content).toMatch(/^---\ntitle: "cars"\noutput: html_document\n---\n\n# Cars: stopping distance/);
    expect(rmd.content).toContain("```{r}\nplot(cars$speed, cars$dist, main = \"Stopping distance\")\n```");
  });

  it("exports a notebook made in Kernelbook, with cells never run", async () => {
    const alice = callerFor(await createUser());
    const nb = await alice.notebook.create({ title: "Q3: sales/costs" });
    const loaded = await alice.notebook.get({ id: nb.id });
    await alice.notebook.save({ id: nb.id, version: loaded.version, cells: [{ ...loaded.cells[0], source: "summary(cars)" }] });
    const file = await alice.notebook.export({ id: nb.id, format: "ipynb" });
    expect(file.filename).toBe("Q3- sales-costs.ipynb");
    expect(await checkWithNbformat(file.content)).toEqual({ ok: true, stderr: "" });
    expect(JSON.parse(file.content).cells).toEqual([
      { id: loaded.cells[0].id, cell_type: "code", metadata: {}, source: ["summary(cars)"], execution_count: null, outputs: [] },
    ]);
  });

  it("imports a Python notebook on the jupyter provider with a note that it cannot run yet", async () => {
    const alice = callerFor(await createUser());
    const { id, notes } = await alice.notebook.import({ filename: "sales.ipynb", content: readFixture("python-pandas.ipynb") });
    expect(notes[0]).toMatch(/Python notebook.*cannot run until a Jupyter server is configured/);
    const nb = await alice.notebook.get({ id });
    expect(nb.provider).toBe("jupyter");
    const exported = JSON.parse((await alice.notebook.export({ id, format: "ipynb" })).content);
    expect(exported.metadata.kernelspec.name).toBe("python3");
    expect((await alice.notebook.export({ id, format: "rmd" })).content).toContain("```{python}\nimport pandas as pd\n");
  });

  it("refuses malformed and oversized files with a clear message, creating nothing", async () => {
    const user = await createUser();
    const alice = callerFor(user);
    await alice.notebook.import({ filename: "ok.ipynb", content: readFixture("ir-cars.ipynb") });
    const before = await counts(user.id);
    const attempts: [string, string, RegExp][] = [
      ["missing.ipynb", readFixture("malformed-missing-cell-type.ipynb"), /^This file is not a Jupyter notebook: cell 3 has no cell_type\.$/],
      ["ancient.ipynb", '{"nbformat": 1, "cells": []}', /^This notebook uses nbformat 1; nbformat 2, 3 and 4 can be imported\.$/],
      ["cut.ipynb", readFixture("truncated.ipynb"), /not valid JSON/],
      ["huge.ipynb", " ".repeat(20 * 1024 * 1024 + 1), /larger than 20 MB/],
      ["empty.ipynb", "", /empty/],
      ["blank.Rmd", "\n  \n", /^This R Markdown file is empty\.$/],
      ["page.html", "<html></html>", /^This HTML file is not an R Notebook/],
    ];
    for (const [filename, content, message] of attempts) {
      const error = await alice.notebook.import({ filename, content }).then(() => null, (e: unknown) => e);
      expect(error, filename).toMatchObject({ code: "BAD_REQUEST" });
      expect(messageOf(error), filename).toMatch(message);
    }
    expect(await counts(user.id)).toEqual(before);
  });

  it("rolls back a half-written import: a failure at its last insert leaves nothing", async () => {
    const user = await createUser();
    const alice = callerFor(user);
    const before = await counts(user.id);
    // A trigger makes PostgreSQL refuse the events of this one import: the last statement of its transaction.
    const marker = `fail-${user.id}`;
    await db.$executeRawUnsafe(`CREATE FUNCTION kb_fail_${user.id}() RETURNS trigger AS $$ BEGIN
      IF NEW.payload::text LIKE '%${marker}%' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER kb_fail_${user.id} BEFORE INSERT ON "ExecutionEvent"
      FOR EACH ROW EXECUTE FUNCTION kb_fail_${user.id}()`);
    try {
      const nb = JSON.parse(readFixture("ir-cars.ipynb"));
      nb.cells[4].outputs.push({ output_type: "stream", name: "stdout", text: marker });
      await expect(alice.notebook.import({ filename: "fails.ipynb", content: JSON.stringify(nb) })).rejects.toBeTruthy();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER kb_fail_${user.id} ON "ExecutionEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION kb_fail_${user.id}()`);
    }
    expect(await counts(user.id)).toEqual(before);
  });

  it("stores text PostgreSQL cannot hold (NUL) as U+FFFD rather than failing", async () => {
    const alice = callerFor(await createUser());
    const nb = JSON.parse(readFixture("ir-cars.ipynb"));
    nb.cells[1].source = "cat('a\\0b')";
    nb.cells[1].outputs = [{ output_type: "stream", name: "stdout", text: "a\u0000b" }];
    const { id } = await alice.notebook.import({ filename: "nul.ipynb", content: JSON.stringify(nb) });
    const loaded = await alice.notebook.get({ id });
    expect(loaded.events.map((e) => e.event)).toContainEqual({ type: "stream", name: "stdout", text: "a\uFFFDb" });
  });

  it("imports a notebook at the cell limit, every cell with outputs, within the transaction's time", async () => {
    const alice = callerFor(await createUser());
    const cells = Array.from({ length: 2000 }, (_, i) => ({
      cell_type: "code", execution_count: i + 1, metadata: {}, source: [`x${i} <- ${i}\n`, `x${i}`],
      outputs: Array.from({ length: 5 }, (_, j) => ({ output_type: "stream", name: j % 2 ? "stderr" : "stdout", text: [`line ${j}\n`] })),
    }));
    const content = JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "ir", display_name: "R", language: "R" } }, cells });
    const { id } = await alice.notebook.import({ filename: "big.ipynb", content });
    const nb = await alice.notebook.get({ id });
    expect(nb.cells).toHaveLength(2000);
    expect(nb.executions).toHaveLength(2000);
    expect(nb.events).toHaveLength(2000 * 6);
    const exported = JSON.parse((await alice.notebook.export({ id, format: "ipynb" })).content);
    expect(exported.cells[1999].outputs).toHaveLength(5);
  });

  it("lets only the owner export", async () => {
    const alice = callerFor(await createUser());
    const bob = callerFor(await createUser());
    const { id } = await alice.notebook.import({ filename: "mine.ipynb", content: readFixture("ir-cars.ipynb") });
    for (const format of ["ipynb", "rmd"] as const) {
      await expect(bob.notebook.export({ id, format })).rejects.toMatchObject({ code: "NOT_FOUND", message: "Notebook not found." });
    }
    await expect(callerFor(null).notebook.import({ filename: "a.ipynb", content: "{}" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

/** The message a user sees: for input validation, the field's own message (as the browser shows it). */
function messageOf(error: unknown): string {
  const e = error as { message: string; cause?: { issues?: { message: string }[] } };
  return e.cause?.issues?.[0]?.message ?? e.message;
}
