"use client";
// A ready dataset's peek, opened from its row: the first rows of a CSV/TSV as a small table, an
// image shown as is, or a sentence for files the app cannot preview.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";
import styles from "./datasets.module.css";

export function DatasetPreview({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const preview = useQuery(trpc.dataset.preview.queryOptions({ datasetId }, { staleTime: 60_000, retry: false }));
  if (preview.isPending) return <p className="muted" data-testid="dataset-preview">Loading the preview…</p>;
  if (preview.isError) return <p className="error-text" role="alert" data-testid="dataset-preview">Could not load the preview: {preview.error.message}</p>;
  const data = preview.data;
  switch (data.kind) {
    case "table":
      return (
        <div className={styles.preview} data-testid="dataset-preview">
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="preview-table">
              <thead><tr>{data.columns.map((c, i) => <th key={i} scope="col">{c}</th>)}</tr></thead>
              <tbody>
                {data.rows.map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i}>{cell}</td>)}</tr>)}
              </tbody>
            </table>
          </div>
          <p className="muted">{data.truncated ? `The first ${data.rows.length} rows.` : `All ${data.rows.length} rows.`}</p>
        </div>
      );
    case "image":
      return (
        <div className={styles.preview} data-testid="dataset-preview">
          <img className={styles.image} src={data.url} alt="Preview of the dataset" data-testid="preview-image" />
        </div>
      );
    case "none":
      return <p className="muted" data-testid="dataset-preview">No preview for this type.</p>;
    default: {
      const unreachable: never = data;
      return unreachable;
    }
  }
}
