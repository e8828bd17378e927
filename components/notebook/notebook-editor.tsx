"use client";
// The loaded notebook page: wires the document store, autosave, the execution stream, the kernel
// state (and picker), the editor's kernel completion and help, keyboard command mode and the side
// panels (help, variables, history, ML Server snapshots / web services) together, and lays them out.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { AttachDatasetDialog } from "@/components/datasets/attach-dataset-dialog";
import { FilesPane } from "@/components/files/files-pane";
import { HistoryPanel } from "@/components/history/history-panel";
import { HelpPanel } from "@/components/kernel/help-panel";
import { KernelPicker } from "@/components/kernel/kernel-picker";
import { KernelStatusBadge } from "@/components/kernel/kernel-status-badge";
import { useKernelRefresh, useKernelState } from "@/components/kernel/use-kernel-state";
import { ShareDialog } from "@/components/share/share-dialog";
import { MlServerPanels } from "@/components/mlserver/mlserver-panels";
import type { MlServerPanelRequest } from "@/components/mlserver/types";
import { AppHeader } from "@/components/ui/app-header";
import { VariablesPane } from "@/components/variables/variables-pane";
import { CellList } from "./cell-list";
import { CodeLanguageContext } from "./code-language";
import { ConnectionBanner } from "./connection-banner";
import { FindBar, useFindShortcuts, type FindMode } from "./find-bar";
import { useNotebookLanguage } from "./use-notebook-language";
import { EditorAssistContext } from "./kernel-assist";
import { preloadMarkdown } from "./lazy-markdown";
import { preloadMonaco, type CursorHint } from "./monaco-cell-editor";
import { newCellId } from "./new-id";
import { ConflictBanner, NoticeBanner } from "./notice-banner";
import { NotebookTitle } from "./notebook-title";
import { NotebookToolbar } from "./notebook-toolbar";
import { SaveStateLabel } from "./save-state-label";
import type { NotebookData } from "./types";
import { useAppTheme } from "./use-app-theme";
import { useAutosave } from "./use-autosave";
import { useCommandModeKeys } from "./use-command-mode-keys";
import { useDocStore } from "./use-doc-store";
import { useEditorAssist, type HelpRequest } from "./use-editor-assist";
import { useExecutionStream } from "./use-execution-stream";
import { useNotebookActions } from "./use-notebook-actions";
import styles from "./notebook.module.css";

type Props = { initial: NotebookData; onReload: () => void; reloading: boolean };

