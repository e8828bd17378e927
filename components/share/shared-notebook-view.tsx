"use client";
// The public, read-only page of a shared link: provenance first (who, when, on which kernel, the
// code's hash, the datasets read), then the frozen cells with their outputs through the notebook's
// own output components (HTML sanitized inline or in sandboxed frames that run no user script, sanitized markdown, images as
// images). Nothing here edits, runs, or links to the author or their other notebooks.
import { CodeLanguageContext } from "@/components/notebook/code-language";
import { MarkdownView } from "@/components/notebook/markdown-view";
import { OutputArea } from "@/components/notebook/outputs/output-area";
import { StaticCode } from "@/components/notebook/static-code";
import { formatBytes } from "@/components/variables/format-bytes";
import type { SharedNotebook, SnapshotCell } from "@/server/sharing/contract";
import { formatUtc } from "./format-utc";
import styles from "./share.module.css";

export function SharedNotebookView({ shared }: { shared: SharedNotebook }) {
  const { snapshot } = shared;
  return (
    <CodeLanguageContext.Provider value={snapshot.language}>
      <main className={styles.page} data-testid="shared-notebook">
        <p className={styles.banner}>Kernelbook · a read-only snapshot, shared by its author</p>
        <h1 className={styles.title} data-testid="shared-title">{snapshot.title}</h1>
        <Provenance shared={shared} />
        {snapshot.cells.map((cell, i) => <SharedCell key={i} cell={cell} />)}
      </main>
    </CodeLanguageContext.Provider>
  );
}

function Provenance({ shared }: { shared: SharedNotebook }) {
  const { snapshot } = shared;
  const { kernel } = snapshot;
  return (
    <dl className={styles.provenance} data-testid="shared-provenance">
      <dt>Author</dt>
      <dd data-testid="shared-author">{snapshot.author}</dd>
      <dt>Shared</dt>
      <dd><time dateTime={shared.createdAt.toISOString()}>{formatUtc(shared.createdAt)}</time>
        {shared.expiresAt && <> · link expires <time dateTime={shared.expiresAt.toISOString()}>{formatUtc(shared.expiresAt)}</time></>}</dd>
      {snapshot.lastRunAt && (
        <>
          <dt>Last run</dt>
          <dd><time dateTime={snapshot.lastRunAt}>{formatUtc(snapshot.lastRunAt)}</time></dd>
        </>
      )}
      <dt>Kernel</dt>
      <dd data-testid="shared-kernel">{kernel.runtime ? `${kernel.runtime} — ${kernel.providerLabel}` : kernel.providerLabel}</dd>
      <dt>Code SHA-256</dt>
      <dd><code className={styles.hash} data-testid="shared-code-hash" title="SHA-256 of every code cell's source, in order, joined by a newline">
        {snapshot.codeSha256}</code></dd>
      <dt>Datasets</dt>
      <dd data-testid="shared-datasets">
        {snapshot.datasets.length === 0
          ? "none"
          : snapshot.datasets.map((d) => `${d.name} (${formatBytes(d.size)}${d.md5 ? `, MD5 ${d.md5}` : ""})`).join("; ")}
      </dd>
    </dl>
  );
}

function SharedCell({ cell }: { cell: SnapshotCell }) {
  if (cell.kind === "markdown") {
    return (
      <section className={styles.cell} data-testid="shared-cell" data-kind="markdown">
        <div className={styles.markdown} data-testid="shared-markdown"><MarkdownView source={cell.source} /></div>
      </section>
    );
  }
  return (
    <section className={styles.cell} data-testid="shared-cell" data-kind="code">
      <div className={styles.prompt} data-testid="shared-prompt">[{cell.executionCount ?? " "}]</div>
      <div className={styles.body}>
        <StaticCode source={cell.source} testId="shared-code" />
        <OutputArea events={cell.events} />
      </div>
    </section>
  );
}
