"use client";
// The notebook toolbar: run all / run above, the kernel controls, add cells, attach a dataset, the
// ML Server menu (on ML Server kernels), export, share, the history toggle.
import type { ReactNode } from "react";
import { KernelControls } from "@/components/kernel/kernel-controls";
import { MlServerMenu, type MlServerMenuProps } from "@/components/mlserver/mlserver-menu";
import { ExportMenu } from "./export-menu";
import { Icon } from "./icons";
import type { NotebookActions } from "./use-notebook-actions";
import styles from "./notebook.module.css";

type Props = {
  notebookId: string;
  actions: NotebookActions;
  selectedId: string | null;
  canRunAbove: boolean;
  historyOpen: boolean;
  onToggleHistory: () => void;
  onKernelChanged: () => void;
  onError: (message: string) => void;
  /** Opens the Attach dataset dialog. */
  onAttachDataset: () => void;
  /** Opens the Share dialog (read-only snapshot links). */
  onShare: () => void;
  mlServer: Omit<MlServerMenuProps, "notebookId" | "selectedId">;
  /** Toggles of the page's side panels (Variables, Files), shown beside History. */
  panelToggles?: ReactNode;
};

export function NotebookToolbar(props: Props) {
  const { notebookId, actions, selectedId, canRunAbove, historyOpen, onToggleHistory, onKernelChanged, onError, onAttachDataset, onShare, mlServer, panelToggles } = props;
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Notebook" data-notebook-keys>
      <button type="button" className="btn btn-primary" aria-label="Run all" title="Run every code cell, top to bottom" onClick={actions.runAll}>
        <Icon name="playAll" /> Run all
      </button>
      <button type="button" className="btn" aria-label="Run above" title="Run the cells above the selected one"
        disabled={!canRunAbove} onClick={actions.runAbove}>
        <Icon name="runAbove" /> Run above
      </button>
      <span className={styles.separator} aria-hidden />
      <KernelControls notebookId={notebookId} onChanged={onKernelChanged} onError={onError} />
      <span className={styles.separator} aria-hidden />
      <button type="button" className="btn" title="Add a code cell below the selected one"
        onClick={() => actions.add("code", selectedId, "below", { edit: true })}>
        + Code
      </button>
      <button type="button" className="btn" title="Add a markdown cell below the selected one"
        onClick={() => actions.add("markdown", selectedId, "below", { edit: true })}>
        + Markdown
      </button>
      <button type="button" className="btn" data-testid="attach-dataset" title="Put one of your datasets where this notebook's kernel reads it"
        onClick={onAttachDataset}>
        Attach dataset
      </button>
      <span className={styles.spacer} />
      <MlServerMenu notebookId={notebookId} selectedId={selectedId} {...mlServer} />
      <ExportMenu notebookId={notebookId} onError={onError} />
      <button type="button" className="btn" data-testid="share-open" title="Share a read-only snapshot of this notebook" onClick={onShare}>
        Share
      </button>
      {panelToggles}
      <button type="button" className={`btn ${historyOpen ? styles.toggled : ""}`} data-testid="history-toggle"
        aria-label="History" aria-pressed={historyOpen} title="Show past runs" onClick={onToggleHistory}>
        <Icon name="history" /> History
      </button>
    </div>
  );
}
