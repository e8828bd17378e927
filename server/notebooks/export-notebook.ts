// Exports a notebook the user owns, with each cell's latest outputs, as a file to download:
// Jupyter's .ipynb (nbformat 4.5) or R Markdown (.Rmd).
import "server-only";
import type { Db } from "@/server/db";
import type { ExportedFile, ExportFormat } from "@/server/contracts/notebook-transfer";
import type { StoredEvent } from "@/server/contracts/outputs";
import type { ExportableNotebook } from "./formats/exportable";
import { languageOf } from "./formats/kernel-language";
import { toIpynbText } from "./formats/to-ipynb";
import { toRmd } from "./formats/to-rmd";
import { findOwnedNotebook } from "./find-owned-notebook";
import { getNotebook, jsonObject } from "./get-notebook";

export async function exportNotebook(db: Db, args: { userId: string; notebookId: string; format: ExportFormat }): Promise<ExportedFile> {
  const owned = await findOwnedNotebook(db, args);
  const loaded = await getNotebook(db, args);
  const latest = new Map(loaded.executions.map((e) => [e.cellId, e]));
  const kept = await db.cell.findMany({ where: { notebookId: owned.id }, select: { id: true, metadata: true } });
  const metadataOf = new Map(kept.map((c) => [c.id, jsonObject(c.metadata)]));
  const eventsOf = new Map<string, StoredEvent[]>();
  for (const e of loaded.events) {
    const list = eventsOf.get(e.executionId);
    if (list) list.push(e.event);
    else eventsOf.set(e.executionId, [e.event]);
  }
  const notebook: ExportableNotebook = {
    title: loaded.title,
    language: languageOf(owned),
    metadata: jsonObject(owned.metadata),
    cells: loaded.cells.map(({ id, kind, source }) => {
      const execution = latest.get(id);
      const metadata = metadataOf.get(id);
      const cell = { id, kind, source, ...(metadata ? { metadata } : {}) };
      if (!execution) return { ...cell, execution: null };
      return { ...cell, execution: { executionCount: execution.executionCount, events: eventsOf.get(execution.id) ?? [] } };
    }),
  };
  return render(notebook, args.format);
}

function render(notebook: ExportableNotebook, format: ExportFormat): ExportedFile {
  const name = fileBaseName(notebook.title);
  switch (format) {
    case "ipynb":
      return { filename: `${name}.ipynb`, contentType: "application/x-ipynb+json", content: toIpynbText(notebook) };
    case "rmd":
      return { filename: `${name}.Rmd`, contentType: "text/x-r-markdown", content: toRmd(notebook) };
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/** The title as a file name every OS accepts: no path separators or reserved characters. */
function fileBaseName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-").replace(/\s+/g, " ").replace(/^[\s.-]+|[\s.]+$/g, "");
  return safe.slice(0, 120) || "notebook";
}