export function NotebookEditor({ initial: initialProp, onReload, reloading }: Props) {
  const [initial] = useState(initialProp);
  const notebookId = initial.id;
  const theme = useAppTheme();
  const autosave = useAutosave({ notebookId, version: initial.version, cells: initial.cells });
  const { controllerRef } = autosave;
  const { doc, docRef, dispatch } = useDocStore(initial.cells, (cells) => controllerRef.current?.change(cells));
  const [cursor, setCursor] = useState<CursorHint>("end");
  const [notice, setNotice] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [variablesOpen, setVariablesOpen] = useState(false);
  const [filesOpen, setFilesOpen] = useState(false);
  const [attachOpen, setAttachOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [help, setHelp] = useState<HelpRequest | null>(null);
  const [mlPanel, setMlPanel] = useState<MlServerPanelRequest | null>(null);
  const [find, setFind] = useState<FindMode | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const assist = useEditorAssist(notebookId, setHelp);
  const language = useNotebookLanguage(notebookId, initial.language);

  const kernel = useKernelState(notebookId);
  const refreshKernel = useKernelRefresh(notebookId);
  const stream = useExecutionStream(initial, refreshKernel);

  const actions = useNotebookActions({
    notebookId,
    docRef,
    dispatch,
    execDispatch: stream.dispatch,
    autosaveRef: controllerRef,
    setCursor,
    onRan: refreshKernel,
    onError: setNotice,
  });
  useCommandModeKeys(docRef, actions.key);
  useFindShortcuts(setFind);
  const closeFind = useCallback(() => {
    setFind(null);
    const selected = docRef.current.selectedId;
    if (selected) document.querySelector<HTMLElement>(`[data-cell-id="${CSS.escape(selected)}"]`)?.focus({ preventScroll: true });
  }, [docRef]);
  useBackgroundPreload();

  const cellIds = useMemo(() => new Set(doc.cells.map((c) => c.id)), [doc.cells]);
  const restore = useCallback((cellId: string, source: string) => {
    dispatch({ type: "setSource", id: cellId, source });
    dispatch({ type: "select", id: cellId });
  }, [dispatch]);
  const insertCodeBelow = useCallback((source: string) => {
    dispatch({ type: "add", id: newCellId(), kind: "code", anchorId: docRef.current.selectedId, where: "below", edit: false, source });
  }, [dispatch, docRef]);
  const selectedIndex = doc.cells.findIndex((c) => c.id === doc.selectedId);

  return (
    <div className={styles.page}>
      <AppHeader>
        <div className={styles.headerRow}>
          <NotebookTitle notebookId={notebookId} initialTitle={initial.title} />
          <SaveStateLabel state={autosave.state} error={autosave.error} />
          <KernelPicker notebookId={notebookId} kernelRunning={Boolean(kernel.data && kernel.data.status !== "dead")}
            onChanged={refreshKernel} onError={setNotice} />
          <KernelStatusBadge kernel={kernel.data} loading={kernel.isPending} failed={kernel.isError} />
        </div>
      </AppHeader>
      <NotebookToolbar
        notebookId={notebookId}
        actions={actions}
        selectedId={doc.selectedId}
        canRunAbove={selectedIndex > 0}
        historyOpen={historyOpen}
        onToggleHistory={() => setHistoryOpen((open) => !open)}
        onKernelChanged={refreshKernel}
        onError={setNotice}
        onAttachDataset={() => setAttachOpen(true)}
        onShare={() => setShareOpen(true)}
        mlServer={{ title: initial.title, cells: doc.cells, onOpenPanel: setMlPanel }}
        panelToggles={
          <>
            <button type="button" className={`btn ${variablesOpen ? styles.toggled : ""}`} data-testid="variables-toggle"
              aria-pressed={variablesOpen} title="Show the kernel's variables" onClick={() => setVariablesOpen((open) => !open)}>
              Variables
            </button>
            {(kernel.data?.files || filesOpen) && (
              <button type="button" className={`btn ${filesOpen ? styles.toggled : ""}`} data-testid="files-toggle"
                aria-pressed={filesOpen} title="Files in the kernel's working directory" onClick={() => setFilesOpen((open) => !open)}>
                Files
              </button>
            )}
          </>
        }
      />
      {attachOpen && <AttachDatasetDialog notebookId={notebookId} onInsertCode={insertCodeBelow} onClose={() => setAttachOpen(false)} />}
      {shareOpen && (
        <ShareDialog notebookId={notebookId} saveFirst={() => controllerRef.current?.saveNow() ?? Promise.resolve()}
          onClose={() => setShareOpen(false)} />
      )}
      {autosave.state === "conflict" && <ConflictBanner onReload={onReload} reloading={reloading} />}
      {notice && <NoticeBanner tone="danger" testId="notebook-notice" onDismiss={() => setNotice(null)}>{notice}</NoticeBanner>}
      <ConnectionBanner connection={stream.connection} />
      <div className={styles.body}>
        {find && (
          <FindBar key={find} mode={find} cells={doc.cells} exec={stream.state} scroller={mainRef} onSelectCell={actions.select}
            onClose={closeFind} />
        )}
        <main ref={mainRef} className={styles.main} data-notebook-keys aria-label="Cells">
          <EditorAssistContext.Provider value={assist}>
            <CodeLanguageContext.Provider value={language}>
              <CellList doc={doc} exec={stream.state} cursor={cursor} theme={theme} actions={actions} scroller={mainRef} />
            </CodeLanguageContext.Provider>
          </EditorAssistContext.Provider>
        </main>
        {help && <HelpPanel notebookId={notebookId} request={help} onClose={() => setHelp(null)} />}
        {variablesOpen && (
          <VariablesPane notebookId={notebookId} kernel={kernel.data ?? undefined} refreshKey={stream.state.finished}
            onClose={() => setVariablesOpen(false)} />
        )}
        {mlPanel && (
          <MlServerPanels notebookId={notebookId} request={mlPanel} kernel={kernel.data ?? undefined} onKernelChanged={refreshKernel}
            onClose={() => setMlPanel(null)} />
        )}
        {filesOpen && <FilesPane notebookId={notebookId} kernel={kernel.data ?? undefined} onClose={() => setFilesOpen(false)} />}
        {historyOpen && (
          <HistoryPanel
            notebookId={notebookId}
            selectedCellId={doc.selectedId}
            cellIds={cellIds}
            refreshKey={stream.state.finished}
            onRestore={restore}
            onClose={() => setHistoryOpen(false)}
          />
        )}
      </div>
    </div>
  );
}

/**
 * Loads Monaco (and the markdown renderer) in the background once the page has settled, or at the
 * first pointer activity: the first edit does not wait, and first paint and clicks do not compete.
 */
function useBackgroundPreload(): void {
  useEffect(() => {
    let idle: number | null = null;
    const start = () => {
      cancel();
      preloadMonaco();
      preloadMarkdown();
    };
    const timer = setTimeout(() => {
      idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(start, { timeout: 2_000 }) : null;
      if (idle === null) start();
    }, 1_500);
    const cancel = () => {
      clearTimeout(timer);
      if (idle !== null) window.cancelIdleCallback(idle);
      window.removeEventListener("pointerdown", start);
    };
    window.addEventListener("pointerdown", start, { once: true });
    return cancel;
  }, []);
}
