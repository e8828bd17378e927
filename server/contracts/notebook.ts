// Input schemas of the notebook procedures, shared by the browser and the server.
import { z } from "zod";

export const ZId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Invalid id");
export const ZCellKind = z.enum(["code", "markdown"]);
export type CellKind = z.infer<typeof ZCellKind>;
export const ZTitle = z.string().trim().min(1, "A title is needed").max(200, "Keep the title under 200 characters");

export const ZNotebookIdInput = z.object({ id: ZId });
export const ZCreateNotebookInput = z.object({ title: ZTitle.optional() });
export const ZCreateFromExampleInput = z.object({ exampleId: z.string().min(1).max(100) });
export const ZRenameNotebookInput = z.object({ id: ZId, title: ZTitle });

export const ZCellInput = z.object({
  id: ZId,
  kind: ZCellKind,
  source: z.string().max(1_000_000, "A cell can hold at most 1 MB of text"),
});
export type CellInput = z.infer<typeof ZCellInput>;

export const ZSaveNotebookInput = z.object({
  id: ZId,
  /** The version the browser's copy is based on; a stale one is refused. */
  version: z.number().int().positive(),
  cells: z.array(ZCellInput).max(2000, "A notebook can hold at most 2000 cells"),
});
export type SaveNotebookInput = z.infer<typeof ZSaveNotebookInput>;
