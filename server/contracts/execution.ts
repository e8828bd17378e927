// Input schemas of the execution and kernel procedures.
import { z } from "zod";
import { ZId } from "./notebook";

export const ZRunCellsInput = z.object({
  notebookId: ZId,
  /** Cells to run in this order; `source` is what the editor holds now (saved before running). */
  cells: z.array(z.object({ cellId: ZId, source: z.string() })).min(1).max(2000),
  /**
   * The notebook version these sources are based on (the page's last load or save). When it is
   * not the stored version, sources that differ from the stored ones are refused, never saved over
   * what another tab saved. The page always sends it; without it (API callers) sources are saved
   * over whatever is stored.
   */
  baseVersion: z.number().int().nonnegative().optional(),
});
export type RunCellsInput = z.infer<typeof ZRunCellsInput>;

export const ZNotebookRef = z.object({ notebookId: ZId });

/** The longest answer a kernel's input request takes (bytes, UTF-8). */
export const MAX_INPUT_BYTES = 10 * 1024;

export const ZSendInputInput = z.object({
  notebookId: ZId,
  executionId: ZId,
  /** One line for the running cell's input request (R readline). */
  value: z.string().refine((v) => new TextEncoder().encode(v).length <= MAX_INPUT_BYTES, {
    message: `The answer is longer than ${MAX_INPUT_BYTES / 1024} KB.`,
  }),
});
export type SendInputInput = z.infer<typeof ZSendInputInput>;

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
