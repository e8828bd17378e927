// The engine, label and options of a cell imported from an R Markdown / Quarto chunk, shown above
// its code (as RStudio shows a chunk's header), so what knitr will do with it stays visible.
import type { ChunkCaption } from "@/server/notebooks/formats/rmd/chunk-caption";
import styles from "./cell.module.css";

export function ChunkCaptionLine({ chunk }: { chunk: ChunkCaption }) {
  return (
    <div className={styles.chunkCaption} data-testid="chunk-caption" title="R Markdown chunk: engine, label and options">
      <span className={styles.chunkEngine} data-testid="chunk-engine">{chunk.engine}</span>
      {chunk.label && <span className={styles.chunkLabel} data-testid="chunk-label">{chunk.label}</span>}
      {chunk.options.length > 0 && <span data-testid="chunk-options">{chunk.options.join(", ")}</span>}
    </div>
  );
}
