// Input schemas of the execution and kernel procedures.
import { z } from "zod";
import { ZId } from "./notebook";

export const ZRunCellsInput = z.object({
  notebookId: ZId,
  /** Cells to run in this order; `source` is what the editor holds now (saved before running). */
  cells: z.array(z.object({ cellId: ZId, source: z.string() })).min(1).max(2000),
});
export type RunCellsInput = z.infer<typeof ZRunCellsInput>;

export const ZNotebookRef = z.object({ notebookId: ZId });

export const ZOnEventInput = z.object({
  notebookId: ZId,
  /** The id of the last event the browser has; set by tRPC on reconnect. */
  lastEventId: z.string().regex(/^\d+$/).nullish(),
});

export const ZHistoryInput = z.object({
  notebookId: ZId,
  cellId: ZId.optional(),
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
