"use client";
// Preformatted text (with its ANSI colours) that collapses when very long (thousands of lines),
// with a "Show all" button.
import { useMemo, useState } from "react";
import { AnsiText } from "./ansi-text";
import styles from "./outputs.module.css";

const COLLAPSE_ABOVE_LINES = 2_000;
const SHOWN_WHEN_COLLAPSED = 500;

type Props = { text: string; testId: string; className?: string };

export function CollapsibleText({ text, testId, className }: Props) {
  const [expanded, setExpanded] = useState(false);
  const { lineCount, head } = useMemo(() => {
    let count = 1;
    let headEnd = -1;
    for (let i = text.indexOf("\n"); i !== -1 && i < text.length - 1; i = text.indexOf("\n", i + 1)) {
      count++;
      if (count === SHOWN_WHEN_COLLAPSED + 1) headEnd = i;
    }
    return { lineCount: count, head: headEnd === -1 ? text : text.slice(0, headEnd) };
  }, [text]);
  const collapsed = !expanded && lineCount > COLLAPSE_ABOVE_LINES;
  return (
    <div className={className}>
      <pre className={styles.pre} data-testid={testId}><AnsiText text={collapsed ? head : text} /></pre>
      {collapsed && (
        <button type="button" className={`btn btn-ghost ${styles.showAll}`} onClick={() => setExpanded(true)}>
          Show all {lineCount.toLocaleString()} lines ({(lineCount - SHOWN_WHEN_COLLAPSED).toLocaleString()} hidden)
        </button>
      )}
    </div>
  );
}
