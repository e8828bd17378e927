// The notebook as the exporters read it: plain data, so converters are pure and tested without a database.
import type { CellKind } from "@/server/contracts/notebook";
import type { StoredEvent } from "@/server/contracts/outputs";
import type { NotebookLanguage } from "./kernel-language";

export type ExportCell = {
  id: string;
  kind: CellKind;
  source: string;
  /** Kept from an imported file (Jupyter cell metadata, an R Markdown chunk's header); none if absent. */
  metadata?: Record<string, unknown>;
  /** The cell's latest execution, with its events in order; null if it never ran. */
  execution: { executionCount: number | null; events: readonly StoredEvent[] } | null;
};

export type ExportableNotebook = {
  title: string;
  language: NotebookLanguage;
  cells: ExportCell[];
  /** Kept from an imported file (an R Markdown YAML header); none if absent. */
  metadata?: Record<string, unknown> | null;
};
