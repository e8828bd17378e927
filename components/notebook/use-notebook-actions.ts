"use client";
// Everything the notebook's buttons and keys do: structural edits, running cells (save first,
// then queue, showing "queued" at once and taking back that promise if the run fails) and
// Jupyter's run-and-advance moves.
import { useMemo, type Dispatch, type RefObject } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { AutosaveConflictError, type AutosaveController } from "./autosave";
import type { CellActions } from "./cell-actions";
import { errorMessage } from "./client-errors";
import type { NotebookCommand } from "./command-keys";
import type { ExecAction } from "./execution-state";
import type { CursorHint, EditorCommand } from "./monaco-cell-editor";
import { newCellId } from "./new-id";
import { cellsAbove, runnable, type DocAction, type DocState } from "./notebook-doc";
import type { CellKind, DocCell } from "./types";

type Args = {
  notebookId: string;
  docRef: RefObject<DocState>;
  dispatch: (action: DocAction) => void;
  execDispatch: Dispatch<ExecAction>;
  autosaveRef: RefObject<AutosaveController | null>;
  setCursor: (cursor: CursorHint) => void;
  onRan: () => void;
  onError: (message: string) => void;
};

export type NotebookActions = CellActions & {
  runAll: () => void;
  runAbove: () => void;
  /** A command-mode key on the selected cell. */
  key: (command: NotebookCommand) => void;
};

let runTokens = 0;

export function useNotebookActions(args: Args): NotebookActions {
  const client = useTRPCClient();
  const { notebookId, docRef, dispatch, execDispatch, autosaveRef, setCursor, onRan, onError } = args;

  return useMemo(() => {
    const cellById = (id: string) => docRef.current.cells.find((c) => c.id === id);

    const runCells = async (cells: DocCell[]) => {
      const controller = autosaveRef.current;
      const payload = runnable(cells).map((c) => ({ cellId: c.id, source: c.source }));
      if (!controller || payload.length === 0) return;
      const token = String(++runTokens);
      execDispatch({ type: "pending", token, cellIds: payload.map((c) => c.cellId), at: Date.now() });
      try {
        const result = await controller.runExclusive(payload, (baseVersion) => client.execution.run.mutate({ notebookId, cells: payload, baseVersion }));
        execDispatch({ type: "queued", token, executions: result.executions });
        onRan();
      } catch (e) {
        execDispatch({ type: "pendingFailed", token });
        onError(e instanceof AutosaveConflictError
          ? "Not run: this notebook was changed in another tab or window. Reload it first."
          : `Could not run: ${errorMessage(e)}`);
      }
    };

    const add = (kind: CellKind, anchorId: string | null, where: "above" | "below", opts: { edit: boolean }) => {
      if (opts.edit) setCursor("end");
      dispatch({ type: "add", id: newCellId(), kind, anchorId, where, edit: opts.edit });
    };

    const runOne = (id: string) => {
      const cell = cellById(id);
      if (cell?.kind === "code") void runCells([cell]);
    };

    const advance = (id: string) => {
      const cells = docRef.current.cells;
      const next = cells[cells.findIndex((c) => c.id === id) + 1];
      if (next) dispatch({ type: "select", id: next.id });
      else add("code", id, "below", { edit: true });
    };

    const run = (id: string, command: EditorCommand | NotebookCommand) => {
      switch (command) {
        case "runAdvance":
          runOne(id);
          advance(id);
          return;
        case "runInPlace":
          runOne(id);
          dispatch({ type: "select", id });
          dispatch({ type: "stopEdit" });
          return;
        case "runInsertBelow":
          runOne(id);
          add("code", id, "below", { edit: true });
          return;
        default:
          return;
      }
    };

    const actions: NotebookActions = {
      select: (id) => dispatch({ type: "select", id }),
      edit: (id, cursor) => {
        setCursor(cursor);
        dispatch({ type: "edit", id });
      },
      add,
      remove: (id) => dispatch({ type: "delete", id }),
      move: (id, delta) => dispatch({ type: "move", id, delta }),
      setKind: (id, kind) => dispatch({ type: "setKind", id, kind }),
      setSource: (id, source) => dispatch({ type: "setSource", id, source }),
      run: (id) => {
        dispatch({ type: "select", id });
        runOne(id);
      },
      command: (id, command) => {
        if (command === "commandMode") dispatch({ type: "stopEdit" });
        else run(id, command);
      },
      runAll: () => void runCells(docRef.current.cells),
      runAbove: () => void runCells(cellsAbove(docRef.current.cells, docRef.current.selectedId)),
      key: (command) => {
        const id = docRef.current.selectedId;
        if (id) keyOnCell(id, command);
      },
    };

    const keyOnCell = (id: string, command: NotebookCommand) => {
      switch (command) {
        case "addAbove": return add("code", id, "above", { edit: false });
        case "addBelow": return add("code", id, "below", { edit: false });
        case "delete": return actions.remove(id);
        case "toMarkdown": return actions.setKind(id, "markdown");
        case "toCode": return actions.setKind(id, "code");
        case "selectPrev": return dispatch({ type: "selectRelative", delta: -1 });
        case "selectNext": return dispatch({ type: "selectRelative", delta: 1 });
        case "edit": return actions.edit(id, "end");
        case "runAdvance":
        case "runInPlace":
        case "runInsertBelow":
          return run(id, command);
        default: {
          const unreachable: never = command;
          return unreachable;
        }
      }
    };

    return actions;
  }, [client, notebookId, docRef, dispatch, execDispatch, autosaveRef, setCursor, onRan, onError]);
}
