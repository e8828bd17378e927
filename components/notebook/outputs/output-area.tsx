"use client";
// The output of one execution: streams, R messages and warnings, errors, rich results, the
// truncation marker and the reason an execution stopped, in the order they were produced; while
// the execution runs, the input box its kernel waits on.
import { memo, useMemo } from "react";
import type { StoredEvent } from "@/server/contracts/outputs";
import { AnsiText } from "./ansi-text";
import { CollapsibleText } from "./collapsible-text";
import { errorText } from "./error-text";
import { formatLimit, groupOutputs, pendingInput, type OutputBlock } from "./group-outputs";
import { RichOutput } from "./rich-output";
import { StdinPrompt } from "./stdin-prompt";
import styles from "./outputs.module.css";

type Props = {
  events: readonly StoredEvent[];
  /** The running execution these events belong to: its pending input request gets a box. */
  runningExecutionId?: string;
};

export const OutputArea = memo(function OutputArea({ events, runningExecutionId }: Props) {
  const blocks = useMemo(() => groupOutputs(events), [events]);
  if (blocks.length === 0) return null;
  const waiting = runningExecutionId ? pendingInput(blocks) : -1;
  return (
    <div data-testid="cell-output" className={styles.area}>
      {blocks.map((block, i) =>
        i === waiting && block.kind === "input" && runningExecutionId
          ? <StdinPrompt key={i} prompt={block.prompt} password={block.password} executionId={runningExecutionId} />
          : <BlockView key={i} block={block} />)}
    </div>
  );
});

function BlockView({ block }: { block: OutputBlock }) {
  switch (block.kind) {
    case "stream":
      return block.name === "stdout"
        ? <CollapsibleText text={block.text} testId="stream-stdout" />
        : <CollapsibleText text={block.text} testId="stream-stderr" className={styles.stderr} />;
    case "message":
      return (
        <div className={styles.message}>
          <span className={styles.label}>message</span>
          <CollapsibleText text={block.text} testId="output-message" />
        </div>
      );
    case "warning":
      return (
        <pre data-testid="output-warning" className={`${styles.pre} ${styles.warning}`}>
          <AnsiText text={/^warning/i.test(block.text) ? block.text : `Warning: ${block.text}`} />
        </pre>
      );
    case "error": {
      const { head, detail } = errorText(block);
      return (
        <div data-testid="output-error" className={styles.error} role="alert">
          {head !== "" && <pre className={`${styles.pre} ${styles.errorHead}`}><AnsiText text={head} /></pre>}
          {detail !== "" && <pre className={styles.pre}><AnsiText text={detail} /></pre>}
        </div>
      );
    }
    case "rich":
      return <RichOutput data={block.data} />;
    case "truncated":
      return (
        <p data-testid="output-truncated" className={styles.truncated}>
          Output truncated at {formatLimit(block.limitBytes)} (limit). The rest was not kept; write large results to a file instead.
        </p>
      );
    case "status":
      return <p data-testid="output-status" className={styles.status}>{block.reason}</p>;
    case "notice":
      return <p data-testid="output-notice" className={styles.status} role="note">{block.text}</p>;
    case "input":
      // Not answered, and no longer awaited (or shown outside its running cell): the prompt alone.
      return <pre data-testid="stream-stdout" className={styles.pre}>{block.prompt}</pre>;
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}
