// Client-side types of the notebook page, derived from the tRPC router so they follow the server.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { CellKind } from "@/server/contracts/notebook";
import type { ChunkCaption } from "@/server/notebooks/formats/rmd/chunk-caption";

type RouterOutputs = inferRouterOutputs<AppRouter>;

export type NotebookData = RouterOutputs["notebook"]["get"];
export type ExecutionSummaryData = NotebookData["executions"][number];
export type KernelStateData = RouterOutputs["kernel"]["get"];
export type HistoryPage = RouterOutputs["execution"]["history"];
export type HistoryItemData = HistoryPage["items"][number];
export type RunResult = RouterOutputs["execution"]["run"];

export type { CellKind };

/** A cell as the page holds it: React state is the source of truth for the text. */
export type DocCell = {
  id: string;
  kind: CellKind;
  source: string;
  /** For a cell imported from an R Markdown / Quarto chunk: its engine, label and options. */
  chunk?: ChunkCaption | null;
};
