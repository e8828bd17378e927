"use client";
// One past execution: [n], status, duration, when, on which kernel, the first lines of its code;
// expanded, the whole code and its outputs. "Copy to cell" puts the old source back into its cell.
import { useState } from "react";
import { formatAbsolute, formatDuration, formatRelative } from "@/components/notebook/format";
import { OutputArea } from "@/components/notebook/outputs/output-area";
import { StaticCode } from "@/components/notebook/static-code";
import type { HistoryItemData } from "@/components/notebook/types";
import { useNow } from "@/components/notebook/use-now";
import styles from "./history.module.css";

type Props = { item: HistoryItemData; cellExists: boolean; onRestore: (cellId: string, source: string) => void };

const PREVIEW_LINES = 4;

export function HistoryItem({ item, cellExists, onRestore }: Props) {
  const [expanded, setExpanded] = useState(false);
  const now = useNow(30_000);
  const at = (item.startedAt ?? item.queuedAt).getTime();
  return (
    <li className={styles.item} data-testid="history-item" data-execution-id={item.id} data-cell-id={item.cellId ?? ""}>
      <button type="button" className={styles.summary} aria-expanded={expanded} onClick={() => setExpanded((v) => !v)}>
        <span className={styles.count}>{item.executionCount != null ? `[${item.executionCount}]` : "[ ]"}</span>
        <span className={`${styles.status} ${styles[`status-${item.status}`] ?? ""}`} data-testid="history-status">{item.status}</span>
        {item.durationMs != null && <span className="muted">{formatDuration(item.durationMs)}</span>}
        <time className="muted" dateTime={new Date(at).toISOString()} title={formatAbsolute(at)}>{formatRelative(at, now)}</time>
        {item.truncated && <span className={styles.flag}>truncated</span>}
      </button>
      {item.kernel && <div className={`muted ${styles.kernel}`}>{item.kernel}</div>}
      <StaticCode source={item.source} testId="history-code" maxLines={expanded ? undefined : PREVIEW_LINES} />
      {expanded && <OutputArea events={item.events} />}
      <div className={styles.actions}>
        <button
          type="button"
          className="btn"
          data-testid="history-restore"
          disabled={!cellExists}
          title={cellExists ? "Replace the cell's current code with this version" : "That cell no longer exists"}
          onClick={() => item.cellId && onRestore(item.cellId, item.source)}
        >
          Copy to cell
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setExpanded((v) => !v)}>
          {expanded ? "Hide output" : "Show output"}
        </button>
      </div>
    </li>
  );
}
