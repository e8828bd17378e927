"use client";
// The notebook toolbar: run all / run above, the kernel controls, add cells, attach a dataset, the
// ML Server menu (on ML Server kernels), export, share, the history toggle. One row at any width:
// what does not fit moves into a "⋯" menu.
import { useRef, type ReactNode } from "react";
import { KernelControls } from "@/components/kernel/kernel-controls";
import { MlServerMenu, type MlServerMenuProps } from "@/components/mlserver/mlserver-menu";
import { PopoverMenu, type PopoverMenuItem } from "@/components/ui/popover-menu";
import { ExportMenu } from "./export-menu";
import { Icon } from "./icons";
import type { NotebookActions } from "./use-notebook-actions";
import { OVERFLOW_ATTR, SPACER_ATTR, useToolbarOverflow } from "./use-toolbar-overflow";
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
  const row = useRef<HTMLDivElement>(null);
  const addMarkdown = () => actions.add("markdown", selectedId, "below", { edit: true });
  // In the order they leave the row for the menu, last first.
  const collapsible: PopoverMenuItem[] = [
    { key: "share", label: "Share", testId: "overflow-share", onSelect: onShare },
    { key: "run-above", label: "Run above", testId: "overflow-run-above", onSelect: () => canRunAbove && actions.runAbove() },
    { key: "add-markdown", label: "+ Markdown", testId: "overflow-add-markdown", onSelect: addMarkdown },
    { key: "attach-dataset", label: "Attach dataset", testId: "overflow-attach-dataset", onSelect: onAttachDataset },
  ];
  const hidden = useToolbarOverflow(row, collapsible.length);
  const shown = (key: string) => collapsible.findIndex((item) => item.key === key) < collapsible.length - hidden;
  const slot = (key: string) => ({ [OVERFLOW_ATTR]: collapsible.findIndex((item) => item.key === key) });
  return (
    <div ref={row} className={styles.toolbar} role="toolbar" aria-label="Notebook" data-notebook-keys data-testid="notebook-toolbar">
      <button type="button" className="btn btn-primary" aria-label="Run all" title="Run every code cell, top to bottom" onClick={actions.runAll}>
        <Icon name="playAll" /> Run all
      </button>
      {shown("run-above") && (
        <button type="button" className="btn" aria-label="Run above" title="Run the cells above the selected one"
          disabled={!canRunAbove} onClick={actions.runAbove} {...slot("run-above")}>
          <Icon name="runAbove" /> Run above
        </button>
      )}
      <span className={styles.separator} aria-hidden />
      <KernelControls notebookId={notebookId} onChanged={onKernelChanged} onError={onError} />
      <span className={styles.separator} aria-hidden />
      <button type="button" className="btn" title="Add a code cell below the selected one"
        onClick={() => actions.add("code", selectedId, "below", { edit: true })}>
        + Code
      </button>
      {shown("add-markdown") && (
        <button type="button" className="btn" title="Add a markdown cell below the selected one" onClick={addMarkdown} {...slot("add-markdown")}>
          + Markdown
        </button>
      )}
      {shown("attach-dataset") && (
        <button type="button" className="btn" data-testid="attach-dataset" title="Put one of your datasets where this notebook's kernel reads it"
          onClick={onAttachDataset} {...slot("attach-dataset")}>
          Attach dataset
        </button>
      )}
      <span className={styles.spacer} {...{ [SPACER_ATTR]: "" }} />
      <MlServerMenu notebookId={notebookId} selectedId={selectedId} {...mlServer} />
      <ExportMenu notebookId={notebookId} onError={onError} />
      {shown("share") && (
        <button type="button" className="btn" data-testid="share-open" title="Share a read-only snapshot of this notebook" onClick={onShare}
          {...slot("share")}>
          Share
        </button>
      )}
      {panelToggles}
      <button type="button" className={`btn ${historyOpen ? styles.toggled : ""}`} data-testid="history-toggle"
        aria-label="History" aria-pressed={historyOpen} title="Show past runs" onClick={onToggleHistory}>
        <Icon name="history" /> History
      </button>
      {hidden > 0 && (
        <PopoverMenu label="⋯" menuLabel="More actions" testId="toolbar-overflow" title="More actions"
          items={collapsible.slice(collapsible.length - hidden)} />
      )}
    </div>
  );
}
