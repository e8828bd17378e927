// What the notebook page shows above a cell imported from an R Markdown / Quarto chunk: its engine,
// label and options, from the cell's metadata (the same model export writes back).
import { rmdCellMetadata } from "./rmd-metadata";

export type ChunkCaption = { engine: string; label: string | null; options: string[] };

export function chunkCaption(metadata: Record<string, unknown> | null): ChunkCaption | null {
  const chunk = rmdCellMetadata(metadata ?? undefined);
  if (!chunk?.engine) return null;
  const pipe = chunk.pipe_options ?? [];
  return {
    engine: chunk.engine,
    label: chunk.label ?? pipe.find(([name]) => name === "label")?.[1] ?? null,
    options: [
      ...(chunk.options ?? []).map(([name, value]) => `${name}=${value}`),
      ...pipe.filter(([name]) => name !== "label").map(([name, value]) => `${name}: ${value}`),
    ],
  };
}
